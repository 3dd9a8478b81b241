import { RecurrenceKind, shanghaiDayAt as localInstant, shanghaiDayOf as localDateOf } from '@gezhi/shared';
import { WorkCalendar } from '../../deadlines/domain/work-calendar';
import { expandRecurrence, RecurrenceRule, ruleProblem, timeOfDay } from './recurrence';

const noHolidays = new WorkCalendar();
/** 2026: 国庆 1–7 October, 劳动节 1–5 May (holidays), 28 September a make-up working Sunday */
const calendar2026 = new WorkCalendar({
  exceptions: {
    '2026-05-01': 'HOLIDAY', '2026-05-02': 'HOLIDAY', '2026-05-03': 'HOLIDAY', '2026-05-04': 'HOLIDAY', '2026-05-05': 'HOLIDAY',
    '2026-09-28': 'WORKDAY',
    '2026-10-01': 'HOLIDAY', '2026-10-02': 'HOLIDAY', '2026-10-03': 'HOLIDAY', '2026-10-04': 'HOLIDAY',
    '2026-10-05': 'HOLIDAY', '2026-10-06': 'HOLIDAY', '2026-10-07': 'HOLIDAY',
  },
});

const sanjiu: RecurrenceRule = {
  kind: RecurrenceKind.Monthly,
  monthDays: [9, 19, 29],
  weekdays: [],
  startTime: '08:30',
  endTime: '11:30',
  skipHolidays: false,
  validFrom: '2000-01-01',
  validUntil: null,
};

const evenings: RecurrenceRule = {
  kind: RecurrenceKind.Weekly,
  monthDays: [],
  weekdays: [1, 2, 3, 4, 5],
  startTime: '18:30',
  endTime: '20:30',
  skipHolidays: false,
  validFrom: '2000-01-01',
  validUntil: null,
};

/** [from, to) spanning the local dates first..last inclusive */
const span = (first: string, last: string): [Date, Date] => [localInstant(first, 0), localInstant(last, 24 * 60)];
const dates = (rule: RecurrenceRule, first: string, last: string, calendar = noHolidays) =>
  expandRecurrence(rule, ...span(first, last), calendar).map((o) => o.date);

describe('expandRecurrence: monthly days ("三九"便民服务日)', () => {
  it('yields the 9th, 19th and 29th of each month with local start and end times', () => {
    const occurrences = expandRecurrence(sanjiu, ...span('2026-03-01', '2026-04-30'), noHolidays);
    expect(occurrences.map((o) => o.date)).toEqual(['2026-03-09', '2026-03-19', '2026-03-29', '2026-04-09', '2026-04-19', '2026-04-29']);
    expect(occurrences[0].startsAt.toISOString()).toBe('2026-03-09T00:30:00.000Z'); // 08:30 in Shanghai
    expect(occurrences[0].endsAt.toISOString()).toBe('2026-03-09T03:30:00.000Z');
  });

  it('skips the 29th in a 28-day February and keeps it in a leap year', () => {
    expect(dates(sanjiu, '2026-02-01', '2026-02-28')).toEqual(['2026-02-09', '2026-02-19']);
    expect(dates(sanjiu, '2028-02-01', '2028-02-29')).toEqual(['2028-02-09', '2028-02-19', '2028-02-29']);
    expect(dates(sanjiu, '2100-02-01', '2100-02-28')).toEqual(['2100-02-09', '2100-02-19']); // 2100 is not a leap year
    expect(dates(sanjiu, '2000-02-01', '2000-02-29')).toEqual(['2000-02-09', '2000-02-19', '2000-02-29']); // 2000 is
  });

  it('skips the 31st in 30-day months and never moves a missing day to the month end', () => {
    const monthEnd = { ...sanjiu, monthDays: [30, 31] };
    expect(dates(monthEnd, '2026-01-01', '2026-04-30')).toEqual(['2026-01-30', '2026-01-31', '2026-03-30', '2026-03-31', '2026-04-30']);
  });

  it('crosses a year end', () => {
    expect(dates(sanjiu, '2026-12-20', '2027-01-10')).toEqual(['2026-12-29', '2027-01-09']);
  });

  it('excludes public holidays only when asked', () => {
    const may = { ...sanjiu, monthDays: [1, 9] };
    expect(dates(may, '2026-05-01', '2026-05-31', calendar2026)).toEqual(['2026-05-01', '2026-05-09']);
    expect(dates({ ...may, skipHolidays: true }, '2026-05-01', '2026-05-31', calendar2026)).toEqual(['2026-05-09']);
  });
});

describe('expandRecurrence: weekly (错时 evenings and weekends)', () => {
  it('yields weekday evenings in order', () => {
    const occurrences = expandRecurrence(evenings, ...span('2026-03-02', '2026-03-08'), noHolidays); // Monday..Sunday
    expect(occurrences.map((o) => o.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']);
    expect(occurrences[0].startsAt.toISOString()).toBe('2026-03-02T10:30:00.000Z');
    expect(occurrences[0].endsAt.toISOString()).toBe('2026-03-02T12:30:00.000Z');
  });

  it('yields weekends (ISO 6 and 7)', () => {
    expect(dates({ ...evenings, weekdays: [6, 7], startTime: '09:00', endTime: '12:00' }, '2026-03-01', '2026-03-15')).toEqual([
      '2026-03-01', '2026-03-07', '2026-03-08', '2026-03-14', '2026-03-15',
    ]);
  });

  it('skips the National Day week, but a weekend is no holiday and a make-up working day is not skipped', () => {
    const weekends = { ...evenings, weekdays: [6, 7], skipHolidays: true };
    expect(dates(weekends, '2026-09-26', '2026-10-11', calendar2026)).toEqual(['2026-09-26', '2026-09-27', '2026-10-10', '2026-10-11']);
    expect(dates({ ...evenings, weekdays: [7], skipHolidays: true }, '2026-09-27', '2026-09-28', calendar2026)).toEqual(['2026-09-27']);
    expect(dates({ ...evenings, skipHolidays: true }, '2026-09-28', '2026-10-09', calendar2026)).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09']);
  });
});

describe('expandRecurrence: bounds', () => {
  it('is half-open on instants: an occurrence starting exactly at `to` is left out, one at `from` kept', () => {
    const at = localInstant('2026-03-09', 8 * 60 + 30);
    expect(expandRecurrence(sanjiu, at, new Date(at.getTime() + 1), noHolidays).map((o) => o.date)).toEqual(['2026-03-09']);
    expect(expandRecurrence(sanjiu, new Date(at.getTime() - 1000), at, noHolidays)).toEqual([]);
    expect(expandRecurrence(sanjiu, new Date(at.getTime() + 1), localInstant('2026-03-10', 0), noHolidays)).toEqual([]);
  });

  it('respects validFrom and validUntil (inclusive local dates)', () => {
    const bounded = { ...sanjiu, validFrom: '2026-03-10', validUntil: '2026-04-09' };
    expect(dates(bounded, '2026-03-01', '2026-05-31')).toEqual(['2026-03-19', '2026-03-29', '2026-04-09']);
  });

  it('uses Shanghai dates, not UTC ones: a 00:30 local slot is on the previous UTC day', () => {
    const early = { ...sanjiu, monthDays: [9], startTime: '00:30', endTime: '01:00' };
    const [occurrence] = expandRecurrence(early, ...span('2026-03-01', '2026-03-31'), noHolidays);
    expect(occurrence.startsAt.toISOString()).toBe('2026-03-08T16:30:00.000Z');
    expect(localDateOf(occurrence.startsAt)).toBe('2026-03-09');
  });

  it('returns nothing for an empty or inverted range', () => {
    const [from] = span('2026-03-01', '2026-03-31');
    expect(expandRecurrence(sanjiu, from, from, noHolidays)).toEqual([]);
    expect(expandRecurrence(sanjiu, from, new Date(from.getTime() - 1), noHolidays)).toEqual([]);
  });
});

describe('rule checks', () => {
  it('parses times of day strictly', () => {
    expect(timeOfDay('18:30')).toBe(1110);
    expect(() => timeOfDay('24:00')).toThrow();
    expect(() => timeOfDay('8:30')).toThrow();
  });

  it('names the offending field', () => {
    expect(ruleProblem(sanjiu)).toBeNull();
    expect(ruleProblem({ ...sanjiu, monthDays: [] })).toBe('monthDays');
    expect(ruleProblem({ ...sanjiu, monthDays: [32] })).toBe('monthDays');
    expect(ruleProblem({ ...evenings, weekdays: [0] })).toBe('weekdays');
    expect(ruleProblem({ ...evenings, endTime: '18:30' })).toBe('endTime');
    expect(ruleProblem({ ...sanjiu, validFrom: '2026-03-02', validUntil: '2026-03-01' })).toBe('validUntil');
  });
});
