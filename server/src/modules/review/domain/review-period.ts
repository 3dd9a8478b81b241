import { addDays, REVIEW_LIMITS, ReviewPeriod, shanghaiDayStart } from '@gezhi/shared';

/**
 * 问需会 periods. A community meets on fixed days of the month (default the 1st and the 16th); the meeting on
 * day D reviews the half-month before it: from the previous meeting day up to the day before D. A period is
 * named by its meeting date. Dates are local (Asia/Shanghai, UTC+8 all year; the day arithmetic is
 * shared/src/shanghai-time.ts). Pure: no Nest, no database.
 */

/** Meeting days must be distinct whole days 1–28 (every month has them), at most a few per month. */
export function meetingDaysProblem(days: readonly number[]): 'REQUIRED' | 'OUT_OF_RANGE' | 'DUPLICATE' | 'TOO_MANY' | null {
  if (days.length === 0) return 'REQUIRED';
  if (days.length > REVIEW_LIMITS.meetingDaysMax) return 'TOO_MANY';
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > REVIEW_LIMITS.meetingDayMax)) return 'OUT_OF_RANGE';
  if (new Set(days).size !== days.length) return 'DUPLICATE';
  return null;
}

/** The first meeting on or after `date`. */
export function meetingOnOrAfter(date: string, meetingDays: readonly number[]): string {
  const days = sorted(meetingDays);
  const [y, m, d] = date.split('-').map(Number);
  const sameMonth = days.find((day) => day >= d);
  if (sameMonth !== undefined) return ymd(y, m, sameMonth);
  return m === 12 ? ymd(y + 1, 1, days[0]) : ymd(y, m + 1, days[0]);
}

/** The last meeting strictly before `date`. */
export function meetingBefore(date: string, meetingDays: readonly number[]): string {
  const days = sorted(meetingDays);
  const [y, m, d] = date.split('-').map(Number);
  const sameMonth = [...days].reverse().find((day) => day < d);
  if (sameMonth !== undefined) return ymd(y, m, sameMonth);
  return m === 1 ? ymd(y - 1, 12, days[days.length - 1]) : ymd(y, m - 1, days[days.length - 1]);
}

/** The period of the meeting on or after `date`: [previous meeting, meeting − 1 day]. */
export function reviewPeriodFor(date: string, meetingDays: readonly number[]): ReviewPeriod {
  const meetingDate = meetingOnOrAfter(date, meetingDays);
  const previousKey = meetingBefore(meetingDate, meetingDays);
  const nextKey = meetingOnOrAfter(addDays(meetingDate, 1), meetingDays);
  const to = addDays(meetingDate, -1);
  return {
    key: meetingDate,
    meetingDate,
    from: previousKey,
    to,
    label: `${chineseDate(meetingDate, true)}问需会（${chineseDate(previousKey, false)}—${chineseDate(to, false)}）`,
    previousKey,
    nextKey,
  };
}

/**
 * The moment the agenda describes: the end of the meeting day (the meeting sees everything up to it), or `now`
 * while that is still ahead — so on the meeting day itself the agenda is live.
 */
export function agendaAsOf(period: ReviewPeriod, now: Date): Date {
  const meetingDayEnd = shanghaiDayStart(addDays(period.meetingDate, 1));
  return meetingDayEnd.getTime() < now.getTime() ? meetingDayEnd : now;
}

function sorted(days: readonly number[]): number[] {
  if (meetingDaysProblem(days)) throw new Error(`invalid meeting days: ${days.join(',')}`);
  return [...days].sort((a, b) => a - b);
}

function ymd(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function chineseDate(date: string, withYear: boolean): string {
  const [y, m, d] = date.split('-').map(Number);
  return withYear ? `${y}年${m}月${d}日` : `${m}月${d}日`;
}
