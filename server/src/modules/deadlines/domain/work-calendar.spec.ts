import { parseBeijing } from '@gezhi/shared';
import { WorkCalendar } from './work-calendar';

/** Asia/Shanghai wall-clock time → the instant (UTC+8, stated explicitly so the machine's TZ never matters). */
const sh = (local: string): Date => parseBeijing(local) ?? new Date(NaN);
const iso = (d: Date): string => d.toISOString();

/**
 * Test data, explicit because the real 2026 arrangement is not known here: National Day holiday Thu 10/1 –
 * Thu 10/8, with make-up working days Sun 9/27 and Sat 10/10 (10/1/2026 is a Thursday, so the Sunday before
 * it is 9/27; 9/28 is a Monday).
 */
const NATIONAL_DAY_2026 = new WorkCalendar({
  exceptions: {
    '2026-09-27': 'WORKDAY',
    '2026-10-01': 'HOLIDAY',
    '2026-10-02': 'HOLIDAY',
    '2026-10-03': 'HOLIDAY',
    '2026-10-04': 'HOLIDAY',
    '2026-10-05': 'HOLIDAY',
    '2026-10-06': 'HOLIDAY',
    '2026-10-07': 'HOLIDAY',
    '2026-10-08': 'HOLIDAY',
    '2026-10-10': 'WORKDAY',
  },
});

describe('WorkCalendar (Asia/Shanghai, 08:30–12:00 and 13:30–17:30, Mon–Fri)', () => {
  const calendar = new WorkCalendar();

  it('adds working time within one morning', () => {
    expect(iso(calendar.addWorkingTime(sh('2026-11-23T09:00'), 60))).toBe(iso(sh('2026-11-23T10:00')));
  });

  it('skips the lunch break', () => {
    expect(iso(calendar.addWorkingTime(sh('2026-11-23T11:30'), 60))).toBe(iso(sh('2026-11-23T14:00')));
  });

  it('ends exactly at noon when the span ends with the morning', () => {
    expect(iso(calendar.addWorkingTime(sh('2026-11-23T11:00'), 60))).toBe(iso(sh('2026-11-23T12:00')));
  });

  it('counts from the next working moment when started at lunch, in the evening or before work', () => {
    expect(iso(calendar.addWorkingTime(sh('2026-11-23T12:45'), 30))).toBe(iso(sh('2026-11-23T14:00')));
    expect(iso(calendar.addWorkingTime(sh('2026-11-23T21:00'), 30))).toBe(iso(sh('2026-11-24T09:00')));
    expect(iso(calendar.addWorkingTime(sh('2026-11-24T06:00'), 30))).toBe(iso(sh('2026-11-24T09:00')));
  });

  it('carries an evening remainder into the next morning', () => {
    expect(iso(calendar.addWorkingTime(sh('2026-11-23T17:00'), 120))).toBe(iso(sh('2026-11-24T10:00')));
  });

  it('skips the weekend: Friday afternoon + 2 h is Monday morning', () => {
    expect(iso(calendar.addWorkingTime(sh('2026-11-27T16:30'), 120))).toBe(iso(sh('2026-11-30T09:30')));
    expect(iso(calendar.addWorkingTime(sh('2026-11-28T10:00'), 60))).toBe(iso(sh('2026-11-30T09:30')));
  });

  it('makes three working days (3 × 7.5 h) from Wednesday morning end on Friday evening', () => {
    expect(iso(calendar.addWorkingTime(sh('2026-11-25T08:30'), 3 * 450))).toBe(iso(sh('2026-11-27T17:30')));
  });

  it('is independent of the instant representation: a UTC start reads the same', () => {
    // 2026-11-23 01:00 UTC is 09:00 in Shanghai
    expect(iso(calendar.addWorkingTime(new Date('2026-11-23T01:00:00Z'), 60))).toBe('2026-11-23T02:00:00.000Z');
  });

  it('treats the local date, not the UTC date, as the day (00:30 Shanghai on a Monday is still Sunday 16:30 UTC)', () => {
    expect(calendar.localDate(sh('2026-11-23T00:30'))).toBe('2026-11-23');
    expect(calendar.isWorkingDay('2026-11-23')).toBe(true);
    expect(calendar.isWorkingDay('2026-11-22')).toBe(false);
    expect(iso(calendar.addWorkingTime(sh('2026-11-23T00:30'), 10))).toBe(iso(sh('2026-11-23T08:40')));
  });

  it('returns the start itself for zero minutes and refuses negative spans', () => {
    expect(iso(calendar.addWorkingTime(sh('2026-11-22T03:00'), 0))).toBe(iso(sh('2026-11-22T03:00')));
    expect(() => calendar.addWorkingTime(sh('2026-11-22T03:00'), -1)).toThrow();
  });

  it('counts working minutes between two instants across lunch, nights and a weekend', () => {
    expect(calendar.workingMinutesBetween(sh('2026-11-23T11:00'), sh('2026-11-23T14:00'))).toBe(90);
    expect(calendar.workingMinutesBetween(sh('2026-11-27T17:00'), sh('2026-11-30T09:00'))).toBe(60);
    expect(calendar.workingMinutesBetween(sh('2026-11-28T00:00'), sh('2026-11-29T23:59'))).toBe(0);
    expect(calendar.workingMinutesBetween(sh('2026-11-30T09:00'), sh('2026-11-27T17:00'))).toBe(-60);
  });

  it('is the inverse of addWorkingTime', () => {
    const starts = ['2026-11-23T07:10', '2026-11-24T11:59', '2026-11-27T17:29', '2026-11-28T12:00'].map(sh);
    for (const start of starts) {
      for (const minutes of [1, 29, 210, 450, 451, 2000]) {
        const due = calendar.addWorkingTime(start, minutes);
        expect(calendar.workingMinutesBetween(start, due)).toBe(minutes);
      }
    }
  });

  describe('a holiday week with make-up working days (National Day 2026, explicit test data)', () => {
    it('works on the make-up Sunday 9/27 but not on Saturday 9/26', () => {
      expect(NATIONAL_DAY_2026.isWorkingDay('2026-09-26')).toBe(false);
      expect(NATIONAL_DAY_2026.isWorkingDay('2026-09-27')).toBe(true);
      expect(NATIONAL_DAY_2026.isWorkingDay('2026-10-05')).toBe(false);
      expect(iso(NATIONAL_DAY_2026.addWorkingTime(sh('2026-09-26T20:00'), 60))).toBe(iso(sh('2026-09-27T09:30')));
    });

    it('jumps from the last day before the holiday to the make-up Saturday 10/10', () => {
      // Wed 9/30 16:30 + 2 h: one hour on 9/30, the next on Fri 10/9 (not a holiday day in this data)
      expect(iso(NATIONAL_DAY_2026.addWorkingTime(sh('2026-09-30T16:30'), 120))).toBe(iso(sh('2026-10-09T09:30')));
      // from Fri 10/9 evening the next working day is the make-up Saturday 10/10, not Monday 10/12
      expect(iso(NATIONAL_DAY_2026.addWorkingTime(sh('2026-10-09T18:00'), 60))).toBe(iso(sh('2026-10-10T09:30')));
    });

    it('counts no working time on the holidays and the make-up days in full', () => {
      expect(NATIONAL_DAY_2026.workingMinutesBetween(sh('2026-10-01T00:00'), sh('2026-10-09T00:00'))).toBe(0);
      // Sat 9/26 off, Sun 9/27 make-up, Mon 9/28 normal
      expect(NATIONAL_DAY_2026.workingMinutesBetween(sh('2026-09-26T00:00'), sh('2026-09-29T00:00'))).toBe(2 * 450);
      expect(NATIONAL_DAY_2026.workingMinutesBetween(sh('2026-10-09T00:00'), sh('2026-10-12T00:00'))).toBe(2 * 450);
    });

    it('stretches three working days from 9/30 across the whole holiday', () => {
      expect(iso(NATIONAL_DAY_2026.addWorkingTime(sh('2026-09-30T08:30'), 3 * 450))).toBe(iso(sh('2026-10-10T17:30')));
    });
  });

  it('refuses overlapping working periods', () => {
    expect(() => new WorkCalendar({ periods: [{ start: 600, end: 700 }, { start: 650, end: 800 }] })).toThrow();
  });
});
