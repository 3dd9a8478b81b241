/** Every page path in one place; pages never spell a URL themselves. */
import Taro from '@tarojs/taro';

export const ROUTES = {
  home: '/pages/index/index',
  bindHome: '/pages/bind-home/index',
  newRequest: '/pages/request-new/index',
  myRequests: '/pages/my-requests/index',
  requestDetail: '/pages/request-detail/index',
  messages: '/pages/messages/index',
  staffInbox: '/subpackages/staff/pages/inbox/index',
  staffRequestDetail: '/subpackages/staff/pages/request-detail/index',
  staffFileOnBehalf: '/subpackages/staff/pages/file-on-behalf/index',
  liaisonInbox: '/subpackages/liaison/pages/inbox/index',
  liaisonRequestDetail: '/subpackages/liaison/pages/request-detail/index',
} as const;

/** Tab pages (switchTab only). Index in the tabBar list matters for setTabBarBadge. */
export const TAB_INDEX = { home: 0, myRequests: 1, messages: 2 } as const;

export const goHome = () => Taro.switchTab({ url: ROUTES.home });
export const goMyRequests = () => Taro.switchTab({ url: ROUTES.myRequests });
export const goBindHome = () => Taro.navigateTo({ url: ROUTES.bindHome });
export const goNewRequest = () => Taro.navigateTo({ url: ROUTES.newRequest });
export const goRequestDetail = (id: number) => Taro.navigateTo({ url: `${ROUTES.requestDetail}?id=${id}` });
export const goStaffInbox = () => Taro.navigateTo({ url: ROUTES.staffInbox });
export const goStaffRequestDetail = (id: number) => Taro.navigateTo({ url: `${ROUTES.staffRequestDetail}?id=${id}` });
export const goLiaisonInbox = () => Taro.navigateTo({ url: ROUTES.liaisonInbox });
export const goLiaisonRequestDetail = (requestId: number, assignmentId: number) =>
  Taro.navigateTo({ url: `${ROUTES.liaisonRequestDetail}?id=${requestId}&assignmentId=${assignmentId}` });
export const goStaffFileOnBehalf = () => Taro.navigateTo({ url: ROUTES.staffFileOnBehalf });

/** After filing: replace the form with the new item's detail, so "back" does not return to a filled form. */
export const replaceWithRequestDetail = (id: number, staff = false) =>
  Taro.redirectTo({ url: `${staff ? ROUTES.staffRequestDetail : ROUTES.requestDetail}?id=${id}` });
