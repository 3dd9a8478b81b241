import { addDays, isCalendarDay as isLocalDate, shanghaiDayOf as localDateOf, shanghaiDayStart as startOfLocalDay } from '@gezhi/shared';
import { agendaAsOf, meetingDaysProblem, reviewPeriodFor } from './review-period';

describe('review periods (问需会 on fixed days of the month)', () => {
  it('names the meeting on or after a date and the half-month before it, with the default 1st and 16th', () => {
    expect(reviewPeriodFor('2026-11-05', [1, 16])).toEqual({
      key: '2026-11-16',
      meetingDate: '2026-11-16',
      from: '2026-11-01',
      to: '2026-11-15',
      label: '2026年11月16日问需会（11月1日—11月15日）',
      previousKey: '2026-11-01',
      nextKey: '2026-12-01',
    });
  });

  it('treats a meeting day itself as that meeting', () => {
    const period = reviewPeriodFor('2026-11-16', [1, 16]);
    expect([period.key, period.from, period.to]).toEqual(['2026-11-16', '2026-11-01', '2026-11-15']);
  });

  it('runs across month and year ends, with months of any length', () => {
    const december = reviewPeriodFor('2026-12-20', [1, 16]);
    expect([december.key, december.from, december.to, december.nextKey]).toEqual(['2027-01-01', '2026-12-16', '2026-12-31', '2027-01-16']);
    const january = reviewPeriodFor('2027-01-01', [1, 16]);
    expect([january.previousKey, january.from, january.to]).toEqual(['2026-12-16', '2026-12-16', '2026-12-31']);
    const february = reviewPeriodFor('2028-02-17', [1, 16]);
    expect([february.key, february.from, february.to]).toEqual(['2028-03-01', '2028-02-16', '2028-02-29']);
  });

  it('follows a community’s own cadence, in any order given', () => {
    const period = reviewPeriodFor('2026-11-03', [20, 5]);
    expect([period.key, period.from, period.to, period.previousKey, period.nextKey]).toEqual([
      '2026-11-05',
      '2026-10-20',
      '2026-11-04',
      '2026-10-20',
      '2026-11-20',
    ]);
    const monthly = reviewPeriodFor('2026-11-02', [1]);
    expect([monthly.key, monthly.from, monthly.to]).toEqual(['2026-12-01', '2026-11-01', '2026-11-30']);
  });

  it('refuses meeting days that are missing, repeated, too many or outside 1–28', () => {
    expect(meetingDaysProblem([1, 16])).toBeNull();
    expect(meetingDaysProblem([])).toBe('REQUIRED');
    expect(meetingDaysProblem([1, 1])).toBe('DUPLICATE');
    expect(meetingDaysProblem([0])).toBe('OUT_OF_RANGE');
    expect(meetingDaysProblem([29])).toBe('OUT_OF_RANGE');
    expect(meetingDaysProblem([1.5])).toBe('OUT_OF_RANGE');
    expect(meetingDaysProblem([1, 2, 3, 4, 5, 6, 7])).toBe('TOO_MANY');
    expect(() => reviewPeriodFor('2026-11-01', [31])).toThrow();
  });

  it('describes the end of the meeting day, or now while that is ahead (live on the meeting day)', () => {
    const period = reviewPeriodFor('2026-11-05', [1, 16]);
    const meetingDayEnd = new Date('2026-11-16T16:00:00Z');
    expect(agendaAsOf(period, new Date('2026-11-10T02:00:00Z'))).toEqual(new Date('2026-11-10T02:00:00Z'));
    expect(agendaAsOf(period, new Date('2026-11-16T09:00:00+08:00'))).toEqual(new Date('2026-11-16T09:00:00+08:00'));
    expect(agendaAsOf(period, new Date('2026-12-01T00:00:00Z'))).toEqual(meetingDayEnd);
  });

  it('works in Asia/Shanghai local dates whatever the machine’s zone', () => {
    expect(localDateOf(new Date('2026-11-15T16:00:00Z'))).toBe('2026-11-16');
    expect(localDateOf(new Date('2026-11-15T15:59:59Z'))).toBe('2026-11-15');
    expect(startOfLocalDay('2026-11-16').toISOString()).toBe('2026-11-15T16:00:00.000Z');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('2026-2-3')).toBe(false);
  });
});
