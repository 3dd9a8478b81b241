/**
 * Fixed-window counting, as pure arithmetic. A window of `windowMs` starts at every multiple of `windowMs` since the
 * epoch (so every instance computes the same window for the same instant, with no coordination); a counter's row is
 * keyed by its key and the window's number.
 */
export interface RateLimit {
  /** hits allowed per window */
  limit: number;
  windowMs: number;
}

export interface Window {
  /** the window's number since the epoch */
  index: number;
  endsAt: Date;
}

export function windowAt(now: Date, windowMs: number): Window {
  const index = Math.floor(now.getTime() / windowMs);
  return { index, endsAt: new Date((index + 1) * windowMs) };
}

/** The row key of `key` in the window containing `now` (at most 120 characters: keys are cut to 100). */
export function bucketOf(key: string, now: Date, windowMs: number): string {
  return `${key.slice(0, 100)}|${windowAt(now, windowMs).index}`;
}

/** Whole seconds until `until` (at least 1), for Retry-After. */
export function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

/** 「请于 40 秒后重试」 / 「请于 12 分钟后重试」 / 「请于 2 小时后重试」: the wait in the largest unit that keeps it short. */
export function retryPhrase(seconds: number): string {
  if (seconds < 120) return `请于 ${seconds} 秒后重试`;
  if (seconds < 2 * 3600) return `请于 ${Math.ceil(seconds / 60)} 分钟后重试`;
  return `请于 ${Math.ceil(seconds / 3600)} 小时后重试`;
}
