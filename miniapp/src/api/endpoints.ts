/** One typed function per route of docs/api-routes.md. */
import type {
  AuthOptions,
  EscalateBody,
  ExtensionDecisionBody,
  ExtensionRequestBody,
  ExtensionView,
  LiaisonInboxPage,
  LiaisonInboxQuery,
  PasswordLoginBody,
  ReportBody,
  ReturnBody,
  SubscriptionReportBody,
  SubscriptionsView,
  WhistleBody,
  WhistleProposal,
  BindHomeBody,
  CreateRequestBody,
  GeoOption,
  InboxCounts,
  InboxQuery,
  LoginResponse,
  Me,
  NoteBody,
  NotificationView,
  Page,
  PageQuery,
  RateBody,
  RejectBody,
  RequestDetail,
  RequestSummary,
  RoomOption,
  UnreadCount,
} from '@gezhi/shared';
import { apiRequest } from './client';

// ---- auth ----
export const getAuthOptions = () => apiRequest<AuthOptions>('GET', '/auth/options');
export const loginWithWechatCode = (code: string) => apiRequest<LoginResponse>('POST', '/auth/wechat', { body: { code } });
export const loginWithDemoAccount = (account: string) =>
  apiRequest<LoginResponse>('POST', '/auth/dev-login', { body: { account } });
export const loginWithPassword = (body: PasswordLoginBody) => apiRequest<LoginResponse>('POST', '/auth/password', { body });

// ---- me ----
export const getMe = () => apiRequest<Me>('GET', '/me');
export const bindHome = (body: BindHomeBody) => apiRequest<Me>('PUT', '/me/home', { body });
/** staff and liaisons: bind the WeChat identity of a wx.login() code to the signed-in account */
export const bindWechat = (code: string) => apiRequest<Me>('POST', '/me/wechat-binding', { body: { code } });
export const getSubscriptions = () => apiRequest<SubscriptionsView>('GET', '/me/subscriptions');
export const reportSubscriptions = (body: SubscriptionReportBody) =>
  apiRequest<SubscriptionsView>('POST', '/me/subscriptions', { body });

// ---- geography ----
export const listStreets = () => apiRequest<GeoOption[]>('GET', '/geo/streets');
export const listCommunities = (streetId: number) => apiRequest<GeoOption[]>('GET', '/geo/communities', { query: { streetId } });
export const listBuildings = (communityId: number) =>
  apiRequest<GeoOption[]>('GET', '/geo/buildings', { query: { communityId } });
export const listRooms = (buildingId: number) => apiRequest<RoomOption[]>('GET', '/geo/rooms', { query: { buildingId } });

// ---- requests ----
export const createRequest = (body: CreateRequestBody) => apiRequest<RequestDetail>('POST', '/requests', { body });
export const listMyRequests = (query: PageQuery) =>
  apiRequest<Page<RequestSummary>>('GET', '/requests/mine', { query: { ...query } });
export const getRequest = (id: number) => apiRequest<RequestDetail>('GET', `/requests/${id}`);
export const acceptRequest = (id: number) => apiRequest<RequestDetail>('POST', `/requests/${id}/accept`);
export const addProgress = (id: number, body: NoteBody) => apiRequest<RequestDetail>('POST', `/requests/${id}/progress`, { body });
export const resolveRequest = (id: number, body: NoteBody) => apiRequest<RequestDetail>('POST', `/requests/${id}/resolve`, { body });
export const rejectRequest = (id: number, body: RejectBody) => apiRequest<RequestDetail>('POST', `/requests/${id}/reject`, { body });
export const cancelRequest = (id: number) => apiRequest<RequestDetail>('POST', `/requests/${id}/cancel`);
export const rateRequest = (id: number, body: RateBody) => apiRequest<RequestDetail>('POST', `/requests/${id}/rate`, { body });

// ---- escalation (上报), extensions (延期) ----
export const escalateRequest = (id: number, body: EscalateBody) =>
  apiRequest<RequestDetail>('POST', `/requests/${id}/escalate`, { body });
export const askExtension = (id: number, body: ExtensionRequestBody) =>
  apiRequest<ExtensionView>('POST', `/requests/${id}/extensions`, { body });
export const listExtensions = (id: number) => apiRequest<ExtensionView[]>('GET', `/requests/${id}/extensions`);
export const approveExtension = (extensionId: number, body: ExtensionDecisionBody) =>
  apiRequest<ExtensionView>('POST', `/extensions/${extensionId}/approve`, { body });
export const rejectExtension = (extensionId: number, body: ExtensionDecisionBody) =>
  apiRequest<ExtensionView>('POST', `/extensions/${extensionId}/reject`, { body });

// ---- whistle (吹哨) and the departments' side (报到) ----
export const getWhistleProposal = (id: number) => apiRequest<WhistleProposal>('GET', `/requests/${id}/whistle-proposal`);
export const whistleRequest = (id: number, body: WhistleBody) =>
  apiRequest<RequestDetail>('POST', `/requests/${id}/whistle`, { body });
export const listLiaisonInbox = (query: LiaisonInboxQuery) =>
  apiRequest<LiaisonInboxPage>('GET', '/liaison/inbox', { query: { ...query } });
export const reportAssignment = (assignmentId: number, body: ReportBody) =>
  apiRequest<RequestDetail>('POST', `/whistles/${assignmentId}/report`, { body });
export const progressAssignment = (assignmentId: number, body: NoteBody) =>
  apiRequest<RequestDetail>('POST', `/whistles/${assignmentId}/progress`, { body });
export const returnAssignment = (assignmentId: number, body: ReturnBody) =>
  apiRequest<RequestDetail>('POST', `/whistles/${assignmentId}/return`, { body });
export const resolveAssignment = (assignmentId: number, body: NoteBody) =>
  apiRequest<RequestDetail>('POST', `/whistles/${assignmentId}/resolve`, { body });

// ---- staff ----
export const listInbox = (query: InboxQuery) => apiRequest<Page<RequestSummary>>('GET', '/staff/inbox', { query: { ...query } });
export const getInboxCounts = () => apiRequest<InboxCounts>('GET', '/staff/inbox/counts');
export const listRoomsInScope = (communityId?: number | null) =>
  apiRequest<RoomOption[]>('GET', '/staff/rooms', { query: { communityId } });

// ---- notifications ----
export const listNotifications = (query: PageQuery) =>
  apiRequest<Page<NotificationView>>('GET', '/notifications', { query: { ...query } });
export const getUnreadCount = () => apiRequest<UnreadCount>('GET', '/notifications/unread-count');
export const markNotificationRead = (id: number) => apiRequest<NotificationView>('POST', `/notifications/${id}/read`);

export { uploadImage } from './client';
