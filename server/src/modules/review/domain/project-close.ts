import { HANDLING_LEVEL_LABELS, HandlingLevel, PROJECT_ITEM_OUTCOME_LABELS, ProjectItemCloseOutcome, ProjectItemOutcome, RequestStatus } from '@gezhi/shared';
import { holdsCurrentLevel } from '../../requests/access/request-access';
import { formatSerial } from '../../requests/domain/request-presentation';
import type { Viewer } from '../../requests/domain/viewer';

/** What closing a project needs to know of a linked request. */
export interface LinkedRequestState {
  id: number;
  residentUserId: number | null;
  status: RequestStatus;
  level: HandlingLevel;
  gridId: number;
  communityId: number;
  streetId: number;
}

export interface ItemDecision {
  outcome: ProjectItemOutcome;
  /** why it is not resolved by this close, in Chinese; null when it is */
  reason: string | null;
}

/**
 * What closing a project does to one linked request — decided before anything is written. Closing resolves what the
 * closer may resolve by the request lifecycle (处理中 at the level they hold, as for 办结); everything else stays as it
 * is and says why: already over, whistled (only the lead department resolves it), not accepted yet, or held by
 * someone else (their holder resolves it).
 */
export function decideItem(closer: Viewer, request: LinkedRequestState): ItemDecision {
  const level = HANDLING_LEVEL_LABELS[request.level];
  switch (request.status) {
    case RequestStatus.InProgress:
      return holdsCurrentLevel(closer, request)
        ? { outcome: ProjectItemOutcome.Resolved, reason: null }
        : { outcome: ProjectItemOutcome.HeldElsewhere, reason: `正由${level}处理，须由${level}办结` };
    case RequestStatus.PendingAccept:
      return {
        outcome: ProjectItemOutcome.NotAccepted,
        reason: holdsCurrentLevel(closer, request) ? `尚未签收，须先签收再办结` : `待${level}签收，须签收处理后由${level}办结`,
      };
    case RequestStatus.Whistled:
      return { outcome: ProjectItemOutcome.Whistled, reason: '已吹哨至职能部门，须由主办部门办结' };
    case RequestStatus.Resolved:
      return { outcome: ProjectItemOutcome.AwaitingRating, reason: '此前已办结，正等待居民评价' };
    case RequestStatus.Closed:
      return { outcome: ProjectItemOutcome.AlreadyFinal, reason: '此前已办结' };
    case RequestStatus.Rejected:
      return { outcome: ProjectItemOutcome.AlreadyFinal, reason: '此前已驳回' };
    case RequestStatus.Cancelled:
      return { outcome: ProjectItemOutcome.AlreadyFinal, reason: '居民此前已撤回' };
  }
}

const STILL_OPEN: ReadonlySet<ProjectItemOutcome> = new Set([ProjectItemOutcome.NotAccepted, ProjectItemOutcome.HeldElsewhere, ProjectItemOutcome.Whistled]);

export function closeOutcomeView(requestId: number, decision: ItemDecision): ProjectItemCloseOutcome {
  return {
    requestId,
    serial: formatSerial(requestId),
    outcome: decision.outcome,
    outcomeLabel: PROJECT_ITEM_OUTCOME_LABELS[decision.outcome],
    resolved: decision.outcome === ProjectItemOutcome.Resolved,
    staysOpen: STILL_OPEN.has(decision.outcome),
    reason: decision.reason,
  };
}

const NOTE_MAX = 500;

/** The project's timeline line (an event note, ≤ 500 characters) saying what the close did to its items. */
export function closeOutcomeNote(outcomes: readonly ProjectItemCloseOutcome[]): string {
  const resolved = outcomes.filter((o) => o.resolved).map((o) => o.serial);
  const open = outcomes.filter((o) => o.staysOpen).map((o) => `${o.serial}（${o.reason}）`);
  const other = outcomes.filter((o) => !o.resolved && !o.staysOpen).map((o) => `${o.serial}（${o.reason}）`);
  const parts = [
    resolved.length ? `随项目办结 ${resolved.length} 项，待居民评价：${resolved.join('、')}` : '没有随项目办结的诉求',
    open.length ? `仍未办结 ${open.length} 项：${open.join('；')}` : null,
    other.length ? `无需办结 ${other.length} 项：${other.join('；')}` : null,
  ].filter((p): p is string => p !== null);
  const note = `关联诉求：${parts.join('。')}。`;
  const chars = Array.from(note);
  return chars.length <= NOTE_MAX ? note : `${chars.slice(0, NOTE_MAX - 1).join('')}…`;
}
