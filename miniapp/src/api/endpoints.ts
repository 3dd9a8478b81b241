/**
 * One function per route of the shared route table (API_ROUTES in @gezhi/shared, docs/api-routes.md): the table
 * types each route's path parameters, body, query and answer, so nothing here is typed by hand.
 */
import { API_ROUTES as R, type BoardQuery, type InboxQuery, type LiaisonInboxQuery, type PageQuery, type RouteBody, type RouteQuery } from '@gezhi/shared';
import { callRoute } from './client';

type Body<K extends keyof typeof R> = RouteBody<(typeof R)[K]>;
type Query<K extends keyof typeof R> = RouteQuery<(typeof R)[K]>;
type Id = number;

// ---- auth ----
export const getAuthOptions = () => callRoute(R.getAuthOptions);
export const loginWithWechatCode = (code: string) => callRoute(R.loginWithWechatCode, { body: { code } });
export const loginWithDemoAccount = (account: string) => callRoute(R.loginWithDemoAccount, { body: { account } });
export const loginWithPassword = (body: Body<'loginWithPassword'>) => callRoute(R.loginWithPassword, { body });

// ---- me ----
export const getMe = () => callRoute(R.getMe);
export const bindHome = (body: Body<'bindHome'>) => callRoute(R.bindHome, { body });
/** staff and liaisons: bind the WeChat identity of a wx.login() code to the signed-in account */
export const bindWechat = (code: string) => callRoute(R.bindWechat, { body: { code } });
export const getSubscriptions = () => callRoute(R.getSubscriptions);
export const reportSubscriptions = (body: Body<'reportSubscriptions'>) => callRoute(R.reportSubscriptions, { body });

// ---- geography ----
export const listStreets = () => callRoute(R.listStreets);
export const listCommunities = (streetId: number) => callRoute(R.listCommunities, { query: { streetId } });
export const listBuildings = (communityId: number) => callRoute(R.listBuildings, { query: { communityId } });
export const listRooms = (buildingId: number) => callRoute(R.listRooms, { query: { buildingId } });

// ---- requests ----
export const createRequest = (body: Body<'createRequest'>) => callRoute(R.createRequest, { body });
export const listMyRequests = (query: PageQuery) => callRoute(R.listMyRequests, { query: { ...query } });
export const getRequest = (id: Id) => callRoute(R.getRequest, { params: { id } });
export const acceptRequest = (id: Id) => callRoute(R.acceptRequest, { params: { id } });
export const addProgress = (id: Id, body: Body<'addProgress'>) => callRoute(R.addProgress, { params: { id }, body });
export const resolveRequest = (id: Id, body: Body<'resolveRequest'>) => callRoute(R.resolveRequest, { params: { id }, body });
export const rejectRequest = (id: Id, body: Body<'rejectRequest'>) => callRoute(R.rejectRequest, { params: { id }, body });
export const cancelRequest = (id: Id) => callRoute(R.cancelRequest, { params: { id } });
export const rateRequest = (id: Id, body: Body<'rateRequest'>) => callRoute(R.rateRequest, { params: { id }, body });

// ---- escalation (上报), extensions (延期) ----
export const escalateRequest = (id: Id, body: Body<'escalateRequest'>) => callRoute(R.escalateRequest, { params: { id }, body });
export const askExtension = (id: Id, body: Body<'askExtension'>) => callRoute(R.askExtension, { params: { id }, body });
export const listExtensions = (id: Id) => callRoute(R.listExtensions, { params: { id } });
export const approveExtension = (extensionId: Id, body: Body<'approveExtension'>) =>
  callRoute(R.approveExtension, { params: { id: extensionId }, body });
export const rejectExtension = (extensionId: Id, body: Body<'rejectExtension'>) =>
  callRoute(R.rejectExtension, { params: { id: extensionId }, body });

// ---- whistle (吹哨) and the departments' side (报到) ----
export const getWhistleProposal = (id: Id) => callRoute(R.getWhistleProposal, { params: { id } });
export const whistleRequest = (id: Id, body: Body<'whistleRequest'>) => callRoute(R.whistleRequest, { params: { id }, body });
export const listLiaisonInbox = (query: LiaisonInboxQuery) => callRoute(R.listLiaisonInbox, { query: { ...query } });
export const reportAssignment = (assignmentId: Id, body: Body<'reportAssignment'>) =>
  callRoute(R.reportAssignment, { params: { assignmentId }, body });
export const progressAssignment = (assignmentId: Id, body: Body<'progressAssignment'>) =>
  callRoute(R.progressAssignment, { params: { assignmentId }, body });
export const returnAssignment = (assignmentId: Id, body: Body<'returnAssignment'>) =>
  callRoute(R.returnAssignment, { params: { assignmentId }, body });
export const resolveAssignment = (assignmentId: Id, body: Body<'resolveAssignment'>) =>
  callRoute(R.resolveAssignment, { params: { assignmentId }, body });

// ---- staff ----
export const listInbox = (query: InboxQuery) => callRoute(R.listInbox, { query: { ...query } });
export const getInboxCounts = () => callRoute(R.getInboxCounts);
export const listRoomsInScope = (communityId?: number | null) => callRoute(R.listRoomsInScope, { query: { communityId } });
/** 代居民登记: the registered residents of a room (names and phones masked), to pick whom an item is for */
export const listRoomResidents = (roomId: Id) => callRoute(R.listRoomResidents, { params: { roomId } });

// ---- notifications ----
export const listNotifications = (query: PageQuery) => callRoute(R.listNotifications, { query: { ...query } });
export const getUnreadCount = () => callRoute(R.getUnreadCount);
export const markNotificationRead = (id: Id) => callRoute(R.markNotificationRead, { params: { id } });

export { uploadImage } from './client';

// ---- service booking (服务预约) ----
export const listServices = () => callRoute(R.listServices);
export const getService = (id: Id) => callRoute(R.getService, { params: { id } });
/** slots starting in [from, to) (ISO instants; the server defaults to the next 14 days) */
export const listSlots = (serviceId: Id, query: Query<'listSlots'> = {}) => callRoute(R.listSlots, { params: { id: serviceId }, query: { ...query } });
export const askForService = (body: Body<'askForService'>) => callRoute(R.askForService, { body });
export const bookSlot = (body: Body<'bookSlot'>) => callRoute(R.bookSlot, { body });
export const listMyBookings = (query: PageQuery) => callRoute(R.listMyBookings, { query: { ...query } });
export const getBooking = (id: Id) => callRoute(R.getBooking, { params: { id } });
export const cancelBooking = (id: Id) => callRoute(R.cancelBooking, { params: { id } });
export const rateBooking = (id: Id, body: Body<'rateBooking'>) => callRoute(R.rateBooking, { params: { id }, body });

// ---- catalogue maintenance (community officers) ----
export const createService = (body: Body<'createService'>) => callRoute(R.createService, { body });
export const updateService = (id: Id, body: Body<'updateService'>) => callRoute(R.updateService, { params: { id }, body });
export const listCoordinators = () => callRoute(R.listCoordinators);
export const createSlot = (serviceId: Id, body: Body<'createSlot'>) => callRoute(R.createSlot, { params: { id: serviceId }, body });
export const updateSlot = (serviceId: Id, slotId: Id, body: Body<'updateSlot'>) =>
  callRoute(R.updateSlot, { params: { id: serviceId, slotId }, body });
/** only a slot nobody booked (409 SLOT_HAS_BOOKINGS otherwise); answers the deleted slot */
export const deleteSlot = (serviceId: Id, slotId: Id) => callRoute(R.deleteSlot, { params: { id: serviceId, slotId } });
export const listRecurrences = (serviceId: Id) => callRoute(R.listRecurrences, { params: { id: serviceId } });
export const createRecurrence = (serviceId: Id, body: Body<'createRecurrence'>) =>
  callRoute(R.createRecurrence, { params: { id: serviceId }, body });

// ---- provider day plan (上门服务计划) ----
/** day: local YYYY-MM-DD (default today); days 1–7 */
export const listProviderVisits = (query: Query<'listProviderVisits'> = {}) => callRoute(R.listProviderVisits, { query: { ...query } });
export const getProviderVisit = (bookingId: Id) => callRoute(R.getProviderVisit, { params: { bookingId } });
export const confirmVisit = (bookingId: Id) => callRoute(R.confirmVisit, { params: { bookingId } });
export const arriveVisit = (bookingId: Id) => callRoute(R.arriveVisit, { params: { bookingId } });
export const markVisitNoShow = (bookingId: Id) => callRoute(R.markVisitNoShow, { params: { bookingId } });
export const completeVisit = (bookingId: Id, body: Body<'completeVisit'>) => callRoute(R.completeVisit, { params: { bookingId }, body });
export const recordCustodyStep = (bookingId: Id, body: Body<'recordCustodyStep'>) =>
  callRoute(R.recordCustodyStep, { params: { bookingId }, body });

// ---- 公示 (public board, residents) ----
export const getBoard = (query: BoardQuery) => callRoute(R.getBoard, { query: { ...query } });

// ---- 问需会 (half-monthly needs review) and 项目服务清单 ----
export const getReviewAgenda = (query: Query<'getReviewAgenda'> = {}) => callRoute(R.getReviewAgenda, { query: { ...query } });
export const listProjectOwners = (query: Query<'listProjectOwners'> = {}) => callRoute(R.listProjectOwners, { query: { ...query } });
export const createProject = (body: Body<'createProject'>) => callRoute(R.createProject, { body });
export const listProjects = (query: Query<'listProjects'>) => callRoute(R.listProjects, { query: { ...query } });
export const getProject = (id: Id) => callRoute(R.getProject, { params: { id } });
export const addProjectProgress = (id: Id, body: Body<'addProjectProgress'>) => callRoute(R.addProjectProgress, { params: { id }, body });
/** 办结: the detail plus `closeOutcomes` — which linked items were resolved with it, and which stay open and why */
export const closeProject = (id: Id, body: Body<'closeProject'>) => callRoute(R.closeProject, { params: { id }, body });
/** the community's 问需会 cadence (defaults until a community officer saves its own) */
export const getReviewSettings = (query: Query<'getReviewSettings'> = {}) => callRoute(R.getReviewSettings, { query: { ...query } });
export const putReviewSettings = (body: Body<'putReviewSettings'>) => callRoute(R.putReviewSettings, { body });

// ---- 月报 (monthly Excel report): a file, not JSON ----
/**
 * GET /api/metrics/report.xlsx — the route and query to hand to a file download (staff/metrics/report-download.ts
 * `downloadApiFile(route.path, route.query, fallbackName)`); the server names the file in Content-Disposition.
 */
export const metricsReportRoute = (query: Query<'metricsReport'> = {}) => ({ path: R.metricsReport.path, query: { ...query } });

// ---- 数据 (metrics, staff and liaisons; docs/metrics.md) ----
/** without scope/id: the viewer's own grid / community / street / department; without a period: this month */
export const getMetrics = (query: Query<'getMetrics'> = {}) => callRoute(R.getMetrics, { query: { ...query } });
/** weekly points (Monday–Sunday); without a period: the last `weeks` (default 12) weeks */
export const getMetricsTrend = (query: Query<'getMetricsTrend'> = {}) => callRoute(R.getMetricsTrend, { query: { ...query } });
export const getMetricsBreakdown = (query: Query<'getMetricsBreakdown'>) => callRoute(R.getMetricsBreakdown, { query: { ...query } });
/** monthly 红黑榜 (default: the previous month) */
export const getMetricsRankings = (query: Query<'getMetricsRankings'>) => callRoute(R.getMetricsRankings, { query: { ...query } });
/** the items behind a number: pass a ranking entry's itemQueries[rate], or a view's query plus `rate` / `count` */
export const listMetricsItems = (query: Query<'listMetricsItems'>) => callRoute(R.listMetricsItems, { query: { ...query } });

// ---- 回访 (return visits, staff; docs/request-lifecycle.md#回访) ----
/** 待回访: items of the viewer's scope resolved RETURN_VISIT_AFTER_DAYS ago and not rated, longest-waiting first */
export const listReturnVisits = (query: PageQuery) => callRoute(R.listReturnVisits, { query: { ...query } });
/** the full number to dial, at the moment of calling (lists only carry it masked) */
export const getReturnVisitPhone = (id: Id) => callRoute(R.getReturnVisitPhone, { params: { id } });
/** 电话回访评价: the three scores the person gave on the phone */
export const recordReturnVisit = (id: Id, body: Body<'recordReturnVisit'>) => callRoute(R.recordReturnVisit, { params: { id }, body });
/** 联系不上: an attempt that reached nobody (the item stays 待回访) */
export const recordReturnVisitUnreachable = (id: Id, body: Body<'recordReturnVisitUnreachable'> = {}) =>
  callRoute(R.recordReturnVisitUnreachable, { params: { id }, body });

// ---- 住户核实 (staff subpackage) ----
/** residents' home bindings in the caller's scope that no grid worker has confirmed yet */
export const listUnverifiedHomes = () => callRoute(R.listUnverifiedHomes);
export const confirmHomeBinding = (residentUserId: Id, body: Body<'confirmHomeBinding'>) =>
  callRoute(R.confirmHomeBinding, { params: { residentUserId }, body });
export const rejectHomeBinding = (residentUserId: Id, body: Body<'rejectHomeBinding'>) =>
  callRoute(R.rejectHomeBinding, { params: { residentUserId }, body });
