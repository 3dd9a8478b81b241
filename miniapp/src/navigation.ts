/** Every page path in one place; pages never spell a URL themselves. */
import Taro from '@tarojs/taro';
import { pageOf, type NoticeTarget, type Role } from '@gezhi/shared';

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
  /** 上门服务计划 (provider day plan); `?day=YYYY-MM-DD` opens that day */
  staffVisits: '/subpackages/staff/pages/visits/index',
  /** one visit of the day plan: `?id=<bookingId>` (also the target of VISIT_BOOKED / VISIT_CANCELLED notifications) */
  staffVisit: '/subpackages/staff/pages/visit/index',
  /** 服务清单管理 (community officers): the catalogue, one service's editor (`?id=`, none = new), its slots (`?id=`) */
  staffCatalogue: '/subpackages/staff/pages/catalogue/index',
  staffCatalogueEdit: '/subpackages/staff/pages/catalogue-edit/index',
  staffCatalogueSlots: '/subpackages/staff/pages/catalogue-slots/index',
  /** 数据: KPI cards, charts, 红黑榜, 导出月报 (grid leaders, community and street officers) */
  staffData: '/subpackages/staff/pages/data/index',
  /** the items behind a number: the MetricsItemsQuery as route query (metrics/period.ts#itemsRouteQuery) */
  staffMetricItems: '/subpackages/staff/pages/metric-items/index',
  /** 问需会: the half-monthly agenda, the project service list, one project (`?id=`) */
  staffReview: '/subpackages/staff/pages/review/index',
  staffProjects: '/subpackages/staff/pages/projects/index',
  staffProject: '/subpackages/staff/pages/project/index',
  /** 待回访: unrated items to phone back (电话回访) */
  staffReturnVisits: '/subpackages/staff/pages/return-visits/index',
  /** 住户核实: residents' unconfirmed home bindings, 确认 / 驳回 */
  staffHomeBindings: '/subpackages/staff/pages/home-bindings/index',
  /** 公示 (residents): the community's rates and resolved items, anonymised */
  communityBoard: '/subpackages/community/pages/board/index',
  liaisonInbox: '/subpackages/liaison/pages/inbox/index',
  liaisonRequestDetail: '/subpackages/liaison/pages/request-detail/index',
  // 便民服务 (service booking, residents): subpackage `services`
  serviceCatalogue: '/subpackages/services/pages/catalogue/index',
  service: '/subpackages/services/pages/service/index',
  myBookings: '/subpackages/services/pages/my-bookings/index',
  booking: '/subpackages/services/pages/booking/index',
  serviceAsk: '/subpackages/services/pages/ask/index',
} as const;

/** Tab pages (switchTab only). Index in the tabBar list matters for setTabBarBadge. */
export const TAB_INDEX = { home: 0, myRequests: 1, messages: 2 } as const;

export const goHome = () => Taro.switchTab({ url: ROUTES.home });
export const goMyRequests = () => Taro.switchTab({ url: ROUTES.myRequests });
export const goBindHome = () => Taro.navigateTo({ url: ROUTES.bindHome });
export const goNewRequest = () => Taro.navigateTo({ url: ROUTES.newRequest });
export const goRequestDetail = (id: number) => Taro.navigateTo({ url: `${ROUTES.requestDetail}?id=${id}` });
/** Where a tap on a notification goes (shared pageOf, the same page a WeChat message opens; its paths are ROUTES'). */
export const goNoticePage = (role: Role, notice: NoticeTarget) => Taro.navigateTo({ url: `/${pageOf(role, notice)}` });
export const goStaffInbox = () => Taro.navigateTo({ url: ROUTES.staffInbox });
export const goStaffRequestDetail = (id: number) => Taro.navigateTo({ url: `${ROUTES.staffRequestDetail}?id=${id}` });
export const goLiaisonInbox = () => Taro.navigateTo({ url: ROUTES.liaisonInbox });
export const goLiaisonRequestDetail = (requestId: number, assignmentId: number) =>
  Taro.navigateTo({ url: `${ROUTES.liaisonRequestDetail}?id=${requestId}&assignmentId=${assignmentId}` });
export const goStaffFileOnBehalf = () => Taro.navigateTo({ url: ROUTES.staffFileOnBehalf });
export const goStaffVisits = (day?: string) => Taro.navigateTo({ url: day ? `${ROUTES.staffVisits}?day=${day}` : ROUTES.staffVisits });
export const goStaffVisit = (bookingId: number) => Taro.navigateTo({ url: `${ROUTES.staffVisit}?id=${bookingId}` });

/** After filing: replace the form with the new item's detail, so "back" does not return to a filled form. */
export const replaceWithRequestDetail = (id: number, staff = false) =>
  Taro.redirectTo({ url: `${staff ? ROUTES.staffRequestDetail : ROUTES.requestDetail}?id=${id}` });

// ---- 便民服务 (residents) ----
export const goServiceCatalogue = () => Taro.navigateTo({ url: ROUTES.serviceCatalogue });
export const goService = (id: number) => Taro.navigateTo({ url: `${ROUTES.service}?id=${id}` });
export const goMyBookings = () => Taro.navigateTo({ url: ROUTES.myBookings });
export const goBooking = (id: number) => Taro.navigateTo({ url: `${ROUTES.booking}?id=${id}` });
export const goServiceAsk = () => Taro.navigateTo({ url: ROUTES.serviceAsk });
/** After booking: the booking's detail replaces the slot list, so "back" returns to the catalogue. */
export const replaceWithBooking = (id: number) => Taro.redirectTo({ url: `${ROUTES.booking}?id=${id}` });

// ---- 服务清单管理 (community officers, staff subpackage) ----
export const goStaffCatalogue = () => Taro.navigateTo({ url: ROUTES.staffCatalogue });
export const goStaffCatalogueEdit = (id?: number) =>
  Taro.navigateTo({ url: id ? `${ROUTES.staffCatalogueEdit}?id=${id}` : ROUTES.staffCatalogueEdit });
export const goStaffCatalogueSlots = (id: number) => Taro.navigateTo({ url: `${ROUTES.staffCatalogueSlots}?id=${id}` });
/** After creating a service: its slots replace the form, so "back" returns to the catalogue. */
export const replaceWithCatalogueSlots = (id: number) => Taro.redirectTo({ url: `${ROUTES.staffCatalogueSlots}?id=${id}` });

// ---- 数据 / 问需会 (staff) and 公示 (residents) ----
export const goStaffData = () => Taro.navigateTo({ url: ROUTES.staffData });
/** `routeQuery` from metrics/period.ts#itemsRouteQuery */
export const goStaffMetricItems = (routeQuery: string) => Taro.navigateTo({ url: `${ROUTES.staffMetricItems}?${routeQuery}` });
export const goStaffReview = () => Taro.navigateTo({ url: ROUTES.staffReview });
export const goStaffProjects = () => Taro.navigateTo({ url: ROUTES.staffProjects });
export const goStaffProject = (id: number) => Taro.navigateTo({ url: `${ROUTES.staffProject}?id=${id}` });
/** after 生成项目: the new project replaces the agenda's form */
export const replaceWithStaffProject = (id: number) => Taro.redirectTo({ url: `${ROUTES.staffProject}?id=${id}` });
export const goStaffReturnVisits = () => Taro.navigateTo({ url: ROUTES.staffReturnVisits });
export const goStaffHomeBindings = () => Taro.navigateTo({ url: ROUTES.staffHomeBindings });
export const goCommunityBoard = () => Taro.navigateTo({ url: ROUTES.communityBoard });
