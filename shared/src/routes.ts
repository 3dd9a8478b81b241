/**
 * The route table: every route of the HTTP API with its method, path and the types of its body, query and answer.
 * The one place a route's contract is written — the mini-program's client (miniapp/src/api/endpoints.ts) and its
 * test fake (miniapp/__tests__/fake-api.ts) are typed by it, and the server's OpenAPI document carries JSON Schemas
 * generated from the response types named here (server/scripts/write-response-schemas.js), which the contract e2e
 * test checks real answers against. Paths are relative to API_PREFIX unless `underApi` is false; `:name` is a
 * path parameter. Framework-free and small: it ships in the mini-program.
 */
import type {
  AuthOptions,
  BindHomeBody,
  ChangePasswordBody,
  CreateRequestBody,
  DevLoginBody,
  GeoOption,
  HealthResponse,
  HomeBindingDecisionBody,
  InboxCounts,
  InboxQuery,
  LivenessResponse,
  LoginResponse,
  Me,
  NoteBody,
  NotificationView,
  Page,
  PageQuery,
  PasswordLoginBody,
  RateBody,
  RejectBody,
  RequestDetail,
  RequestSummary,
  ResolveBody,
  RoomOption,
  RoomResidentOption,
  SubscriptionReportBody,
  SubscriptionsView,
  UnreadCount,
  UnverifiedHome,
  UploadedPhoto,
  WechatBindingBody,
  WechatLoginBody,
} from './api';
import type {
  CalendarYear,
  DeadlinePolicyTable,
  EscalateBody,
  ExtensionDecisionBody,
  ExtensionRequestBody,
  ExtensionView,
} from './deadlines';
import type {
  DepartmentView,
  LiaisonInboxPage,
  LiaisonInboxQuery,
  PutRoutingRulesBody,
  ReportBody,
  ReturnBody,
  RoutingRuleView,
  WhistleBody,
  WhistleProposal,
  WhistleSettings,
} from './whistle';
import type {
  BookingView,
  CompleteVisitBody,
  CoordinatorOption,
  CreateBookingBody,
  CreateServiceBody,
  CreateSlotBody,
  CustodyStepBody,
  ProviderVisitView,
  RecurrenceRuleBody,
  RecurrenceRuleView,
  ServiceAskBody,
  ServiceOfferingView,
  SlotView,
  UpdateServiceBody,
  UpdateSlotBody,
} from './services';
import type { BoardPage, BoardQuery } from './board';
import type {
  AgendaQuery,
  CloseProjectBody,
  CreateProjectBody,
  ProjectCloseResponse,
  ProjectDetail,
  ProjectNoteBody,
  ProjectOwnerOption,
  ProjectPage,
  ProjectQuery,
  PutReviewSettingsBody,
  ReviewAgenda,
  ReviewSettings,
} from './review';
import type {
  BreakdownQuery,
  MetricsBreakdown,
  MetricsItemsPage,
  MetricsItemsQuery,
  MetricsQuery,
  MetricsScopeKind,
  MetricsTrend,
  MetricsView,
  RankingQuery,
  RankingView,
} from './metrics';
import type { ReturnVisitCallView, ReturnVisitItem, ReturnVisitRateBody, ReturnVisitUnreachableBody } from './return-visits';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A file answer (photo, Excel report): not JSON, so it has no response schema. */
export type FileAnswer = ArrayBuffer;

export interface ApiRoute<M extends HttpMethod = HttpMethod, P extends string = string, Body = unknown, Query = unknown, Response = unknown> {
  readonly method: M;
  readonly path: P;
  /** false for the routes outside API_PREFIX (health probes, photo files) */
  readonly underApi?: false;
  /** the answer is a file, not JSON */
  readonly file?: true;
  /** the body is multipart (an upload), not JSON */
  readonly multipart?: true;
  /** phantom: carries the types, never set at run time */
  readonly types?: { body: Body; query: Query; response: Response };
}

/**
 * `defineRoute<Body, Query, Response>()('POST', '/requests/:id/rate')` — `void` for "none". Curried so that the
 * method and path are inferred as literals while the three types are given.
 */
export function defineRoute<Body = void, Query = void, Response = void>() {
  return <M extends HttpMethod, P extends string>(
    method: M,
    path: P,
    flags?: Pick<ApiRoute, 'underApi' | 'file' | 'multipart'>,
  ): ApiRoute<M, P, Body, Query, Response> => ({ method, path, ...flags });
}

export type AnyApiRoute = ApiRoute<HttpMethod, string, any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Types<R> = R extends ApiRoute<HttpMethod, string, infer B, infer Q, infer A> ? { body: B; query: Q; response: A } : never;
export type RouteBody<R> = Types<R>['body'];
export type RouteQuery<R> = Types<R>['query'];
export type RouteResponse<R> = Types<R>['response'];

/** The path parameters of a path, e.g. PathParams<'/services/:id/slots/:slotId'> = { id; slotId }. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name | keyof PathParams<`/${Rest}`>]: string | number }
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string | number }
    : Record<never, never>;

/** Fills the `:name` parameters of a route path. */
export function routePath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(String(params[name]));
  });
}

type MetricsReportQuery = { scope?: MetricsScopeKind; id?: number; month?: string };
type CommunityQuery = { communityId?: number };

export const API_ROUTES = {
  // ---- health (outside /api) ----
  health: defineRoute<void, void, HealthResponse>()('GET', '/health', { underApi: false }),
  healthLive: defineRoute<void, void, LivenessResponse>()('GET', '/health/live', { underApi: false }),
  healthReady: defineRoute<void, void, HealthResponse>()('GET', '/health/ready', { underApi: false }),

  // ---- auth ----
  getAuthOptions: defineRoute<void, void, AuthOptions>()('GET', '/auth/options'),
  loginWithWechatCode: defineRoute<WechatLoginBody, void, LoginResponse>()('POST', '/auth/wechat'),
  loginWithPassword: defineRoute<PasswordLoginBody, void, LoginResponse>()('POST', '/auth/password'),
  loginWithDemoAccount: defineRoute<DevLoginBody, void, LoginResponse>()('POST', '/auth/dev-login'),

  // ---- me ----
  getMe: defineRoute<void, void, Me>()('GET', '/me'),
  bindHome: defineRoute<BindHomeBody, void, Me>()('PUT', '/me/home'),
  changePassword: defineRoute<ChangePasswordBody, void, void>()('PUT', '/me/password'),
  bindWechat: defineRoute<WechatBindingBody, void, Me>()('POST', '/me/wechat-binding'),
  getSubscriptions: defineRoute<void, void, SubscriptionsView>()('GET', '/me/subscriptions'),
  reportSubscriptions: defineRoute<SubscriptionReportBody, void, SubscriptionsView>()('POST', '/me/subscriptions'),

  // ---- 住户核实 ----
  listUnverifiedHomes: defineRoute<void, void, UnverifiedHome[]>()('GET', '/staff/home-bindings'),
  confirmHomeBinding: defineRoute<HomeBindingDecisionBody, void, void>()('POST', '/staff/home-bindings/:residentUserId/confirm'),
  rejectHomeBinding: defineRoute<HomeBindingDecisionBody, void, void>()('POST', '/staff/home-bindings/:residentUserId/reject'),

  // ---- geography ----
  listStreets: defineRoute<void, void, GeoOption[]>()('GET', '/geo/streets'),
  listCommunities: defineRoute<void, { streetId: number }, GeoOption[]>()('GET', '/geo/communities'),
  listBuildings: defineRoute<void, { communityId: number }, GeoOption[]>()('GET', '/geo/buildings'),
  listRooms: defineRoute<void, { buildingId: number }, RoomOption[]>()('GET', '/geo/rooms'),

  // ---- uploads, photo files ----
  uploadPhoto: defineRoute<void, void, UploadedPhoto>()('POST', '/uploads', { multipart: true }),
  getPhotoFile: defineRoute<void, { exp: number; sig: string }, FileAnswer>()('GET', '/files/:photoId', { underApi: false, file: true }),

  // ---- notifications ----
  listNotifications: defineRoute<void, PageQuery, Page<NotificationView>>()('GET', '/notifications'),
  getUnreadCount: defineRoute<void, void, UnreadCount>()('GET', '/notifications/unread-count'),
  markNotificationRead: defineRoute<void, void, NotificationView>()('POST', '/notifications/:id/read'),

  // ---- requests ----
  createRequest: defineRoute<CreateRequestBody, void, RequestDetail>()('POST', '/requests'),
  listMyRequests: defineRoute<void, PageQuery, Page<RequestSummary>>()('GET', '/requests/mine'),
  getRequest: defineRoute<void, void, RequestDetail>()('GET', '/requests/:id'),
  acceptRequest: defineRoute<void, void, RequestDetail>()('POST', '/requests/:id/accept'),
  addProgress: defineRoute<NoteBody, void, RequestDetail>()('POST', '/requests/:id/progress'),
  resolveRequest: defineRoute<ResolveBody, void, RequestDetail>()('POST', '/requests/:id/resolve'),
  rejectRequest: defineRoute<RejectBody, void, RequestDetail>()('POST', '/requests/:id/reject'),
  cancelRequest: defineRoute<void, void, RequestDetail>()('POST', '/requests/:id/cancel'),
  rateRequest: defineRoute<RateBody, void, RequestDetail>()('POST', '/requests/:id/rate'),

  // ---- staff ----
  listInbox: defineRoute<void, InboxQuery, Page<RequestSummary>>()('GET', '/staff/inbox'),
  getInboxCounts: defineRoute<void, void, InboxCounts>()('GET', '/staff/inbox/counts'),
  listRoomsInScope: defineRoute<void, { communityId?: number | null }, RoomOption[]>()('GET', '/staff/rooms'),
  listRoomResidents: defineRoute<void, void, RoomResidentOption[]>()('GET', '/staff/rooms/:roomId/residents'),

  // ---- deadline administration (street officers) ----
  getDeadlinePolicies: defineRoute<void, void, DeadlinePolicyTable>()('GET', '/admin/deadline-policies'),
  putDeadlinePolicies: defineRoute<DeadlinePolicyTable, void, DeadlinePolicyTable>()('PUT', '/admin/deadline-policies'),
  getCalendar: defineRoute<void, void, CalendarYear>()('GET', '/admin/calendar/:year'),
  putCalendar: defineRoute<Pick<CalendarYear, 'days'>, void, CalendarYear>()('PUT', '/admin/calendar/:year'),

  // ---- escalation (上报), extensions (延期) ----
  escalateRequest: defineRoute<EscalateBody, void, RequestDetail>()('POST', '/requests/:id/escalate'),
  askExtension: defineRoute<ExtensionRequestBody, void, ExtensionView>()('POST', '/requests/:id/extensions'),
  listExtensions: defineRoute<void, void, ExtensionView[]>()('GET', '/requests/:id/extensions'),
  approveExtension: defineRoute<ExtensionDecisionBody, void, ExtensionView>()('POST', '/extensions/:id/approve'),
  rejectExtension: defineRoute<ExtensionDecisionBody, void, ExtensionView>()('POST', '/extensions/:id/reject'),

  // ---- departments and their administration ----
  listDepartments: defineRoute<void, void, DepartmentView[]>()('GET', '/departments'),
  getRoutingRules: defineRoute<void, void, RoutingRuleView[]>()('GET', '/admin/routing-rules'),
  putRoutingRules: defineRoute<PutRoutingRulesBody, void, RoutingRuleView[]>()('PUT', '/admin/routing-rules'),
  getWhistleSettings: defineRoute<void, void, WhistleSettings>()('GET', '/admin/whistle-settings'),
  putWhistleSettings: defineRoute<WhistleSettings, void, WhistleSettings>()('PUT', '/admin/whistle-settings'),

  // ---- whistle (吹哨) and the departments' side (报到) ----
  getWhistleProposal: defineRoute<void, void, WhistleProposal>()('GET', '/requests/:id/whistle-proposal'),
  whistleRequest: defineRoute<WhistleBody, void, RequestDetail>()('POST', '/requests/:id/whistle'),
  reportAssignment: defineRoute<ReportBody, void, RequestDetail>()('POST', '/whistles/:assignmentId/report'),
  progressAssignment: defineRoute<NoteBody, void, RequestDetail>()('POST', '/whistles/:assignmentId/progress'),
  returnAssignment: defineRoute<ReturnBody, void, RequestDetail>()('POST', '/whistles/:assignmentId/return'),
  resolveAssignment: defineRoute<ResolveBody, void, RequestDetail>()('POST', '/whistles/:assignmentId/resolve'),
  listLiaisonInbox: defineRoute<void, LiaisonInboxQuery, LiaisonInboxPage>()('GET', '/liaison/inbox'),

  // ---- service booking (服务预约) and the catalogue ----
  askForService: defineRoute<ServiceAskBody, void, RequestDetail>()('POST', '/services/asks'),
  listServices: defineRoute<void, void, ServiceOfferingView[]>()('GET', '/services'),
  createService: defineRoute<CreateServiceBody, void, ServiceOfferingView>()('POST', '/services'),
  listCoordinators: defineRoute<void, void, CoordinatorOption[]>()('GET', '/services/coordinators'),
  getService: defineRoute<void, void, ServiceOfferingView>()('GET', '/services/:id'),
  updateService: defineRoute<UpdateServiceBody, void, ServiceOfferingView>()('PUT', '/services/:id'),
  listSlots: defineRoute<void, { from?: string; to?: string }, SlotView[]>()('GET', '/services/:id/slots'),
  createSlot: defineRoute<CreateSlotBody, void, SlotView>()('POST', '/services/:id/slots'),
  updateSlot: defineRoute<UpdateSlotBody, void, SlotView>()('PUT', '/services/:id/slots/:slotId'),
  deleteSlot: defineRoute<void, void, SlotView>()('DELETE', '/services/:id/slots/:slotId'),
  listRecurrences: defineRoute<void, void, RecurrenceRuleView[]>()('GET', '/services/:id/recurrences'),
  createRecurrence: defineRoute<RecurrenceRuleBody, void, RecurrenceRuleView>()('POST', '/services/:id/recurrences'),
  bookSlot: defineRoute<CreateBookingBody, void, BookingView>()('POST', '/bookings'),
  listMyBookings: defineRoute<void, PageQuery, Page<BookingView>>()('GET', '/bookings/mine'),
  getBooking: defineRoute<void, void, BookingView>()('GET', '/bookings/:id'),
  rateBooking: defineRoute<RateBody, void, BookingView>()('POST', '/bookings/:id/rate'),
  cancelBooking: defineRoute<void, void, BookingView>()('POST', '/bookings/:id/cancel'),

  // ---- provider day plan (上门服务计划) ----
  listProviderVisits: defineRoute<void, { day?: string; days?: number }, ProviderVisitView[]>()('GET', '/provider/visits'),
  getProviderVisit: defineRoute<void, void, ProviderVisitView>()('GET', '/provider/visits/:bookingId'),
  confirmVisit: defineRoute<void, void, ProviderVisitView>()('POST', '/provider/visits/:bookingId/confirm'),
  arriveVisit: defineRoute<void, void, ProviderVisitView>()('POST', '/provider/visits/:bookingId/arrive'),
  completeVisit: defineRoute<CompleteVisitBody, void, ProviderVisitView>()('POST', '/provider/visits/:bookingId/complete'),
  markVisitNoShow: defineRoute<void, void, ProviderVisitView>()('POST', '/provider/visits/:bookingId/no-show'),
  recordCustodyStep: defineRoute<CustodyStepBody, void, ProviderVisitView>()('POST', '/provider/visits/:bookingId/custody'),

  // ---- 公示 ----
  getBoard: defineRoute<void, BoardQuery, BoardPage>()('GET', '/board'),

  // ---- 问需会 and 项目服务清单 ----
  getReviewAgenda: defineRoute<void, AgendaQuery, ReviewAgenda>()('GET', '/review/agenda'),
  getReviewSettings: defineRoute<void, CommunityQuery, ReviewSettings>()('GET', '/review/settings'),
  putReviewSettings: defineRoute<PutReviewSettingsBody, void, ReviewSettings>()('PUT', '/review/settings'),
  listProjectOwners: defineRoute<void, CommunityQuery, ProjectOwnerOption[]>()('GET', '/review/owners'),
  createProject: defineRoute<CreateProjectBody, void, ProjectDetail>()('POST', '/review/projects'),
  listProjects: defineRoute<void, ProjectQuery, ProjectPage>()('GET', '/review/projects'),
  getProject: defineRoute<void, void, ProjectDetail>()('GET', '/review/projects/:id'),
  addProjectProgress: defineRoute<ProjectNoteBody, void, ProjectDetail>()('POST', '/review/projects/:id/progress'),
  closeProject: defineRoute<CloseProjectBody, void, ProjectCloseResponse>()('POST', '/review/projects/:id/close'),

  // ---- 月报 (a file) and 数据 ----
  metricsReport: defineRoute<void, MetricsReportQuery, FileAnswer>()('GET', '/metrics/report.xlsx', { file: true }),
  getMetrics: defineRoute<void, MetricsQuery, MetricsView>()('GET', '/metrics'),
  getMetricsTrend: defineRoute<void, MetricsQuery & { weeks?: number }, MetricsTrend>()('GET', '/metrics/trend'),
  getMetricsBreakdown: defineRoute<void, BreakdownQuery, MetricsBreakdown>()('GET', '/metrics/breakdown'),
  getMetricsRankings: defineRoute<void, RankingQuery, RankingView>()('GET', '/metrics/rankings'),
  listMetricsItems: defineRoute<void, MetricsItemsQuery, MetricsItemsPage>()('GET', '/metrics/items'),

  // ---- 回访 ----
  listReturnVisits: defineRoute<void, PageQuery, Page<ReturnVisitItem>>()('GET', '/staff/return-visits'),
  getReturnVisitPhone: defineRoute<void, void, ReturnVisitCallView>()('POST', '/requests/:id/return-visit/call'),
  recordReturnVisit: defineRoute<ReturnVisitRateBody, void, RequestDetail>()('POST', '/requests/:id/return-visit'),
  recordReturnVisitUnreachable: defineRoute<ReturnVisitUnreachableBody, void, RequestDetail>()('POST', '/requests/:id/return-visit/unreachable'),
} as const;

export type ApiRoutes = typeof API_ROUTES;
export type RouteName = keyof ApiRoutes;
