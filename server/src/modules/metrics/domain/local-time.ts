/**
 * The roll-up buckets of an instant. Days are 'YYYY-MM-DD' strings in Asia/Shanghai (the day arithmetic is
 * shared/src/shanghai-time.ts): they sort and compare as text, and are what the roll-up buckets are keyed by.
 */
import { dayOfIndex, monthStartOf, shanghaiDayIndex, weekStartOf } from '@gezhi/shared';

const bucketCache = new Map<number, Record<Grain, string>>();

/** The buckets an instant falls in, one per grain (memoised per local day: the recomputation asks millions of times). */
export function bucketsOf(at: Date): Record<Grain, string> {
  const dayNumber = shanghaiDayIndex(at);
  let buckets = bucketCache.get(dayNumber);
  if (!buckets) {
    const day = dayOfIndex(dayNumber);
    buckets = { D: day, W: weekStartOf(day), M: monthStartOf(day) };
    if (bucketCache.size >= 20_000) bucketCache.clear();
    bucketCache.set(dayNumber, buckets);
  }
  return buckets;
}

/** Roll-up grains: day, week (starting Monday), month (starting on the 1st). A bucket is named by its first day. */
export type Grain = 'D' | 'W' | 'M';
export const GRAINS: readonly Grain[] = ['D', 'W', 'M'];
