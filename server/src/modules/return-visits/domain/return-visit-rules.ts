import { ErrorCode, RequestStatus } from '@gezhi/shared';
import { DomainError } from '../../../common/errors/domain-error';

/**
 * 回访 (return visits), the pure rules: when an unrated item becomes 待回访, and when it is closed unrated (未评价).
 * Periods are whole days of 24 hours from the item's latest 办结 (`resolvedAt`), as configured
 * (RETURN_VISIT_AFTER_DAYS, RETURN_VISIT_UNRATED_CLOSE_DAYS); time comes from the injected Clock.
 */
export interface ReturnVisitPolicy {
  afterDays: number;
  unratedCloseDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ResolvedFacts {
  status: RequestStatus;
  resolvedAt: Date | null;
}

/** The latest 办结 time an item may have to be 待回访 at `now` (resolved at or before it). */
export function returnVisitCutoff(now: Date, policy: ReturnVisitPolicy): Date {
  return new Date(now.getTime() - policy.afterDays * DAY_MS);
}

/** The latest 办结 time an item may have to be closed unrated at `now`. */
export function unratedCloseCutoff(now: Date, policy: ReturnVisitPolicy): Date {
  return new Date(now.getTime() - policy.unratedCloseDays * DAY_MS);
}

/** When a resolved item is closed unrated unless somebody rates it first. */
export function unratedClosesAt(resolvedAt: Date, policy: ReturnVisitPolicy): Date {
  return new Date(resolvedAt.getTime() + policy.unratedCloseDays * DAY_MS);
}

/** 待回访: still waiting for a rating (RESOLVED) and resolved at least `afterDays` ago. */
export function isReturnVisitDue(item: ResolvedFacts, now: Date, policy: ReturnVisitPolicy): boolean {
  return item.status === RequestStatus.Resolved && item.resolvedAt !== null && item.resolvedAt.getTime() <= returnVisitCutoff(now, policy).getTime();
}

/** Recording a return visit (ratings or 联系不上) before the period is refused: the resident may still rate it. */
export function assertReturnVisitDue(item: ResolvedFacts, now: Date, policy: ReturnVisitPolicy): void {
  if (item.status !== RequestStatus.Resolved) throw new DomainError(ErrorCode.IllegalTransition);
  if (!isReturnVisitDue(item, now, policy)) throw new DomainError(ErrorCode.ReturnVisitNotDue);
}

/** The system closes it unrated: still RESOLVED and resolved at least `unratedCloseDays` ago. */
export function closesUnrated(item: ResolvedFacts, now: Date, policy: ReturnVisitPolicy): boolean {
  return item.status === RequestStatus.Resolved && item.resolvedAt !== null && item.resolvedAt.getTime() <= unratedCloseCutoff(now, policy).getTime();
}

/** The timeline note of a 联系不上 attempt. */
export function unreachableNote(note: string | undefined): string {
  const detail = note?.trim();
  return detail ? `电话回访未能联系上居民：${detail}` : '电话回访未能联系上居民';
}

/** The timeline note of the system's 未评价 close. */
export function unratedCloseNote(policy: ReturnVisitPolicy): string {
  return `办结满 ${policy.unratedCloseDays} 天仍未评价，也未能回访，系统按未评价办结`;
}
