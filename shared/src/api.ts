import type { ResidentTag } from './services';
/**
 * Request and response shapes of the HTTP API (JSON). Dates are ISO-8601 strings.
 * The server's DTO classes implement the request shapes; the mini-program's API client uses them as-is.
 */
import type { RequestCategory } from './categories';
import type { Channel, HandlingLevel, NotificationKind, Urgency } from './enums';
import type { RequestAction, RequestStatus } from './request-lifecycle';
import type { Role } from './roles';
import type { DeadlineView, DueFilter, Supervision } from './deadlines';
import type { DepartmentView, WhistleAssignmentView } from './whistle';
import type { RatingSource } from './return-visits';

export const API_PREFIX = '/api';

export interface Page<T> {
  items: T[];
  /** exact up to PAGE_COUNT_CAP; beyond it counting stops (see totalCapped) */
  total: number;
  page: number;
  pageSize: number;
  /** true when there are more than `total` items (show "1000+"): counting is bounded to keep lists fast */
  totalCapped?: boolean;
}

/** Lists count at most this many items (a bounded index scan); more shows as "1000+". */
export const PAGE_COUNT_CAP = 1000;

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

// ---- auth ----

export interface WechatLoginBody {
  /** the code from wx.login(); single use, valid 5 minutes */
  code: string;
}

export interface DevLoginBody {
  /** a demo account name from the seed data, e.g. "resident1" or "gridleader1" */
  account: string;
}

export interface LoginResponse {
  token: string;
  /** seconds until the token expires */
  expiresIn: number;
  me: Me;
}

export interface HomeSummary {
  roomId: number;
  /** e.g. "团结街道 明日星城社区 3号楼 2单元 501" */
  address: string;
  streetName: string;
  communityName: string;
  buildingName: string;
  unitName: string;
  roomNumber: string;
  gridId: number;
  gridName: string;
  gridLeaderName: string | null;
  /** masked, e.g. 138****5678 */
  gridLeaderPhoneMasked: string | null;
  /** false until a grid worker confirms the resident lives there (住户核实); filing is open either way */
  verified?: boolean;
}

export interface StaffScope {
  gridIds: number[];
  gridNames: string[];
  communityId: number | null;
  streetId: number | null;
}

export interface Me {
  id: number;
  nickname: string;
  role: Role;
  home: HomeSummary | null;
  /** present for staff roles */
  staff: StaffScope | null;
  /** present for liaisons (部门联络员): the department they act for */
  department?: DepartmentView | null;
  /** residents: tags that services may be restricted to or prioritise (独居老人, 残疾人, …); set by staff */
  tags?: ResidentTag[];
}

// ---- geography (for binding a home) ----

export interface GeoOption {
  id: number;
  name: string;
}

export interface RoomOption {
  id: number;
  unitName: string;
  roomNumber: string;
  /** set by GET /api/staff/rooms, whose list spans several buildings (e.g. "3号楼") */
  buildingName?: string;
}

/** GET /api/staff/rooms/:roomId/residents: a registered resident bound to the room (名字脱敏, 张**; phone 138****5678). */
export interface RoomResidentOption {
  userId: number;
  nameMasked: string;
  phoneMasked: string | null;
}

export interface BindHomeBody {
  roomId: number;
}

/** 住户核实 (GET /api/staff/home-bindings): a resident's home binding in the staff member's scope, not yet confirmed. */
export interface UnverifiedHome {
  residentUserId: number;
  /** masked (maskPersonName) */
  residentName: string;
  /** masked (maskPhone); null when none is known */
  phoneMasked: string | null;
  roomId: number;
  address: string;
  gridName: string;
  /** when the home was bound; null for bindings from before this was recorded */
  boundAt: string | null;
  /** items filed from this home while it was unverified */
  requestCount: number;
}

/** POST /api/staff/home-bindings/:residentUserId/confirm | reject: the room as listed (refused if the resident bound another since). */
export interface HomeBindingDecisionBody {
  roomId: number;
}

// ---- uploads ----

export interface UploadedPhoto {
  id: string;
  url: string;
  width?: number;
  height?: number;
  bytes: number;
}

// ---- requests ----

export interface CreateRequestBody {
  category: RequestCategory;
  subcategory: string;
  description: string;
  photoIds?: string[];
  urgency: Urgency;
  /** whether the public board (公示) may name the reporter — masked (宋**) even then; otherwise 匿名 */
  showNamePublicly: boolean;
  /** staff only: how the item came in (defaults to MINI_PROGRAM for residents) */
  channel?: Channel;
  /** staff only, filing on a resident's behalf: the resident's room */
  roomId?: number;
  /** staff only: the contact's name when filing on someone's behalf (walk-in, phone) */
  contactName?: string;
  /** staff only: the contact's phone; stored, shown masked */
  contactPhone?: string;
  /**
   * staff only, filing for a room: the registered resident of that room it is for (from
   * GET /api/staff/rooms/:roomId/residents). They own it: 我的诉求, notices, rating. Absent: a walk-in for someone
   * not registered (contactName / contactPhone). 409 RESIDENT_NOT_IN_ROOM when not bound to `roomId`.
   */
  residentUserId?: number;
}

export interface NoteBody {
  note: string;
  photoIds?: string[];
}

/**
 * 办结 (POST /api/requests/:id/resolve, and a liaison's 办结): the note for the resident, and the public summary
 * the handler approves for 公示 — pre-filled from `RequestDetail.publicSummaryDraft`, editable, anonymised again
 * by the server. Omitted or empty: the board shows the item's category, status and time only.
 */
export interface ResolveBody extends NoteBody {
  publicSummary?: string;
}

export interface RejectBody {
  reason: string;
}

export interface RateBody {
  speed: number;
  effect: number;
  attitude: number;
  comment?: string;
}

export interface TimelineEvent {
  id: number;
  action: RequestAction;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus;
  actorName: string;
  actorRole: Role | 'SYSTEM';
  note: string | null;
  photos: UploadedPhoto[];
  at: string;
  /** the department a liaison acted for (报到, 进展, 退回, 办结 of a whistled item) */
  departmentName?: string | null;
}

export interface RatingView {
  speed: number;
  effect: number;
  attitude: number;
  comment: string | null;
  ratedAt: string;
  /** request ratings: 居民自评 or recorded by staff on a 电话回访 (absent on booking ratings) */
  source?: RatingSource;
  /** RETURN_VISIT: the staff member who recorded it */
  recordedByName?: string | null;
}

export interface RequestSummary {
  id: number;
  /** human-readable number, e.g. GZ20261122-000123 */
  serial: string;
  category: RequestCategory;
  subcategory: string;
  /** first 80 characters of the description */
  excerpt: string;
  urgency: Urgency;
  status: RequestStatus;
  level: HandlingLevel;
  channel: Channel;
  gridId: number;
  gridName: string;
  /** in full to the reporter themself; masked (宋**, maskPersonName) to staff and liaisons, whatever showNamePublicly says */
  reporterName: string;
  address: string;
  reopenCount: number;
  createdAt: string;
  updatedAt: string;
  thumbnail: UploadedPhoto | null;
  /** the status in the resident's words, level-aware (residentStatusLabel: "已上报社区协调"); always sent */
  statusLabel?: string;
  /** staff views: the earliest due time of the item's running clocks (null: none running) */
  dueAt?: string | null;
  /** staff views: 督办 — YELLOW 即将超时, RED 已超时 */
  supervision?: Supervision;
  /** staff views: filed by a resident whose home binding no grid worker has confirmed (「未核实住户」) */
  fromUnverifiedHome?: boolean;
}

export interface RequestDetail extends RequestSummary {
  description: string;
  showNamePublicly: boolean;
  photos: UploadedPhoto[];
  /** masked phone of the contact, for staff; null for the resident's own view */
  contactPhoneMasked: string | null;
  holderName: string | null;
  rating: RatingView | null;
  timeline: TimelineEvent[];
  /** what the viewer may do now (drives the buttons) */
  availableActions: RequestAction[];
  /** optimistic-concurrency version; send back as If-Match is not required */
  version: number;
  /** staff views: every clock of the item (时限), oldest first */
  deadlines?: DeadlineView[];
  /** the departments whistled so far (every round), for staff and involved liaisons; [] when never whistled */
  whistle?: WhistleAssignmentView[];
  /**
   * staff and liaison views: the public summary approved at 办结 (what 公示 shows), null when none was approved;
   * and the draft the resolve form starts from: the approved one, or the description anonymised.
   */
  publicSummary?: string | null;
  publicSummaryDraft?: string;
}

export interface InboxQuery extends PageQuery {
  status?: RequestStatus;
  /** soon: 即将超时 (a clock is YELLOW); overdue: 已超时 (a clock is RED); sorted by due time */
  due?: DueFilter;
}

export interface InboxCounts {
  pendingAccept: number;
  inProgress: number;
  resolved: number;
  /** items with a YELLOW clock (即将超时) */
  dueSoon?: number;
  /** items with a RED clock (已超时) */
  overdue?: number;
}

// ---- notifications (in-app inbox) ----

export interface NotificationView {
  id: number;
  kind: NotificationKind;
  title: string;
  body: string;
  requestId: number | null;
  /** booking notifications (预约): the booking it is about — the resident opens 我的预约 detail, the provider the visit */
  bookingId: number | null;
  read: boolean;
  createdAt: string;
}

export interface UnreadCount {
  unread: number;
}

export interface HealthResponse {
  status: 'ok';
  database: string;
  version: string;
}

/** GET /health/live: the process is up (the database is not consulted). */
export interface LivenessResponse {
  status: 'ok';
  version: string;
}

export type { Channel, HandlingLevel, Urgency };

/** GET /api/auth/options: which login methods this deployment offers (the dev login never in production). */
export interface AuthOptions {
  wechatLogin: boolean;
  devLogin: boolean;
  /** staff and liaisons may sign in with account + password (POST /api/auth/password), e.g. in a desktop browser */
  passwordLogin: boolean;
  /** demo accounts offered by the dev login (empty when it is off) */
  demoAccounts: { account: string; label: string; role: Role }[];
}

// ---- password login, WeChat binding (staff and liaisons in a desktop browser) ----

/** POST /api/auth/password. Wrong password, unknown account and resident accounts all answer 401 INVALID_CREDENTIALS. */
export interface PasswordLoginBody {
  account: string;
  password: string;
}

/** PUT /api/me/password (staff and liaisons). `currentPassword` is required once a password is set. */
export interface ChangePasswordBody {
  currentPassword?: string;
  /** LIMITS.passwordMin … LIMITS.passwordMax characters */
  newPassword: string;
}

/** POST /api/me/wechat-binding: the code from wx.login() of the WeChat account to bind (answers `Me`). */
export interface WechatBindingBody {
  code: string;
}

// ---- WeChat subscribe messages (one-time opt-ins) ----

/** Which template a message uses: progress of a resident's own request, or new work for staff and liaisons. */
export type SubscribeTemplatePurpose = 'REQUEST_UPDATE' | 'NEW_ASSIGNMENT';

/** What wx.requestSubscribeMessage reports per template id. */
export type SubscribeResult = 'accept' | 'reject' | 'ban' | 'filter';

/**
 * POST /api/me/subscriptions, right after wx.requestSubscribeMessage (on a user tap, at most 3 templates).
 * Without `results` every id in `templateIds` counts as accepted; with `results` only ids answered 'accept'
 * count (other keys such as errMsg are ignored). Each accepted id adds one one-time opt-in.
 */
export interface SubscriptionReportBody {
  templateIds: string[];
  results?: Record<string, SubscribeResult | string>;
}

export interface SubscriptionTemplateView {
  purpose: SubscribeTemplatePurpose;
  /** pass to wx.requestSubscribeMessage({tmplIds}) */
  templateId: string;
  /** one-time opt-ins left: each WeChat message sent for this template uses one */
  remaining: number;
}

/** GET /api/me/subscriptions: the templates this deployment uses (none = WeChat messages are off) and what is left. */
export interface SubscriptionsView {
  templates: SubscriptionTemplateView[];
}
