/**
 * Request and response shapes of the HTTP API (JSON). Dates are ISO-8601 strings.
 * The server's DTO classes implement the request shapes; the mini-program's API client uses them as-is.
 */
import type { RequestCategory } from './categories';
import type { Channel, HandlingLevel, NotificationKind, Urgency } from './enums';
import type { RequestAction, RequestStatus } from './request-lifecycle';
import type { Role } from './roles';

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

export interface BindHomeBody {
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
  /** whether the reporter's name may be shown publicly */
  showNamePublicly: boolean;
  /** staff only: how the item came in (defaults to MINI_PROGRAM for residents) */
  channel?: Channel;
  /** staff only, filing on a resident's behalf: the resident's room */
  roomId?: number;
  /** staff only: the contact's name when filing on someone's behalf (walk-in, phone) */
  contactName?: string;
  /** staff only: the contact's phone; stored, shown masked */
  contactPhone?: string;
}

export interface NoteBody {
  note: string;
  photoIds?: string[];
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
}

export interface RatingView {
  speed: number;
  effect: number;
  attitude: number;
  comment: string | null;
  ratedAt: string;
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
  /** masked unless showNamePublicly or the viewer is the owner */
  reporterName: string;
  address: string;
  reopenCount: number;
  createdAt: string;
  updatedAt: string;
  thumbnail: UploadedPhoto | null;
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
}

export interface InboxQuery extends PageQuery {
  status?: RequestStatus;
}

export interface InboxCounts {
  pendingAccept: number;
  inProgress: number;
  resolved: number;
}

// ---- notifications (in-app inbox) ----

export interface NotificationView {
  id: number;
  kind: NotificationKind;
  title: string;
  body: string;
  requestId: number | null;
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

export type { Channel, HandlingLevel, Urgency };

/** GET /api/auth/options: which login methods this deployment offers (the dev login never in production). */
export interface AuthOptions {
  wechatLogin: boolean;
  devLogin: boolean;
  /** demo accounts offered by the dev login (empty when it is off) */
  demoAccounts: { account: string; label: string; role: Role }[];
}
