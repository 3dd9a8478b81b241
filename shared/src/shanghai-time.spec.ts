import {
  addDays,
  dayOfIndex,
  daysBetween,
  isCalendarDay,
  isCalendarMonth,
  isoWeekdayOf,
  monthEndOf,
  monthStartOf,
  parseBeijing,
  shanghaiDayAt,
  shanghaiDateTimeOf,
  shanghaiDayIndex,
  shanghaiDayOf,
  shanghaiDayStart,
  shanghaiMonthOf,
  shanghaiTimeOf,
  shanghaiWallClock,
  shiftMonth,
  weekStartOf,
} from './shanghai-time';

describe('Asia/Shanghai days and times', () => {
  it('reads the day, month and time of an instant in Shanghai, not UTC nor the machine zone', () => {
    expect(shanghaiDayOf('2026-12-09T16:00:00.000Z')).toBe('2026-12-10');
    expect(shanghaiDayOf('2026-12-09T15:59:59.999Z')).toBe('2026-12-09');
    expect(shanghaiDayOf(new Date('2026-12-09T16:00:00.000Z'))).toBe('2026-12-10');
    expect(shanghaiDayOf(Date.parse('2026-12-09T16:00:00.000Z'))).toBe('2026-12-10');
    expect(shanghaiMonthOf('2026-11-30T16:30:00.000Z')).toBe('2026-12');
    expect(shanghaiTimeOf('2026-12-08T23:00:00.000Z')).toBe('07:00');
    expect(shanghaiDateTimeOf(new Date('2026-11-20T09:05:00.000Z'))).toBe('2026-11-20 17:05');
    expect(shanghaiWallClock('2026-12-08T23:00:00.000Z').getUTCHours()).toBe(7);
  });

  it('turns a day (and a time on it) into the instant', () => {
    expect(shanghaiDayStart('2026-12-10').toISOString()).toBe('2026-12-09T16:00:00.000Z');
    expect(shanghaiDayAt('2026-12-09', 8 * 60 + 30).toISOString()).toBe('2026-12-09T00:30:00.000Z');
    expect(shanghaiDayAt('2026-12-09', 7 * 60).toISOString()).toBe('2026-12-08T23:00:00.000Z');
  });

  it('parses Beijing wall-clock text, and refuses what is not a real date and time', () => {
    expect(parseBeijing('2026-12-07 10:00')?.toISOString()).toBe('2026-12-07T02:00:00.000Z');
    expect(parseBeijing('2026-12-07T00:30')?.toISOString()).toBe('2026-12-06T16:30:00.000Z');
    expect(parseBeijing('2026-12-07 10:00:15')?.toISOString()).toBe('2026-12-07T02:00:15.000Z');
    for (const bad of ['2026-02-30 08:30', '2026-12-09 24:00', '2026-12-09', '', '2026-12-09 8:30', '2026-13-01 08:00']) {
      expect(parseBeijing(bad)).toBeNull();
    }
  });

  it('counts days and weekdays on the calendar, across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-12-25', '2027-01-08')).toBe(14);
    expect(daysBetween('2027-01-08', '2026-12-25')).toBe(-14);
    expect(isoWeekdayOf('2026-12-07')).toBe(1); // Monday
    expect(isoWeekdayOf('2026-12-13')).toBe(7); // Sunday
    expect(weekStartOf('2026-12-13')).toBe('2026-12-07');
    expect(weekStartOf('2026-12-07')).toBe('2026-12-07');
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28');
  });

  it('knows months: first and last day, shifting, validity', () => {
    expect(monthStartOf('2026-11-17')).toBe('2026-11-01');
    expect(monthEndOf('2026-02')).toBe('2026-02-28');
    expect(monthEndOf('2028-02-10')).toBe('2028-02-29');
    expect(monthEndOf('2026-12')).toBe('2026-12-31');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(isCalendarMonth('2026-12')).toBe(true);
    expect(isCalendarMonth('2026-13')).toBe(false);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-1-01')).toBe(false);
  });

  it('indexes Shanghai days for memo keys', () => {
    const at = new Date('2026-12-09T16:00:00.000Z');
    expect(dayOfIndex(shanghaiDayIndex(at))).toBe('2026-12-10');
    expect(shanghaiDayIndex(new Date('2026-12-09T15:59:59.999Z'))).toBe(shanghaiDayIndex(at) - 1);
  });
});
