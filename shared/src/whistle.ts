/**
 * 街道吹哨、部门报到: departments and co-building units, the routing table, and the per-department
 * whistle assignment with its own small state machine. Defined once here; the server enforces it and the
 * liaison tab uses `assignmentActions` to decide which buttons to show.
 */
import type { RequestCategory } from './categories';
import type { Page, RequestSummary } from './api';
import type { Supervision } from './deadlines';

/** 职能部门 / 共建单位 / 包联单位: what kind of unit a department is. */
export enum DepartmentKind {
  Police = 'POLICE',
  Justice = 'JUSTICE',
  CityManagement = 'CITY_MANAGEMENT',
  MarketRegulation = 'MARKET_REGULATION',
  Fire = 'FIRE',
  TrafficPolice = 'TRAFFIC_POLICE',
  CivilAffairs = 'CIVIL_AFFAIRS',
  Housing = 'HOUSING',
  Water = 'WATER',
  Power = 'POWER',
  Heating = 'HEATING',
  Gas = 'GAS',
  PropertyManagement = 'PROPERTY_MANAGEMENT',
  PairedUnit = 'PAIRED_UNIT',
}

export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, string> = {
  [DepartmentKind.Police]: '公安派出所',
  [DepartmentKind.Justice]: '司法所',
  [DepartmentKind.CityManagement]: '城管执法',
  [DepartmentKind.MarketRegulation]: '市场监管',
  [DepartmentKind.Fire]: '消防救援',
  [DepartmentKind.TrafficPolice]: '交警',
  [DepartmentKind.CivilAffairs]: '民政',
  [DepartmentKind.Housing]: '住建',
  [DepartmentKind.Water]: '供水',
  [DepartmentKind.Power]: '供电',
  [DepartmentKind.Heating]: '供热',
  [DepartmentKind.Gas]: '燃气',
  [DepartmentKind.PropertyManagement]: '物业服务企业',
  [DepartmentKind.PairedUnit]: '包联单位',
};

/** 主办 / 协办: the lead resolves the item; assisting departments contribute. */
export enum WhistleRole {
  Lead = 'LEAD',
  Assist = 'ASSIST',
}

export const WHISTLE_ROLE_LABELS: Record<WhistleRole, string> = {
  [WhistleRole.Lead]: '主办',
  [WhistleRole.Assist]: '协办',
};

/**
 * One department's part in one whistle: NOTIFIED → REPORTED → (RETURNED | DONE).
 * RECALLED: the round ended without this department finishing — the lead returned the item to the street,
 * or the lead resolved it before this assisting department reported in.
 */
export enum AssignmentState {
  /** 待报到 */
  Notified = 'NOTIFIED',
  /** 已报到: acknowledged with a plan; working on it */
  Reported = 'REPORTED',
  /** 已退回: the department said it is not responsible */
  Returned = 'RETURNED',
  /** 已办结 */
  Done = 'DONE',
  /** 已收回 */
  Recalled = 'RECALLED',
}

export const ASSIGNMENT_STATE_LABELS: Record<AssignmentState, string> = {
  [AssignmentState.Notified]: '待报到',
  [AssignmentState.Reported]: '已报到',
  [AssignmentState.Returned]: '已退回',
  [AssignmentState.Done]: '已办结',
  [AssignmentState.Recalled]: '已收回',
};

/** States in which a department is still working on the item (its liaisons act on it). */
export const ACTIVE_ASSIGNMENT_STATES: readonly AssignmentState[] = [AssignmentState.Notified, AssignmentState.Reported];

/**
 * States in which a department's liaisons may still see the item: while working on it, and after the lead
 * resolved it (to follow the rating). A department that returned it, or whose round ended, no longer sees it.
 */
export const INVOLVED_ASSIGNMENT_STATES: readonly AssignmentState[] = [...ACTIVE_ASSIGNMENT_STATES, AssignmentState.Done];

/** What a liaison does to an assignment. */
export enum AssignmentAction {
  /** 报到: acknowledge with a plan */
  Report = 'REPORT',
  /** 进展 */
  Progress = 'PROGRESS',
  /** 退回: not responsible */
  Return = 'RETURN',
  /** 办结: lead only */
  Resolve = 'RESOLVE',
}

export const ASSIGNMENT_ACTION_LABELS: Record<AssignmentAction, string> = {
  [AssignmentAction.Report]: '报到',
  [AssignmentAction.Progress]: '更新进展',
  [AssignmentAction.Return]: '退回',
  [AssignmentAction.Resolve]: '办结',
};

export interface AssignmentTransition {
  action: AssignmentAction;
  from: readonly AssignmentState[];
  /** null: the state does not change */
  to: AssignmentState | null;
  roles: readonly WhistleRole[];
}

const AS = AssignmentState;
const AA = AssignmentAction;
const BOTH = [WhistleRole.Lead, WhistleRole.Assist] as const;

/** A department must report in before it records progress or resolves; it may return before or after reporting. */
export const ASSIGNMENT_TRANSITIONS: readonly AssignmentTransition[] = [
  { action: AA.Report, from: [AS.Notified], to: AS.Reported, roles: BOTH },
  { action: AA.Progress, from: [AS.Reported], to: null, roles: BOTH },
  { action: AA.Return, from: [AS.Notified, AS.Reported], to: AS.Returned, roles: BOTH },
  { action: AA.Resolve, from: [AS.Reported], to: AS.Done, roles: [WhistleRole.Lead] },
];

/** The state after `action`, `undefined` when not allowed (for this role, or from this state). */
export function nextAssignmentState(state: AssignmentState, action: AssignmentAction, role: WhistleRole): AssignmentState | undefined {
  const t = ASSIGNMENT_TRANSITIONS.find((x) => x.action === action && x.from.includes(state) && x.roles.includes(role));
  return t ? (t.to ?? state) : undefined;
}

/** The buttons a liaison of the department sees on an assignment. */
export function assignmentActions(state: AssignmentState, role: WhistleRole): AssignmentAction[] {
  return ASSIGNMENT_TRANSITIONS.filter((t) => t.from.includes(state) && t.roles.includes(role)).map((t) => t.action);
}

// ---- API shapes ----

export interface DepartmentView {
  id: number;
  name: string;
  kind: DepartmentKind;
  /** the street it serves */
  streetId: number;
  /** 包联: the grid a paired unit is paired with */
  pairedGridId: number | null;
}

/** category (× optional subcategory) → lead + assisting departments, per street. */
export interface RoutingRuleInput {
  category: RequestCategory;
  /** null/absent: the rule covers every subcategory of the category without a more specific rule */
  subcategory?: string | null;
  leadDepartmentId: number;
  assistDepartmentIds?: number[];
}

export interface RoutingRuleView {
  id: number;
  streetId: number;
  category: RequestCategory;
  subcategory: string | null;
  leadDepartmentId: number;
  assistDepartmentIds: number[];
}

/** PUT /api/admin/routing-rules: replaces the whole table of the caller's street. */
export interface PutRoutingRulesBody {
  rules: RoutingRuleInput[];
}

/** GET /api/requests/:id/whistle-proposal */
export interface WhistleProposal {
  /** the matched rule, null when none matches (the officer picks by hand) */
  rule: RoutingRuleView | null;
  lead: DepartmentView | null;
  assists: DepartmentView[];
  /** every department of the request's street, for picking by hand */
  departments: DepartmentView[];
}

export interface WhistleBody {
  leadDepartmentId: number;
  assistDepartmentIds?: number[];
  /** what the departments are asked to do */
  note: string;
}

export interface ReportBody {
  /** 处置方案 */
  plan: string;
}

export interface ReturnBody {
  reason: string;
}

export interface WhistleSettings {
  /** whether a community officer may whistle items held at community level (default false) */
  communityMayWhistle: boolean;
}

export interface WhistleAssignmentView {
  id: number;
  requestId: number;
  /** 1 for the first whistle, 2 after a re-dispatch, … */
  round: number;
  departmentId: number;
  departmentName: string;
  role: WhistleRole;
  state: AssignmentState;
  /** the street officer's instruction */
  note: string | null;
  plan: string | null;
  returnedReason: string | null;
  notifiedAt: string;
  reportedAt: string | null;
  finishedAt: string | null;
  /** the report deadline (the due time of the department's REPORT clock, set when whistled) */
  reportDueAt: string | null;
  /**
   * 督办 of the department's REPORT clock while it runs: YELLOW (即将超时), RED (已超时, the miss is recorded against
   * the department), NONE otherwise (not due yet, reported in, or the assignment ended)
   */
  reportSupervision?: Supervision;
  /** what a liaison of this department may do now */
  availableActions: AssignmentAction[];
  version: number;
}

export interface LiaisonInboxQuery {
  /** default: the active ones (NOTIFIED and REPORTED) */
  state?: AssignmentState;
  page?: number;
  pageSize?: number;
}

export interface LiaisonInboxItem {
  assignment: WhistleAssignmentView;
  request: RequestSummary;
}

export interface LiaisonInboxCounts {
  notified: number;
  reported: number;
}

export interface LiaisonInboxPage extends Page<LiaisonInboxItem> {
  counts: LiaisonInboxCounts;
}
