/**
 * Days and times in Asia/Shanghai (UTC+8 all year: no daylight saving since 1992), computed without the server's or
 * the device's time zone. The one place the server, the mini-program and the tests do this arithmetic.
 * A day is 'YYYY-MM-DD' and a month 'YYYY-MM' (they sort and compare as text); weekdays are ISO, 1 = Monday … 7 = Sunday.
 * Calendar arithmetic on day strings is zone-free; only the step between an instant and a day uses the offset. Pure.
 */

export const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const MINUTE_MS = 60_000;
export const SHANGHAI_OFFSET_MS = SHANGHAI_OFFSET_MINUTES * MINUTE_MS;
const DAY_MS = 24 * 60 * MINUTE_MS;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;
const DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})[ T]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** An instant: a Date, an ISO string or epoch milliseconds. */
type Instant = Date | string | number;

const msOf = (at: Instant): number => (at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at));
const utcDay = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const pad = (n: number) => String(n).padStart(2, '0');

// ---- instant → Shanghai ----

/** The Shanghai wall clock of an instant, as a Date whose UTC fields are the local ones (getUTCHours() …). */
export function shanghaiWallClock(at: Instant): Date {
  return new Date(msOf(at) + SHANGHAI_OFFSET_MS);
}

/** The day (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function shanghaiDayOf(at: Instant): string {
  return shanghaiWallClock(at).toISOString().slice(0, 10);
}

/** The month (YYYY-MM) of an instant in Asia/Shanghai. */
export function shanghaiMonthOf(at: Instant): string {
  return shanghaiDayOf(at).slice(0, 7);
}

/** "08:30": the Shanghai time of day of an instant. */
export function shanghaiTimeOf(at: Instant): string {
  const local = shanghaiWallClock(at);
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** "2026-11-20 17:05": the Shanghai date and time of an instant. */
export function shanghaiDateTimeOf(at: Instant): string {
  return shanghaiWallClock(at).toISOString().slice(0, 16).replace('T', ' ');
}

/** Whole Shanghai days since 1970-01-01 (cheap: no allocation; a memo key for per-day work). */
export function shanghaiDayIndex(at: Date): number {
  return Math.floor((at.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The day of a shanghaiDayIndex. */
export function dayOfIndex(index: number): string {
  return new Date(index * DAY_MS).toISOString().slice(0, 10);
}

// ---- Shanghai → instant ----

/** The instant a Shanghai day starts (00:00 local). */
export function shanghaiDayStart(day: string): Date {
  return new Date(utcDay(day) - SHANGHAI_OFFSET_MS);
}

/** The instant `minutes` after local midnight of a Shanghai day (510 = 08:30). */
export function shanghaiDayAt(day: string, minutes: number): Date {
  return new Date(utcDay(day) + minutes * MINUTE_MS - SHANGHAI_OFFSET_MS);
}

/**
 * 'YYYY-MM-DD HH:mm' (or 'YYYY-MM-DDTHH:mm', seconds optional) read as Beijing time → the instant; null when it is
 * malformed or not a real date and time (2026-02-30, 24:00).
 */
export function parseBeijing(text: string): Date | null {
  const match = DATE_TIME_PATTERN.exec(text);
  if (!match || !isCalendarDay(match[1])) return null;
  const seconds = (Number(match[2]) * 60 + Number(match[3])) * 60 + Number(match[4] ?? 0);
  return new Date(shanghaiDayStart(match[1]).getTime() + seconds * 1000);
}

// ---- calendar arithmetic on days and months ----

/** A day plus `days` (negative goes back). */
export function addDays(day: string, days: number): string {
  return new Date(utcDay(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcDay(b) - utcDay(a)) / DAY_MS);
}

/** The ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(day: string): number {
  return new Date(utcDay(day)).getUTCDay() || 7;
}

/** The Monday of the day's week. */
export function weekStartOf(day: string): string {
  return addDays(day, 1 - isoWeekdayOf(day));
}

/** The first day of the day's month ('YYYY-MM-01'). */
export function monthStartOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The last day of a month, given the month (YYYY-MM) or any day in it. */
export function monthEndOf(dayOrMonth: string): string {
  const [year, month] = dayOrMonth.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** A month (YYYY-MM) plus `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** Whether text is a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDay(text: string): boolean {
  if (!DAY_PATTERN.test(text)) return false;
  const ms = utcDay(text);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/** Whether text is a real month written YYYY-MM. */
export function isCalendarMonth(text: string): boolean {
  const match = MONTH_PATTERN.exec(text);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}
