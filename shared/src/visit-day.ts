/**
 * The visit day: a provider may arrive at or complete a visit from the first moment of its slot's local day
 * (Asia/Shanghai) on — early within the day is fine (the resident is home, the errand is done in the morning), a day
 * or more ahead is not (a visit "completed" three days before it happens is a false record). Confirming is allowed
 * at any time; a no-show only once the slot has started (server booking-rules). Pure, shared by the server's
 * transition rule and the mini-program's visit page, so both ends decide with the same code.
 */
import { ErrorCode } from './errors';
import { VisitAction } from './services';
import { shanghaiDayOf } from './shanghai-time';

/** The actions that wait for the slot's local day. */
export const VISIT_DAY_ACTIONS: readonly VisitAction[] = [VisitAction.Arrive, VisitAction.Complete];

/** Whether `now` is on or after the local day of a slot starting at `startsAt`. */
export function visitDayReached(startsAt: Date | string, now: Date): boolean {
  return shanghaiDayOf(now) >= shanghaiDayOf(startsAt);
}

/** VISIT_DAY_NOT_REACHED when `action` waits for the slot's day and that day has not come; null otherwise. */
export function visitDayRefusal(action: VisitAction, startsAt: Date | string, now: Date): ErrorCode | null {
  return VISIT_DAY_ACTIONS.includes(action) && !visitDayReached(startsAt, now) ? ErrorCode.VisitDayNotReached : null;
}
