/** One typed function per route of docs/api-routes.md. */
import type {
  BookingView,
  CoordinatorOption,
  CreateServiceBody,
  CreateSlotBody,
  RecurrenceRuleBody,
  RecurrenceRuleView,
  UpdateServiceBody,
  UpdateSlotBody,
  CompleteVisitBody,
  CreateBookingBody,
  CustodyStepBody,
  ProviderVisitView,
  ServiceAskBody,
  ServiceOfferingView,
  SlotView,
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
  ResolveBody,
  NotificationView,
  Page,
  PageQuery,
  RateBody,
  RejectBody,
  RequestDetail,
  RequestSummary,
  RoomOption,
  RoomResidentOption,
  UnreadCount,
} from '@gezhi/shared';
import { apiRequest } from './client';
import type { ReturnVisitCallView, ReturnVisitItem, ReturnVisitRateBody, ReturnVisitUnreachableBody } from '@gezhi/shared';
import type { HomeBindingDecisionBody, UnverifiedHome } from '@gezhi/shared';
import type {
  BreakdownQuery,
  MetricsBreakdown,
  MetricsItemsPage,
  MetricsItemsQuery,
  MetricsQuery,
  MetricsTrend,
  MetricsView,
  RankingQuery,
  RankingView,
} from '@gezhi/shared';
import type {
  AgendaQuery,
  BoardPage,
  BoardQuery,
  CloseProjectBody,
  CreateProjectBody,
  ProjectCloseResponse,
  ProjectDetail,
  ProjectNoteBody,
  ProjectOwnerOption,
  ProjectPage,
  ProjectQuery,
  ReviewAgenda,
  ReviewSettings,
  PutReviewSettingsBody,
  MetricsScopeKind,
} from '@gezhi/shared';

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
export const resolveRequest = (id: number, body: ResolveBody) => apiRequest<RequestDetail>('POST', `/requests/${id}/resolve`, { body });
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
export const resolveAssignment = (assignmentId: number, body: ResolveBody) =>
  apiRequest<RequestDetail>('POST', `/whistles/${assignmentId}/resolve`, { body });

// ---- staff ----
export const listInbox = (query: InboxQuery) => apiRequest<Page<RequestSummary>>('GET', '/staff/inbox', { query: { ...query } });
export const getInboxCounts = () => apiRequest<InboxCounts>('GET', '/staff/inbox/counts');
export const listRoomsInScope = (communityId?: number | null) =>
  apiRequest<RoomOption[]>('GET', '/staff/rooms', { query: { communityId } });
/** 代居民登记: the registered residents of a room (names and phones masked), to pick whom an item is for */
export const listRoomResidents = (roomId: number) => apiRequest<RoomResidentOption[]>('GET', `/staff/rooms/${roomId}/residents`);

// ---- notifications ----
export const listNotifications = (query: PageQuery) =>
  apiRequest<Page<NotificationView>>('GET', '/notifications', { query: { ...query } });
export const getUnreadCount = () => apiRequest<UnreadCount>('GET', '/notifications/unread-count');
export const markNotificationRead = (id: number) => apiRequest<NotificationView>('POST', `/notifications/${id}/read`);

export { uploadImage } from './client';

// ---- service booking (服务预约) ----
export const listServices = () => apiRequest<ServiceOfferingView[]>('GET', '/services');
export const getService = (id: number) => apiRequest<ServiceOfferingView>('GET', `/services/${id}`);
/** slots starting in [from, to) (ISO instants; the server defaults to the next 14 days) */
export const listSlots = (serviceId: number, query: { from?: string; to?: string } = {}) =>
  apiRequest<SlotView[]>('GET', `/services/${serviceId}/slots`, { query: { ...query } });
export const askForService = (body: ServiceAskBody) => apiRequest<RequestDetail>('POST', '/services/asks', { body });
export const bookSlot = (body: CreateBookingBody) => apiRequest<BookingView>('POST', '/bookings', { body });
export const listMyBookings = (query: PageQuery) => apiRequest<Page<BookingView>>('GET', '/bookings/mine', { query: { ...query } });
export const getBooking = (id: number) => apiRequest<BookingView>('GET', `/bookings/${id}`);
export const cancelBooking = (id: number) => apiRequest<BookingView>('POST', `/bookings/${id}/cancel`);
export const rateBooking = (id: number, body: RateBody) => apiRequest<BookingView>('POST', `/bookings/${id}/rate`, { body });

// ---- catalogue maintenance (community officers) ----
export const createService = (body: CreateServiceBody) => apiRequest<ServiceOfferingView>('POST', '/services', { body });
export const updateService = (id: number, body: UpdateServiceBody) =>
  apiRequest<ServiceOfferingView>('PUT', `/services/${id}`, { body });
export const listCoordinators = () => apiRequest<CoordinatorOption[]>('GET', '/services/coordinators');
export const createSlot = (serviceId: number, body: CreateSlotBody) =>
  apiRequest<SlotView>('POST', `/services/${serviceId}/slots`, { body });
export const updateSlot = (serviceId: number, slotId: number, body: UpdateSlotBody) =>
  apiRequest<SlotView>('PUT', `/services/${serviceId}/slots/${slotId}`, { body });
/** only a slot nobody booked (409 SLOT_HAS_BOOKINGS otherwise) */
export const deleteSlot = (serviceId: number, slotId: number) => apiRequest<void>('DELETE', `/services/${serviceId}/slots/${slotId}`);
export const listRecurrences = (serviceId: number) =>
  apiRequest<RecurrenceRuleView[]>('GET', `/services/${serviceId}/recurrences`);
export const createRecurrence = (serviceId: number, body: RecurrenceRuleBody) =>
  apiRequest<RecurrenceRuleView>('POST', `/services/${serviceId}/recurrences`, { body });

// ---- provider day plan (上门服务计划) ----
/** day: local YYYY-MM-DD (default today); days 1–7 */
export const listProviderVisits = (query: { day?: string; days?: number } = {}) =>
  apiRequest<ProviderVisitView[]>('GET', '/provider/visits', { query: { ...query } });
export const getProviderVisit = (bookingId: number) => apiRequest<ProviderVisitView>('GET', `/provider/visits/${bookingId}`);
export const confirmVisit = (bookingId: number) => apiRequest<ProviderVisitView>('POST', `/provider/visits/${bookingId}/confirm`);
export const arriveVisit = (bookingId: number) => apiRequest<ProviderVisitView>('POST', `/provider/visits/${bookingId}/arrive`);
export const markVisitNoShow = (bookingId: number) => apiRequest<ProviderVisitView>('POST', `/provider/visits/${bookingId}/no-show`);
export const completeVisit = (bookingId: number, body: CompleteVisitBody) =>
  apiRequest<ProviderVisitView>('POST', `/provider/visits/${bookingId}/complete`, { body });
export const recordCustodyStep = (bookingId: number, body: CustodyStepBody) =>
  apiRequest<ProviderVisitView>('POST', `/provider/visits/${bookingId}/custody`, { body });

// ---- 公示 (public board, residents) ----
export const getBoard = (query: BoardQuery) => apiRequest<BoardPage>('GET', '/board', { query: { ...query } });

// ---- 问需会 (half-monthly needs review) and 项目服务清单 ----
export const getReviewAgenda = (query: AgendaQuery = {}) => apiRequest<ReviewAgenda>('GET', '/review/agenda', { query: { ...query } });
export const listProjectOwners = (query: { communityId?: number } = {}) =>
  apiRequest<ProjectOwnerOption[]>('GET', '/review/owners', { query: { ...query } });
export const createProject = (body: CreateProjectBody) => apiRequest<ProjectDetail>('POST', '/review/projects', { body });
export const listProjects = (query: ProjectQuery) => apiRequest<ProjectPage>('GET', '/review/projects', { query: { ...query } });
export const getProject = (id: number) => apiRequest<ProjectDetail>('GET', `/review/projects/${id}`);
export const addProjectProgress = (id: number, body: ProjectNoteBody) =>
  apiRequest<ProjectDetail>('POST', `/review/projects/${id}/progress`, { body });
/** 办结: the detail plus `closeOutcomes` — which linked items were resolved with it, and which stay open and why */
export const closeProject = (id: number, body: CloseProjectBody) => apiRequest<ProjectCloseResponse>('POST', `/review/projects/${id}/close`, { body });
/** the community's 问需会 cadence (defaults until a community officer saves its own) */
export const getReviewSettings = (query: { communityId?: number } = {}) =>
  apiRequest<ReviewSettings>('GET', '/review/settings', { query: { ...query } });
export const putReviewSettings = (body: PutReviewSettingsBody) => apiRequest<ReviewSettings>('PUT', '/review/settings', { body });

// ---- 月报 (monthly Excel report): a file, not JSON ----
/**
 * GET /api/metrics/report.xlsx — the route and query to hand to a file download (staff/metrics/report-download.ts
 * `downloadApiFile(route.path, route.query, fallbackName)`); the server names the file in Content-Disposition.
 */
export const metricsReportRoute = (query: { scope?: MetricsScopeKind; id?: number; month?: string } = {}) => ({
  path: '/metrics/report.xlsx',
  query: { ...query },
});

// ---- 数据 (metrics, staff and liaisons; docs/metrics.md) ----
/** without scope/id: the viewer's own grid / community / street / department; without a period: this month */
export const getMetrics = (query: MetricsQuery = {}) => apiRequest<MetricsView>('GET', '/metrics', { query: { ...query } });
/** weekly points (Monday–Sunday); without a period: the last `weeks` (default 12) weeks */
export const getMetricsTrend = (query: MetricsQuery & { weeks?: number } = {}) =>
  apiRequest<MetricsTrend>('GET', '/metrics/trend', { query: { ...query } });
export const getMetricsBreakdown = (query: BreakdownQuery) => apiRequest<MetricsBreakdown>('GET', '/metrics/breakdown', { query: { ...query } });
/** monthly 红黑榜 (default: the previous month) */
export const getMetricsRankings = (query: RankingQuery) => apiRequest<RankingView>('GET', '/metrics/rankings', { query: { ...query } });
/** the items behind a number: pass a ranking entry's itemQueries[rate], or a view's query plus `rate` / `count` */
export const listMetricsItems = (query: MetricsItemsQuery) => apiRequest<MetricsItemsPage>('GET', '/metrics/items', { query: { ...query } });

// ---- 回访 (return visits, staff; docs/request-lifecycle.md#回访) ----
/** 待回访: items of the viewer's scope resolved RETURN_VISIT_AFTER_DAYS ago and not rated, longest-waiting first */
export const listReturnVisits = (query: PageQuery) =>
  apiRequest<Page<ReturnVisitItem>>('GET', '/staff/return-visits', { query: { ...query } });
/** the full number to dial, at the moment of calling (lists only carry it masked) */
export const getReturnVisitPhone = (id: number) =>
  apiRequest<ReturnVisitCallView>('POST', `/requests/${id}/return-visit/call`);
/** 电话回访评价: the three scores the person gave on the phone */
export const recordReturnVisit = (id: number, body: ReturnVisitRateBody) =>
  apiRequest<RequestDetail>('POST', `/requests/${id}/return-visit`, { body });
/** 联系不上: an attempt that reached nobody (the item stays 待回访) */
export const recordReturnVisitUnreachable = (id: number, body: ReturnVisitUnreachableBody = {}) =>
  apiRequest<RequestDetail>('POST', `/requests/${id}/return-visit/unreachable`, { body });

// ---- 住户核实 (staff subpackage) ----
/** residents' home bindings in the caller's scope that no grid worker has confirmed yet */
export const listUnverifiedHomes = () => apiRequest<UnverifiedHome[]>('GET', '/staff/home-bindings');
export const confirmHomeBinding = (residentUserId: number, body: HomeBindingDecisionBody) =>
  apiRequest<void>('POST', `/staff/home-bindings/${residentUserId}/confirm`, { body });
export const rejectHomeBinding = (residentUserId: number, body: HomeBindingDecisionBody) =>
  apiRequest<void>('POST', `/staff/home-bindings/${residentUserId}/reject`, { body });
