import { REVIEW_LIMITS, ReviewPeriod } from '@gezhi/shared';

/**
 * 问需会 periods. A community meets on fixed days of the month (default the 1st and the 16th); the meeting on
 * day D reviews the half-month before it: from the previous meeting day up to the day before D. A period is
 * named by its meeting date. Dates are local (Asia/Shanghai, UTC+8 all year). Pure: no Nest, no database.
 */

const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;
const LOCAL_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The local date (YYYY-MM-DD) of an instant. */
export function localDateOf(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant local midnight of a date begins. */
export function startOfLocalDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) - OFFSET_MS);
}

/** Whether text is a real calendar date YYYY-MM-DD (2026-02-30 is not). */
export function isLocalDate(text: string): boolean {
  const match = LOCAL_DATE.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

export function addDays(date: string, days: number): string {
  return new Date(startOfLocalDay(date).getTime() + days * DAY_MS + OFFSET_MS).toISOString().slice(0, 10);
}

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
  const meetingDayEnd = startOfLocalDay(addDays(period.meetingDate, 1));
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
