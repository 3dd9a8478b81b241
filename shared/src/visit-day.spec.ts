import { ErrorCode } from './errors';
import { VisitAction } from './services';
import { parseBeijing, shanghaiDayOf } from './shanghai-time';
import { visitDayReached, visitDayRefusal } from './visit-day';

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai */
const beijing = (local: string): Date => parseBeijing(local) ?? new Date(NaN);

describe('the visit day', () => {
  // a slot on Thursday 2026-12-10 at 10:00 Beijing (02:00 UTC)
  const slot = beijing('2026-12-10 10:00');

  it('reads the day in Asia/Shanghai, not UTC', () => {
    expect(shanghaiDayOf(beijing('2026-12-10 00:30'))).toBe('2026-12-10'); // still the 9th in UTC
    expect(shanghaiDayOf('2026-12-09T16:00:00.000Z')).toBe('2026-12-10');
    expect(shanghaiDayOf('2026-12-09T15:59:59.999Z')).toBe('2026-12-09');
  });

  it('refuses arriving and completing three days ahead, and the evening before', () => {
    for (const now of [beijing('2026-12-07 10:00'), beijing('2026-12-09 23:59')]) {
      expect(visitDayReached(slot, now)).toBe(false);
      expect(visitDayRefusal(VisitAction.Arrive, slot, now)).toBe(ErrorCode.VisitDayNotReached);
      expect(visitDayRefusal(VisitAction.Complete, slot, now)).toBe(ErrorCode.VisitDayNotReached);
    }
  });

  it('allows arriving early within the slot day, from midnight on, and any time after', () => {
    for (const now of [beijing('2026-12-10 00:00'), beijing('2026-12-10 08:00'), slot, beijing('2026-12-11 09:00')]) {
      expect(visitDayReached(slot, now)).toBe(true);
      expect(visitDayRefusal(VisitAction.Arrive, slot, now)).toBeNull();
      expect(visitDayRefusal(VisitAction.Complete, slot, now)).toBeNull();
    }
  });

  it('lets a visit be confirmed any time; the no-show rule is the slot start, not the day', () => {
    expect(visitDayRefusal(VisitAction.Confirm, slot, beijing('2026-12-07 10:00'))).toBeNull();
    expect(visitDayRefusal(VisitAction.NoShow, slot, beijing('2026-12-07 10:00'))).toBeNull();
  });

  it('takes an ISO string as the API sends it', () => {
    expect(visitDayReached('2026-12-10T02:00:00.000Z', beijing('2026-12-10 07:00'))).toBe(true);
    expect(visitDayReached('2026-12-10T02:00:00.000Z', beijing('2026-12-09 07:00'))).toBe(false);
  });
});
