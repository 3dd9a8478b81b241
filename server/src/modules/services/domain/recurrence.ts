/**
 * Expansion of a recurring slot rule (每月 9/19/29 日, 每周一至五晚 …) into concrete slots, in Asia/Shanghai local
 * time (UTC+8, no DST; the day arithmetic is shared/src/shanghai-time.ts). Pure: no Nest, no database.
 */
import { addDays, isoWeekdayOf, RecurrenceKind, shanghaiDayAt, shanghaiDayOf, shanghaiDayStart } from '@gezhi/shared';

export interface RecurrenceRule {
  kind: RecurrenceKind;
  /** MONTHLY: 1–31; a day a month lacks (the 29th of a 28-day February, the 31st of April) is skipped */
  monthDays: readonly number[];
  /** WEEKLY: ISO weekdays, 1 = Monday … 7 = Sunday */
  weekdays: readonly number[];
  /** local "HH:MM"; endTime after startTime on the same day */
  startTime: string;
  endTime: string;
  skipHolidays: boolean;
  /** first and last local dates (YYYY-MM-DD) the rule applies to; validUntil null = open-ended */
  validFrom: string;
  validUntil: string | null;
}

/** What a rule needs of the working calendar: public holidays (WorkCalendar.isHoliday). */
export interface HolidayCalendar {
  isHoliday(date: string): boolean;
}

export interface Occurrence {
  /** local date YYYY-MM-DD */
  date: string;
  startsAt: Date;
  endsAt: Date;
}

/** "18:30" → 1110; anything else (or beyond 23:59) throws. */
export function timeOfDay(hhmm: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new Error(`not a time of day: ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Whether a rule's own fields fit together; returns the offending field or null. */
export function ruleProblem(rule: RecurrenceRule): keyof RecurrenceRule | null {
  if (rule.kind === RecurrenceKind.Monthly && (rule.monthDays.length === 0 || rule.monthDays.some((d) => !Number.isInteger(d) || d < 1 || d > 31))) return 'monthDays';
  if (rule.kind === RecurrenceKind.Weekly && (rule.weekdays.length === 0 || rule.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7))) return 'weekdays';
  if (timeOfDay(rule.endTime) <= timeOfDay(rule.startTime)) return 'endTime';
  if (rule.validUntil !== null && rule.validUntil < rule.validFrom) return 'validUntil';
  return null;
}

/**
 * The occurrences of `rule` that start in [from, to), in time order. A monthly day a month lacks is skipped
 * (never moved to the month's last day); with `skipHolidays`, public holidays of `calendar` are skipped (a
 * weekend is not a holiday: 错时 services run on weekends).
 */
export function expandRecurrence(rule: RecurrenceRule, from: Date, to: Date, calendar: HolidayCalendar): Occurrence[] {
  const start = timeOfDay(rule.startTime);
  const end = timeOfDay(rule.endTime);
  if (end <= start) throw new Error('endTime must be after startTime');
  const monthDays = new Set(rule.monthDays);
  const weekdays = new Set(rule.weekdays);
  const occurrences: Occurrence[] = [];
  for (let date = shanghaiDayOf(from); shanghaiDayStart(date).getTime() < to.getTime(); date = addDays(date, 1)) {
    if (date < rule.validFrom || (rule.validUntil !== null && date > rule.validUntil)) continue;
    const matches =
      rule.kind === RecurrenceKind.Monthly ? monthDays.has(Number(date.slice(8, 10))) : weekdays.has(isoWeekdayOf(date));
    if (!matches) continue;
    if (rule.skipHolidays && calendar.isHoliday(date)) continue;
    const startsAt = shanghaiDayAt(date, start);
    if (startsAt.getTime() < from.getTime() || startsAt.getTime() >= to.getTime()) continue;
    occurrences.push({ date, startsAt, endsAt: shanghaiDayAt(date, end) });
  }
  return occurrences;
}
