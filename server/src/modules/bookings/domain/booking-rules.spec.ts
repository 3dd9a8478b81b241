import { BookingStatus, CustodyStep, ErrorCode, ServiceKind, VisitAction } from '@gezhi/shared';
import { availableVisitActions, bookingOpen, cancelDeadline, cancelRefusal, nextCustodyStep, rateRefusal, visitsHome, visitTransition } from './booking-rules';

const startsAt = new Date('2026-12-09T01:00:00.000Z');
const minutesBefore = (m: number) => new Date(startsAt.getTime() - m * 60_000);

describe('booking rules', () => {
  it('allows cancelling until two hours before the slot, not a moment later', () => {
    expect(cancelDeadline(startsAt).toISOString()).toBe('2026-12-08T23:00:00.000Z');
    expect(cancelRefusal(BookingStatus.Booked, startsAt, minutesBefore(121))).toBeNull();
    expect(cancelRefusal(BookingStatus.Booked, startsAt, minutesBefore(120))).toBeNull();
    expect(cancelRefusal(BookingStatus.Booked, startsAt, new Date(minutesBefore(120).getTime() + 1))).toBe(ErrorCode.CancelTooLate);
    expect(cancelRefusal(BookingStatus.Booked, startsAt, startsAt)).toBe(ErrorCode.CancelTooLate);
  });

  it('lets a confirmed booking be cancelled, not a cancelled, completed or no-show one', () => {
    expect(cancelRefusal(BookingStatus.Confirmed, startsAt, minutesBefore(600))).toBeNull();
    for (const status of [BookingStatus.Cancelled, BookingStatus.Arrived, BookingStatus.Completed, BookingStatus.NoShow]) {
      expect(cancelRefusal(status, startsAt, minutesBefore(600))).toBe(ErrorCode.IllegalTransition);
    }
  });

  it('walks a visit through confirm, arrive and complete', () => {
    const before = minutesBefore(30);
    expect(visitTransition(VisitAction.Confirm, BookingStatus.Booked, startsAt, before)).toEqual({ to: BookingStatus.Confirmed });
    expect(visitTransition(VisitAction.Arrive, BookingStatus.Confirmed, startsAt, before)).toEqual({ to: BookingStatus.Arrived });
    expect(visitTransition(VisitAction.Complete, BookingStatus.Arrived, startsAt, before)).toEqual({ to: BookingStatus.Completed });
    expect(visitTransition(VisitAction.Confirm, BookingStatus.Confirmed, startsAt, before)).toEqual({ refusal: ErrorCode.IllegalTransition });
    expect(visitTransition(VisitAction.Complete, BookingStatus.Cancelled, startsAt, before)).toEqual({ refusal: ErrorCode.IllegalTransition });
    expect(visitTransition(VisitAction.NoShow, BookingStatus.Arrived, startsAt, startsAt)).toEqual({ refusal: ErrorCode.IllegalTransition });
  });

  it('marks a no-show only once the slot has started', () => {
    expect(visitTransition(VisitAction.NoShow, BookingStatus.Confirmed, startsAt, minutesBefore(1))).toEqual({ refusal: ErrorCode.IllegalTransition });
    expect(visitTransition(VisitAction.NoShow, BookingStatus.Confirmed, startsAt, startsAt)).toEqual({ to: BookingStatus.NoShow });
    expect(availableVisitActions(BookingStatus.Booked, startsAt, minutesBefore(1))).toEqual([VisitAction.Confirm, VisitAction.Arrive, VisitAction.Complete]);
    expect(availableVisitActions(BookingStatus.Booked, startsAt, startsAt)).toEqual([VisitAction.Confirm, VisitAction.Arrive, VisitAction.Complete, VisitAction.NoShow]);
    expect(availableVisitActions(BookingStatus.Completed, startsAt, startsAt)).toEqual([]);
  });

  it('refuses arriving and completing before the slot\'s local day, allows them early within the day', () => {
    // startsAt is 09:00 Beijing on Wednesday 2026-12-09
    const threeDaysAhead = new Date('2026-12-06T01:00:00.000Z');
    const eveningBefore = new Date('2026-12-08T15:59:00.000Z'); // 23:59 Beijing on the 8th
    const midnight = new Date('2026-12-08T16:00:00.000Z'); // 00:00 Beijing on the 9th
    for (const now of [threeDaysAhead, eveningBefore]) {
      expect(visitTransition(VisitAction.Arrive, BookingStatus.Confirmed, startsAt, now)).toEqual({ refusal: ErrorCode.VisitDayNotReached });
      expect(visitTransition(VisitAction.Complete, BookingStatus.Booked, startsAt, now)).toEqual({ refusal: ErrorCode.VisitDayNotReached });
      expect(visitTransition(VisitAction.Confirm, BookingStatus.Booked, startsAt, now)).toEqual({ to: BookingStatus.Confirmed });
      expect(availableVisitActions(BookingStatus.Booked, startsAt, now)).toEqual([VisitAction.Confirm]);
    }
    expect(visitTransition(VisitAction.Arrive, BookingStatus.Confirmed, startsAt, midnight)).toEqual({ to: BookingStatus.Arrived });
    expect(availableVisitActions(BookingStatus.Booked, startsAt, midnight)).toEqual([VisitAction.Confirm, VisitAction.Arrive, VisitAction.Complete]);
    // a wrong status stays ILLEGAL_TRANSITION, whatever the day
    expect(visitTransition(VisitAction.Arrive, BookingStatus.Completed, startsAt, threeDaysAhead)).toEqual({ refusal: ErrorCode.IllegalTransition });
  });

  it('takes bookings until the slot starts', () => {
    expect(bookingOpen(startsAt, minutesBefore(1))).toBe(true);
    expect(bookingOpen(startsAt, startsAt)).toBe(false);
  });

  it('sends door-to-door and bundled visits to the home', () => {
    expect(visitsHome(ServiceKind.DoorToDoor)).toBe(true);
    expect(visitsHome(ServiceKind.Bundle)).toBe(true);
    expect(visitsHome(ServiceKind.Appointment)).toBe(false);
    expect(visitsHome(ServiceKind.Proxy)).toBe(false);
  });

  it('rates a completed visit once', () => {
    expect(rateRefusal(BookingStatus.Completed, null)).toBeNull();
    expect(rateRefusal(BookingStatus.Completed, startsAt)).toBe(ErrorCode.IllegalTransition);
    expect(rateRefusal(BookingStatus.Arrived, null)).toBe(ErrorCode.IllegalTransition);
    expect(rateRefusal(BookingStatus.NoShow, null)).toBe(ErrorCode.IllegalTransition);
  });

  it('records a proxy errand\'s custody steps in order, each once', () => {
    const proxy = ServiceKind.Proxy;
    expect(nextCustodyStep(proxy, BookingStatus.Booked, [])).toBe(CustodyStep.DocumentsReceived);
    expect(nextCustodyStep(proxy, BookingStatus.Confirmed, [CustodyStep.DocumentsReceived])).toBe(CustodyStep.Submitted);
    expect(nextCustodyStep(proxy, BookingStatus.Completed, [CustodyStep.DocumentsReceived, CustodyStep.Submitted])).toBe(CustodyStep.Returned);
    expect(nextCustodyStep(proxy, BookingStatus.Completed, [CustodyStep.DocumentsReceived, CustodyStep.Submitted, CustodyStep.Returned])).toBeNull();
    expect(nextCustodyStep(proxy, BookingStatus.Cancelled, [])).toBeNull();
    expect(nextCustodyStep(ServiceKind.DoorToDoor, BookingStatus.Booked, [])).toBeNull();
  });
});
