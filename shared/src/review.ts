/**
 * 居民问需会 — the half-monthly needs review: an agenda prepared by the system for each meeting, and the project
 * service list (项目服务清单) staff make of it. See docs/review.md.
 */
import type { Page, PageQuery } from './api';
import type { RequestCategory } from './categories';
import type { Channel } from './enums';
import type { ProjectMetrics } from './metrics';
import type { RequestStatus } from './request-lifecycle';
import type { Role } from './roles';

/** Meeting days of the month when a community has not set its own (the 1st and the 16th). */
export const DEFAULT_REVIEW_MEETING_DAYS: readonly number[] = [1, 16];
/** A building × category seen this many times within the recurrence window is a recurring problem. */
export const DEFAULT_RECURRENCE_MIN_COUNT = 3;
/** The window recurring problems are counted in (days before the agenda's as-of time). */
export const DEFAULT_RECURRENCE_WINDOW_DAYS = 90;

export const REVIEW_LIMITS = {
  /** meeting days are 1–28 so that every month has them */
  meetingDayMax: 28,
  meetingDaysMax: 6,
  recurrenceMinCountMin: 2,
  recurrenceMinCountMax: 20,
  projectTitleMin: 2,
  projectTitleMax: 60,
  projectDescriptionMax: 500,
  projectNoteMax: 500,
  projectResultMin: 2,
  projectResultMax: 500,
  projectRequestsMax: 50,
  agendaEntryKeysMax: 50,
} as const;

// ---- settings (per community; defaults from the server's configuration) ----

export interface ReviewSettings {
  communityId: number;
  /** days of the month the meeting is held, ascending (1–28) */
  meetingDays: number[];
  recurrenceMinCount: number;
  recurrenceWindowDays: number;
  /** COMMUNITY: the community's own; DEFAULT: the server's configuration (REVIEW_MEETING_DAYS, REVIEW_RECURRENCE_MIN) */
  source: 'COMMUNITY' | 'DEFAULT';
  /** send back with PUT; 0 while the community has no settings of its own */
  version: number;
}

export interface PutReviewSettingsBody {
  /** street officers name the community; others default to their own */
  communityId?: number;
  meetingDays: number[];
  recurrenceMinCount: number;
  version: number;
}

// ---- the agenda ----

/** One review period: the half-month before a meeting. */
export interface ReviewPeriod {
  /** the meeting date (YYYY-MM-DD, Asia/Shanghai); pass as `period` */
  key: string;
  meetingDate: string;
  /** first and last day (inclusive) the period covers: from the previous meeting day to the day before this one */
  from: string;
  to: string;
  /** e.g. 「2026年11月16日问需会（11月1日—11月15日）」 */
  label: string;
  previousKey: string;
  nextKey: string;
}

/** Why an item is on the agenda. */
export enum AgendaReason {
  /** not resolved yet (待签收, 处理中, 部门处理中) */
  Unresolved = 'UNRESOLVED',
  /** a deadline (时限) has passed while it is unresolved */
  Overdue = 'OVERDUE',
  /** reopened after a low effect rating (差评重办) in the period, or still open after one */
  Reopened = 'REOPENED',
  /** found on patrol (巡查) in the period, or still open */
  Patrol = 'PATROL',
  /** the same problem (building × category × subcategory) several times within the recurrence window, still relevant */
  Recurring = 'RECURRING',
}

export const AGENDA_REASON_LABELS: Record<AgendaReason, string> = {
  [AgendaReason.Unresolved]: '未办结',
  [AgendaReason.Overdue]: '已超时',
  [AgendaReason.Reopened]: '差评重办',
  [AgendaReason.Patrol]: '巡查发现',
  [AgendaReason.Recurring]: '反复发生',
};

export interface AgendaItem {
  id: number;
  serial: string;
  category: RequestCategory;
  subcategory: string;
  subcategoryLabel: string;
  /** first 80 characters of the description */
  excerpt: string;
  status: RequestStatus;
  statusLabel: string;
  channel: Channel;
  gridId: number;
  gridName: string;
  buildingName: string;
  createdAt: string;
  reopenCount: number;
  /** 紧急 */
  urgent: boolean;
  reasons: AgendaReason[];
}

/**
 * ITEM: one request; RECURRING: a building × category × subcategory cluster (its items listed, each with its own
 * reasons). An unresolved item of a cluster has its own ITEM entry too (`recurringKey` names the cluster).
 */
export type AgendaEntryKind = 'ITEM' | 'RECURRING';

export interface AgendaEntry {
  /** stable across calls: `item:<requestId>` or `recurring:<buildingId>:<category>:<subcategory>`; send with a new project */
  key: string;
  kind: AgendaEntryKind;
  /** 1 = first to discuss: the agenda's order (已超时 → 紧急 → 差评重办 → 反复发生 → 未办结 → 巡查发现, oldest first) */
  rank: number;
  /** an ITEM of a recurring cluster: that cluster's key; otherwise null */
  recurringKey: string | null;
  reasons: AgendaReason[];
  /** a suggested project title, e.g. 「3号楼 环境整治问题反复发生（4次）」 */
  title: string;
  gridId: number;
  gridName: string;
  buildingName: string;
  requestIds: number[];
  items: AgendaItem[];
  /** projects that already link any of these items (so the meeting does not open a second one) */
  projectIds: number[];
}

export interface AgendaCategoryGroup {
  category: RequestCategory;
  categoryLabel: string;
  entries: AgendaEntry[];
}

export interface AgendaQuery {
  communityId?: number;
  /** a date YYYY-MM-DD: the agenda of the meeting on or after it (default: the next meeting from today) */
  period?: string;
  /** true: also list the entries beyond the cap (`rest.groups`); default: only their count */
  all?: boolean;
}

/** The entries beyond the agenda's cap, collapsed: 「其余 N 项」. */
export interface AgendaRest {
  count: number;
  /** 「其余 N 项」 */
  label: string;
  /** with `all=true`: the entries, grouped like the agenda's; otherwise empty */
  groups: AgendaCategoryGroup[];
  /** whether `groups` holds them (the query had `all=true`) */
  expanded: boolean;
}

export interface ReviewAgenda {
  communityId: number;
  communityName: string;
  period: ReviewPeriod;
  /** the state the agenda describes: the end of the meeting day, or now while that is still ahead */
  asOf: string;
  recurrenceMinCount: number;
  recurrenceWindowDays: number;
  /** how many entries the agenda shows at most (REVIEW_AGENDA_LIMIT): what a 30-minute meeting gets through */
  entryLimit: number;
  /** entries in all, shown and collapsed */
  totalEntries: number;
  /** distinct items per reason, over every entry (shown and collapsed) */
  counts: Record<AgendaReason, number>;
  /** the first `entryLimit` entries in the agenda's order (`rank`), by category in the categories' order; only categories with entries */
  groups: AgendaCategoryGroup[];
  /** the entries beyond the cap */
  rest: AgendaRest;
  /** a grid leader's agenda: only their grid's part, and they cannot make projects of it */
  readOnly: boolean;
  /** set when the agenda is a grid's part only */
  gridId: number | null;
}

// ---- the project service list (项目服务清单) ----

export enum ProjectStatus {
  Open = 'OPEN',
  Closed = 'CLOSED',
}

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  [ProjectStatus.Open]: '办理中',
  [ProjectStatus.Closed]: '已办结',
};

export enum ProjectAction {
  AddProgress = 'ADD_PROGRESS',
  Close = 'CLOSE',
}

export enum ProjectEventKind {
  Created = 'CREATED',
  Progress = 'PROGRESS',
  Closed = 'CLOSED',
}

export const PROJECT_EVENT_LABELS: Record<ProjectEventKind, string> = {
  [ProjectEventKind.Created]: '列入项目清单',
  [ProjectEventKind.Progress]: '更新进展',
  [ProjectEventKind.Closed]: '办结',
};

export interface CreateProjectBody {
  /** street officers name the community; others default to their own */
  communityId?: number;
  title: string;
  description?: string;
  /** a grid leader or community officer of the community */
  ownerUserId: number;
  /** YYYY-MM-DD (Asia/Shanghai), today or later: the project is overdue after this day */
  deadline: string;
  /** 1–50 requests of the community, from the agenda's entries */
  requestIds: number[];
  /** the agenda entries it was made from (AgendaEntry.key) */
  agendaEntryKeys?: string[];
  /** the meeting (ReviewPeriod.key) that decided it */
  meetingDate?: string;
}

export interface ProjectNoteBody {
  note: string;
  /** the version read; a stale one → 409 CONCURRENT_MODIFICATION */
  version: number;
}

export interface CloseProjectBody {
  /** the result the residents of the linked items are told */
  result: string;
  version: number;
}

export interface ProjectQuery extends PageQuery {
  communityId?: number;
  status?: ProjectStatus;
  /** true: open and past the deadline; false: not overdue */
  overdue?: boolean;
}

export interface ProjectSummary {
  id: number;
  communityId: number;
  communityName: string;
  title: string;
  ownerUserId: number;
  ownerName: string;
  deadline: string;
  status: ProjectStatus;
  statusLabel: string;
  /** open and the deadline day has passed */
  overdue: boolean;
  itemCount: number;
  meetingDate: string | null;
  createdAt: string;
  closedAt: string | null;
  /** closed on or before the deadline day; null while open */
  closedOnTime: boolean | null;
  version: number;
}

export interface ProjectItemView {
  id: number;
  serial: string;
  category: RequestCategory;
  subcategory: string;
  categoryLabel: string;
  excerpt: string;
  status: RequestStatus;
  statusLabel: string;
  gridName: string;
  buildingName: string;
}

export interface ProjectEventView {
  id: number;
  kind: ProjectEventKind;
  kindLabel: string;
  actorName: string;
  note: string | null;
  at: string;
}

export interface ProjectDetail extends ProjectSummary {
  description: string | null;
  result: string | null;
  agendaEntryKeys: string[];
  items: ProjectItemView[];
  events: ProjectEventView[];
  availableActions: ProjectAction[];
}

export type ProjectPage = Page<ProjectSummary>;

/**
 * What closing a project did to each linked request. Closing resolves (办结 → 待评价, the project's result as the
 * note) every linked item the closer may resolve — open (处理中) at the level the closer holds; the others stay as
 * they are, each with the reason.
 */
export enum ProjectItemOutcome {
  /** resolved by this close: the resident is asked to rate */
  Resolved = 'RESOLVED',
  /** was already resolved, waiting for the resident's rating */
  AwaitingRating = 'AWAITING_RATING',
  /** already final: closed (rated), rejected or withdrawn */
  AlreadyFinal = 'ALREADY_FINAL',
  /** whistled to departments: only the lead department resolves it */
  Whistled = 'WHISTLED',
  /** still waiting to be accepted (待签收) */
  NotAccepted = 'NOT_ACCEPTED',
  /** in progress at a level the closer does not hold: its holder resolves it */
  HeldElsewhere = 'HELD_ELSEWHERE',
}

export const PROJECT_ITEM_OUTCOME_LABELS: Record<ProjectItemOutcome, string> = {
  [ProjectItemOutcome.Resolved]: '随项目办结',
  [ProjectItemOutcome.AwaitingRating]: '已办结，待评价',
  [ProjectItemOutcome.AlreadyFinal]: '此前已结束',
  [ProjectItemOutcome.Whistled]: '部门处理中',
  [ProjectItemOutcome.NotAccepted]: '尚未签收',
  [ProjectItemOutcome.HeldElsewhere]: '他人处理中',
};

export interface ProjectItemCloseOutcome {
  requestId: number;
  serial: string;
  outcome: ProjectItemOutcome;
  outcomeLabel: string;
  /** true when this close moved it to RESOLVED */
  resolved: boolean;
  /** true when the item is still open (not resolved, not final) after the close */
  staysOpen: boolean;
  /** why, in Chinese (e.g. 「已吹哨至职能部门，须由主办部门办结」); null when resolved */
  reason: string | null;
}

/** POST /api/review/projects/:id/close: the closed project and what happened to each linked request. */
export interface ProjectCloseResponse extends ProjectDetail {
  closeOutcomes: ProjectItemCloseOutcome[];
}

/** GET /api/review/owners: who may own a project of the community. */
export interface ProjectOwnerOption {
  id: number;
  name: string;
  role: Role;
  roleLabel: string;
  gridName: string | null;
}

/** Projects of a scope and period: MetricsView.projects (opened, closed, closedOnTime) plus the open ones at the end. */
export interface ProjectCounts extends ProjectMetrics {
  /** still open at the end of the period */
  openAtEnd: number;
  /** open at the end of the period and past their deadline */
  overdueAtEnd: number;
}
