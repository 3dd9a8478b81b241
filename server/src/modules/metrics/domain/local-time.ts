/**
 * Local dates in Asia/Shanghai (UTC+8, no daylight saving), computed without the machine's time zone. Days are
 * 'YYYY-MM-DD' strings: they sort and compare as text, and are what the roll-up buckets are keyed by.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

/** The local date of an instant. */
export function localDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a local day starts (00:00 in Asia/Shanghai). */
export function dayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The Monday of the day's week. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The first day of the day's month ('YYYY-MM-01'). */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The last day of the day's month. */
export function monthEnd(day: string): string {
  const [year, month] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** A real calendar date written as YYYY-MM-DD. */
export function isDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A real month written as YYYY-MM. */
export function isMonth(value: string): boolean {
  const match = MONTH_PATTERN.exec(value);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

const bucketCache = new Map<number, Record<Grain, string>>();

/** The buckets an instant falls in, one per grain (memoised per local day: the recomputation asks millions of times). */
export function bucketsOf(at: Date): Record<Grain, string> {
  const dayNumber = Math.floor((at.getTime() + OFFSET_MS) / DAY_MS);
  let buckets = bucketCache.get(dayNumber);
  if (!buckets) {
    const day = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
    buckets = { D: day, W: weekStart(day), M: monthStart(day) };
    if (bucketCache.size >= 20_000) bucketCache.clear();
    bucketCache.set(dayNumber, buckets);
  }
  return buckets;
}

/** Roll-up grains: day, week (starting Monday), month (starting on the 1st). A bucket is named by its first day. */
export type Grain = 'D' | 'W' | 'M';
export const GRAINS: readonly Grain[] = ['D', 'W', 'M'];
