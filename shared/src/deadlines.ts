/**
 * Deadlines (时限), supervision (督办), escalation (上报) and extensions (延期): the shared vocabulary.
 * The arithmetic (working calendar, policy lookup, ladder) lives on the server; the mini-program only
 * shows what the server computed (dueAt, supervision) and the resident's plain-language status.
 */
import type { RequestCategory } from './categories';
import { HandlingLevel, Urgency } from './enums';
import { RequestStatus, STATUS_LABELS } from './request-lifecycle';

/** Which step a clock runs for. REPORT (部门报到) is opened by the whistle chain for departments. */
export enum DeadlineKind {
  /** 签收 */
  Accept = 'ACCEPT',
  /** 首次响应: the first progress note after accepting */
  FirstResponse = 'FIRST_RESPONSE',
  /** 办结 */
  Resolve = 'RESOLVE',
  /** 部门报到 (whistle chain) */
  Report = 'REPORT',
}

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  [DeadlineKind.Accept]: '签收',
  [DeadlineKind.FirstResponse]: '首次响应',
  [DeadlineKind.Resolve]: '办结',
  [DeadlineKind.Report]: '部门报到',
};

/** OPEN → YELLOW (warn time passed) → RED (missed); or MET / ESCALATED / CANCELLED (closed). */
export enum DeadlineState {
  Open = 'OPEN',
  Yellow = 'YELLOW',
  Red = 'RED',
  Met = 'MET',
  Escalated = 'ESCALATED',
  Cancelled = 'CANCELLED',
}

/** The states in which a clock is still running against its unit. */
export const LIVE_DEADLINE_STATES: readonly DeadlineState[] = [DeadlineState.Open, DeadlineState.Yellow, DeadlineState.Red];

/** Who a clock runs against (misses are recorded against this unit; they feed rankings). */
export enum DeadlineUnitType {
  Grid = 'GRID',
  Community = 'COMMUNITY',
  Street = 'STREET',
  Department = 'DEPARTMENT',
}

/** 督办: none, yellow (即将超时), red (已超时). */
export type Supervision = 'NONE' | 'YELLOW' | 'RED';

export const SUPERVISION_LABELS: Record<Supervision, string> = {
  NONE: '',
  YELLOW: '即将超时',
  RED: '已超时',
};

/** The worst supervision among a request's live deadlines. */
export function supervisionOf(states: readonly DeadlineState[]): Supervision {
  if (states.includes(DeadlineState.Red)) return 'RED';
  if (states.includes(DeadlineState.Yellow)) return 'YELLOW';
  return 'NONE';
}

/**
 * The status a resident sees, in plain language: the level matters once an item went up the ladder
 * ("已上报社区协调"), and a whistled item is with the departments.
 */
export function residentStatusLabel(status: RequestStatus, level: HandlingLevel): string {
  if (status === RequestStatus.Whistled) return '街道已吹哨，相关部门处理中';
  if (status === RequestStatus.PendingAccept || status === RequestStatus.InProgress) {
    if (level === HandlingLevel.Community) return '已上报社区协调';
    if (level === HandlingLevel.Street) return '已上报街道协调';
  }
  return STATUS_LABELS[status];
}

/** The inbox filter for deadlines: 即将超时 (YELLOW) or 已超时 (RED). */
export type DueFilter = 'soon' | 'overdue';
export const DUE_FILTERS: readonly DueFilter[] = ['soon', 'overdue'];

// ---- API shapes ----

/** POST /api/requests/:id/escalate */
export interface EscalateBody {
  reason: string;
}

/** POST /api/requests/:id/extensions: more time for the request's running RESOLVE clock (or `kind`). */
export interface ExtensionRequestBody {
  reason: string;
  /** working minutes (wall-clock for 紧急 items) to add to the due time */
  minutes: number;
  kind?: DeadlineKind;
}

export type ExtensionState = 'PENDING' | 'APPROVED' | 'REJECTED';

export interface ExtensionDecisionBody {
  /** optional for approval, required for refusal */
  note?: string;
}

export interface ExtensionView {
  id: number;
  requestId: number;
  kind: DeadlineKind;
  level: HandlingLevel;
  minutes: number;
  reason: string;
  state: ExtensionState;
  requestedByName: string;
  decidedByName: string | null;
  decisionNote: string | null;
  /** the due time before the extension, and after it once approved */
  dueAtBefore: string;
  dueAtAfter: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** A running clock of a request, as staff see it on the detail page. */
export interface DeadlineView {
  kind: DeadlineKind;
  level: HandlingLevel;
  state: DeadlineState;
  startedAt: string;
  warnAt: string;
  dueAt: string;
  metAt: string | null;
}

/** The category a policy row applies to; DEFAULT is the fallback for categories without their own row. */
export type PolicyCategory = RequestCategory | 'DEFAULT';
export const DEFAULT_POLICY_CATEGORY = 'DEFAULT';

/** One row of the deadline policy (minutes are working minutes, or wall-clock for 紧急). */
export interface DeadlinePolicyRule {
  category: PolicyCategory;
  urgency: Urgency;
  level: HandlingLevel;
  acceptMinutes: number;
  firstResponseMinutes: number;
  resolveMinutes: number;
  /**
   * 部门报到: how long a department whistled at this level has to report in (REPORT clock, against the
   * department; default 2 working hours, 30 minutes wall-clock for 紧急)
   */
  reportMinutes: number;
  /** yellow supervision once this share of the span has passed (percent) */
  warnPercent: number;
}

/** GET/PUT /api/admin/deadline-policies */
export interface DeadlinePolicyTable {
  rules: DeadlinePolicyRule[];
}

export type CalendarDayKind = 'HOLIDAY' | 'WORKDAY';

/** An exception to the Mon–Fri week: a public holiday, or a make-up working day (调休上班). */
export interface CalendarDay {
  /** YYYY-MM-DD (Asia/Shanghai) */
  date: string;
  kind: CalendarDayKind;
  note?: string | null;
}

/** GET/PUT /api/admin/calendar/:year */
export interface CalendarYear {
  year: number;
  days: CalendarDay[];
}

/** Bounds the admin API accepts. */
export const DEADLINE_LIMITS = {
  minutesMin: 1,
  /** 60 days of minutes */
  minutesMax: 60 * 24 * 60,
  warnPercentMin: 10,
  warnPercentMax: 99,
  extensionMinutesMax: 30 * 24 * 60,
  calendarYearMin: 2000,
  calendarYearMax: 2100,
  calendarDaysMax: 366,
} as const;

export { HandlingLevel, Urgency };
