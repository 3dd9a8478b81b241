/**
 * The request (诉求/工单) lifecycle: states, actions, and who may perform each action.
 * Defined once here; the server enforces it and the mini-program uses it to decide which buttons to show.
 *
 * The status says *what stage* an item is in; who holds it is a separate dimension
 * (`HandlingLevel`: grid → community → street, then departments once whistled). Escalating moves the
 * item to the next level in `PENDING_ACCEPT` again, so the whistle-and-report chain adds actions,
 * not states (except `WHISTLED`, the stage in which departments must report in and act).
 */
export enum RequestStatus {
  /** 待签收: routed to a holder who has not accepted it yet */
  PendingAccept = 'PENDING_ACCEPT',
  /** 处理中: the holder accepted it and is working on it */
  InProgress = 'IN_PROGRESS',
  /** 部门处理中: the street blew the whistle; departments report in and act */
  Whistled = 'WHISTLED',
  /** 待评价: a result was recorded; waiting for the resident's rating */
  Resolved = 'RESOLVED',
  /** 已办结: rated (by the resident or on a 电话回访), or closed unrated (未评价) by the system; final */
  Closed = 'CLOSED',
  /** 已驳回: not taken up, with a reason the resident sees; final */
  Rejected = 'REJECTED',
  /** 已撤回: withdrawn by the resident before anyone accepted it; final */
  Cancelled = 'CANCELLED',
}

/** Plain-language status residents see. */
export const STATUS_LABELS: Record<RequestStatus, string> = {
  [RequestStatus.PendingAccept]: '待签收',
  [RequestStatus.InProgress]: '处理中',
  [RequestStatus.Whistled]: '部门处理中',
  [RequestStatus.Resolved]: '待评价',
  [RequestStatus.Closed]: '已办结',
  [RequestStatus.Rejected]: '已驳回',
  [RequestStatus.Cancelled]: '已撤回',
};

export const FINAL_STATUSES: readonly RequestStatus[] = [
  RequestStatus.Closed,
  RequestStatus.Rejected,
  RequestStatus.Cancelled,
];

export enum RequestAction {
  /** 提交: a resident files, or staff file on a resident's behalf */
  Submit = 'SUBMIT',
  /** 签收 */
  Accept = 'ACCEPT',
  /** 进展: a progress note with photos; does not change the status */
  AddProgress = 'ADD_PROGRESS',
  /** 办结: result note and evidence; the resident is asked to rate */
  Resolve = 'RESOLVE',
  /** 驳回: with a reason */
  Reject = 'REJECT',
  /** 撤回: the resident withdraws before acceptance */
  Cancel = 'CANCEL',
  /** 评价: the resident rates; effect ≥ 3 closes it */
  Rate = 'RATE',
  /** 重办: a rating with effect ≤ 2 sends it back to the holder */
  Reopen = 'REOPEN',
  /** 上报: hand it one level up (grid → community → street) */
  Escalate = 'ESCALATE',
  /** 吹哨: the street names lead and assisting departments */
  Whistle = 'WHISTLE',
  /** 部门退回: the lead department returns a misrouted whistle to the street, which re-dispatches it */
  ReturnWhistle = 'RETURN_WHISTLE',
  /** 部门报到: a whistled department acknowledges with its plan; the status stays */
  Report = 'REPORT',
  /** 协办退回: an assisting department says it is not responsible and leaves; the status stays */
  ReturnAssist = 'RETURN_ASSIST',
  /** 重办: a whistled item rated effect ≤ 2 goes back to its lead department */
  ReopenToDepartment = 'REOPEN_TO_DEPARTMENT',
  /** 申请延期: the holder asks for more time on a running clock (with a reason); the status stays */
  RequestExtension = 'REQUEST_EXTENSION',
  /** 审批延期: an officer of the level above approves or refuses the extension; the status stays */
  DecideExtension = 'DECIDE_EXTENSION',
  /**
   * 电话回访评价: an item the resident did not rate within the return-visit period (walk-ins, phone calls, residents
   * without an account) — staff phone the person and record the three ratings on their behalf; like 评价, effect ≥ 3
   * closes it and effect ≤ 2 reopens it (重办)
   */
  ReturnVisitRate = 'RETURN_VISIT_RATE',
  /** 回访未接通: staff tried to reach the person for the return visit and could not; the status stays */
  ReturnVisitUnreachable = 'RETURN_VISIT_UNREACHABLE',
  /** 未评价办结: nobody rated it and nobody could be reached; the system closes it without a rating */
  CloseUnrated = 'CLOSE_UNRATED',
}

export const ACTION_LABELS: Record<RequestAction, string> = {
  [RequestAction.Submit]: '提交诉求',
  [RequestAction.Accept]: '签收',
  [RequestAction.AddProgress]: '更新进展',
  [RequestAction.Resolve]: '办结',
  [RequestAction.Reject]: '驳回',
  [RequestAction.Cancel]: '撤回',
  [RequestAction.Rate]: '评价',
  [RequestAction.Reopen]: '重办',
  [RequestAction.Escalate]: '上报',
  [RequestAction.Whistle]: '吹哨',
  [RequestAction.ReturnWhistle]: '部门退回',
  [RequestAction.Report]: '部门报到',
  [RequestAction.ReturnAssist]: '协办退回',
  [RequestAction.ReopenToDepartment]: '重办（主办部门）',
  [RequestAction.RequestExtension]: '申请延期',
  [RequestAction.DecideExtension]: '审批延期',
  [RequestAction.ReturnVisitRate]: '电话回访评价',
  [RequestAction.ReturnVisitUnreachable]: '回访联系不上',
  [RequestAction.CloseUnrated]: '未评价办结',
};

/**
 * Who may perform an action, relative to the item:
 * - `owner`: the resident the item belongs to
 * - `holder`: staff whose scope covers the item's current level (grid leader of its grid at GRID level, …)
 * - `liaison`: a liaison of a department the item is whistled to
 * - `supervisor`: an officer of the level above the item's current level (the community for a grid item, the
 *   street for a community item): approves or refuses extensions
 * - `system`: the server itself (e.g. reopening after a low rating, deadline escalation)
 */
export type Performer = 'owner' | 'holder' | 'liaison' | 'supervisor' | 'system';

export interface Transition {
  action: RequestAction;
  from: readonly RequestStatus[];
  /** null: the status does not change (e.g. a progress note) */
  to: RequestStatus | null;
  performers: readonly Performer[];
}

const S = RequestStatus;
const A = RequestAction;

export const TRANSITIONS: readonly Transition[] = [
  { action: A.Accept, from: [S.PendingAccept], to: S.InProgress, performers: ['holder'] },
  { action: A.AddProgress, from: [S.InProgress], to: null, performers: ['holder'] },
  { action: A.AddProgress, from: [S.Whistled], to: null, performers: ['holder', 'liaison'] },
  { action: A.Resolve, from: [S.InProgress], to: S.Resolved, performers: ['holder'] },
  // a whistled item is resolved only by its lead department (the whistle module checks the lead role)
  { action: A.Resolve, from: [S.Whistled], to: S.Resolved, performers: ['liaison'] },
  { action: A.Reject, from: [S.PendingAccept, S.InProgress], to: S.Rejected, performers: ['holder'] },
  { action: A.Cancel, from: [S.PendingAccept], to: S.Cancelled, performers: ['owner'] },
  { action: A.Rate, from: [S.Resolved], to: S.Closed, performers: ['owner'] },
  { action: A.Reopen, from: [S.Resolved], to: S.InProgress, performers: ['system'] },
  { action: A.Escalate, from: [S.PendingAccept, S.InProgress], to: S.PendingAccept, performers: ['holder', 'system'] },
  { action: A.Whistle, from: [S.PendingAccept, S.InProgress], to: S.Whistled, performers: ['holder'] },
  // the lead returns it: back to the street (IN_PROGRESS at STREET level), which whistles again
  { action: A.ReturnWhistle, from: [S.Whistled], to: S.InProgress, performers: ['liaison'] },
  { action: A.Report, from: [S.Whistled], to: null, performers: ['liaison'] },
  { action: A.ReturnAssist, from: [S.Whistled], to: null, performers: ['liaison'] },
  { action: A.ReopenToDepartment, from: [S.Resolved], to: S.Whistled, performers: ['system'] },
  // 延期: asked for and decided while the item is open; recorded in the timeline, the status stays
  { action: A.RequestExtension, from: [S.PendingAccept, S.InProgress, S.Whistled], to: null, performers: ['holder'] },
  { action: A.DecideExtension, from: [S.PendingAccept, S.InProgress, S.Whistled], to: null, performers: ['supervisor'] },
  // 回访 (docs/request-lifecycle.md#回访): once the item has waited RETURN_VISIT_AFTER_DAYS for a rating
  { action: A.ReturnVisitRate, from: [S.Resolved], to: S.Closed, performers: ['holder'] },
  { action: A.ReturnVisitUnreachable, from: [S.Resolved], to: null, performers: ['holder'] },
  { action: A.CloseUnrated, from: [S.Resolved], to: S.Closed, performers: ['system'] },
];

/** The status every new item starts in (the `SUBMIT` event's target). */
export const INITIAL_STATUS = RequestStatus.PendingAccept;

export function findTransition(action: RequestAction, from: RequestStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.action === action && t.from.includes(from));
}

/** The status after `action`, or `undefined` when the action is not allowed from `from`. */
export function nextStatus(from: RequestStatus, action: RequestAction): RequestStatus | undefined {
  const transition = findTransition(action, from);
  if (!transition) return undefined;
  return transition.to ?? from;
}

/** The actions a performer may take on an item in `status` (used by the UI to show buttons). */
export function availableActions(status: RequestStatus, performer: Performer): RequestAction[] {
  return TRANSITIONS.filter((t) => t.from.includes(status) && t.performers.includes(performer)).map((t) => t.action);
}

export function isFinal(status: RequestStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** Rating rule: an effect score at or below this reopens the item (重办) instead of closing it. */
export const REOPEN_EFFECT_THRESHOLD = 2;

export function ratingReopens(effect: number): boolean {
  return effect <= REOPEN_EFFECT_THRESHOLD;
}

/** A Mermaid state diagram generated from `TRANSITIONS`; docs/request-lifecycle.md is kept equal to it by a test. */
export function lifecycleMermaid(): string {
  const lines = ['stateDiagram-v2', `  [*] --> ${INITIAL_STATUS}: ${ACTION_LABELS[A.Submit]}`];
  for (const t of TRANSITIONS) {
    for (const from of t.from) {
      const to = t.to ?? from;
      lines.push(`  ${from} --> ${to}: ${ACTION_LABELS[t.action]} (${t.performers.join('/')})`);
    }
  }
  for (const final of FINAL_STATUSES) lines.push(`  ${final} --> [*]`);
  return lines.join('\n');
}
