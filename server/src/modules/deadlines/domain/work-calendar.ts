/**
 * The working calendar (工作日历) of a street office, in Asia/Shanghai (UTC+8 all year: no DST), computed
 * without the machine's time zone. Working hours default to 08:30–12:00 and 13:30–17:30, Monday to Friday;
 * per-year exceptions are public holidays (法定节假日, no work even on a weekday) and make-up working days
 * (调休上班, work even on a Saturday or Sunday). Pure: no Nest, no database.
 */

import { dayOfIndex, isoWeekdayOf, SHANGHAI_OFFSET_MINUTES } from '@gezhi/shared';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;
const DAY_MS = DAY_MINUTES * MINUTE_MS;
/** A deadline further than this many calendar days away is a configuration error, not a date. */
const MAX_SCAN_DAYS = 3 * 366;

/** Minutes after local midnight: [start, end). */
export interface WorkingPeriod {
  start: number;
  end: number;
}

export type CalendarException = 'HOLIDAY' | 'WORKDAY';

export interface WorkCalendarOptions {
  /** ordered, non-overlapping periods of a working day (minutes after local midnight) */
  periods?: readonly WorkingPeriod[];
  /** ISO weekdays that are working days unless a holiday (1 = Monday … 7 = Sunday) */
  workingWeekdays?: readonly number[];
  /** 'YYYY-MM-DD' → HOLIDAY | WORKDAY, overriding the weekday rule */
  exceptions?: ReadonlyMap<string, CalendarException> | Record<string, CalendarException>;
  offsetMinutes?: number;
}

export const DEFAULT_WORKING_PERIODS: readonly WorkingPeriod[] = [
  { start: 8 * 60 + 30, end: 12 * 60 },
  { start: 13 * 60 + 30, end: 17 * 60 + 30 },
];

/** "08:30" → 510 */
export function clockMinutes(hhmm: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new Error(`not a clock time: ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export class WorkCalendar {
  readonly periods: readonly WorkingPeriod[];
  private readonly weekdays: ReadonlySet<number>;
  private readonly exceptions: ReadonlyMap<string, CalendarException>;
  private readonly offsetMs: number;

  constructor(options: WorkCalendarOptions = {}) {
    this.periods = options.periods ?? DEFAULT_WORKING_PERIODS;
    for (let i = 0; i < this.periods.length; i++) {
      const p = this.periods[i];
      if (!(p.start >= 0 && p.end <= DAY_MINUTES && p.start < p.end) || (i > 0 && p.start < this.periods[i - 1].end)) {
        throw new Error('working periods must be ordered, non-overlapping and within one day');
      }
    }
    this.weekdays = new Set(options.workingWeekdays ?? [1, 2, 3, 4, 5]);
    const exceptions = options.exceptions ?? new Map<string, CalendarException>();
    this.exceptions = exceptions instanceof Map ? exceptions : new Map(Object.entries(exceptions));
    this.offsetMs = (options.offsetMinutes ?? SHANGHAI_OFFSET_MINUTES) * MINUTE_MS;
  }

  /** Whether the local date (YYYY-MM-DD) is a working day. */
  isWorkingDay(date: string): boolean {
    const exception = this.exceptions.get(date);
    if (exception) return exception === 'WORKDAY';
    return this.weekdays.has(isoWeekdayOf(date));
  }

  /** Whether the local date (YYYY-MM-DD) is a public holiday (HOLIDAY exception), whatever its weekday. */
  isHoliday(date: string): boolean {
    return this.exceptions.get(date) === 'HOLIDAY';
  }

  /** The local date of an instant, YYYY-MM-DD. */
  localDate(at: Date): string {
    return dayOfIndex(Math.floor((at.getTime() + this.offsetMs) / DAY_MS));
  }

  /**
   * The instant `minutes` working minutes after `start`. A start outside working hours counts from the next
   * working moment; a span that ends exactly at a period's end ends there (12:00, not 13:30).
   */
  addWorkingTime(start: Date, minutes: number): Date {
    if (!Number.isFinite(minutes) || minutes < 0) throw new Error(`minutes must be ≥ 0 (got ${minutes})`);
    if (minutes === 0) return new Date(start.getTime());
    let remainingMs = minutes * MINUTE_MS;
    const localStart = start.getTime() + this.offsetMs;
    let dayStart = Math.floor(localStart / DAY_MS) * DAY_MS;
    let cursor = localStart;
    for (let day = 0; day < MAX_SCAN_DAYS; day++, dayStart += DAY_MS, cursor = dayStart) {
      if (!this.isWorkingDay(dayOfIndex(dayStart / DAY_MS))) continue;
      for (const period of this.periods) {
        const periodEnd = dayStart + period.end * MINUTE_MS;
        if (cursor >= periodEnd) continue;
        const from = Math.max(cursor, dayStart + period.start * MINUTE_MS);
        const available = periodEnd - from;
        if (remainingMs <= available) return new Date(from + remainingMs - this.offsetMs);
        remainingMs -= available;
      }
    }
    throw new Error(`no working time within ${MAX_SCAN_DAYS} days of ${start.toISOString()}`);
  }

  /** Working minutes between two instants (negative when b is before a). */
  workingMinutesBetween(a: Date, b: Date): number {
    if (b.getTime() < a.getTime()) return -this.workingMinutesBetween(b, a);
    const from = a.getTime() + this.offsetMs;
    const to = b.getTime() + this.offsetMs;
    let totalMs = 0;
    for (let dayStart = Math.floor(from / DAY_MS) * DAY_MS; dayStart < to; dayStart += DAY_MS) {
      if (!this.isWorkingDay(dayOfIndex(dayStart / DAY_MS))) continue;
      for (const period of this.periods) {
        const start = Math.max(from, dayStart + period.start * MINUTE_MS);
        const end = Math.min(to, dayStart + period.end * MINUTE_MS);
        if (end > start) totalMs += end - start;
      }
    }
    return totalMs / MINUTE_MS;
  }
}

/**
 * The clock a deadline runs on: working time for normal items, wall-clock time for 紧急 ones.
 */
export function addDeadlineTime(calendar: WorkCalendar, start: Date, minutes: number, wallClock: boolean): Date {
  return wallClock ? new Date(start.getTime() + minutes * MINUTE_MS) : calendar.addWorkingTime(start, minutes);
}
