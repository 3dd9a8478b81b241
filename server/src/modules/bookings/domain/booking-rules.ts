/** When a resident may book and cancel. Pure: no Nest, no database. */
import {
  BookingStatus,
  CANCELLABLE_BOOKING_STATUSES,
  CUSTODY_STEP_ORDER,
  CustodyStep,
  ErrorCode,
  SERVICE_LIMITS,
  ServiceKind,
  VISIT_TRANSITIONS,
  VisitAction,
  visitDayRefusal,
} from '@gezhi/shared';

const MINUTE_MS = 60_000;

/** The last moment a booking of a slot starting at `startsAt` can be cancelled. */
export function cancelDeadline(startsAt: Date): Date {
  return new Date(startsAt.getTime() - SERVICE_LIMITS.cancelCutoffMinutes * MINUTE_MS);
}

/** Why the resident cannot cancel now, or null when they can. */
export function cancelRefusal(status: BookingStatus, startsAt: Date, now: Date): ErrorCode | null {
  if (!CANCELLABLE_BOOKING_STATUSES.includes(status)) return ErrorCode.IllegalTransition;
  if (now.getTime() > cancelDeadline(startsAt).getTime()) return ErrorCode.CancelTooLate;
  return null;
}

/** A slot takes bookings until it starts. */
export function bookingOpen(startsAt: Date, now: Date): boolean {
  return now.getTime() < startsAt.getTime();
}

/** Kinds whose visit goes to the resident's bound home (the booking shows its address). */
export function visitsHome(kind: ServiceKind): boolean {
  return kind === ServiceKind.DoorToDoor || kind === ServiceKind.Bundle;
}

/**
 * The status a provider's action leads to, or the refusal: a no-show only once the slot has started; arriving and
 * completing not before the slot's local day (VISIT_DAY_NOT_REACHED, shared/visit-day.ts — early within the day is
 * fine). `now` is the injected Clock's.
 */
export function visitTransition(action: VisitAction, status: BookingStatus, startsAt: Date, now: Date): { to: BookingStatus } | { refusal: ErrorCode } {
  const rule = VISIT_TRANSITIONS[action];
  if (!rule.from.includes(status)) return { refusal: ErrorCode.IllegalTransition };
  if (action === VisitAction.NoShow && now.getTime() < startsAt.getTime()) return { refusal: ErrorCode.IllegalTransition };
  const early = visitDayRefusal(action, startsAt, now);
  if (early) return { refusal: early };
  return { to: rule.to };
}

export function availableVisitActions(status: BookingStatus, startsAt: Date, now: Date): VisitAction[] {
  return Object.values(VisitAction).filter((action) => 'to' in visitTransition(action, status, startsAt, now));
}

/** A completed visit is rated once, by its resident. */
export function rateRefusal(status: BookingStatus, ratedAt: Date | null): ErrorCode | null {
  return status === BookingStatus.Completed && ratedAt === null ? null : ErrorCode.IllegalTransition;
}

/** The custody step a proxy errand may record next (in order, each once), or null when done or not applicable. */
export function nextCustodyStep(kind: ServiceKind, status: BookingStatus, recorded: readonly CustodyStep[]): CustodyStep | null {
  if (kind !== ServiceKind.Proxy || status === BookingStatus.Cancelled || status === BookingStatus.NoShow) return null;
  return CUSTODY_STEP_ORDER.find((step) => !recorded.includes(step)) ?? null;
}
