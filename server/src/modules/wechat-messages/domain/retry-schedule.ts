/**
 * How long to wait after the n-th failed try before the next one; after MAX_SEND_ATTEMPTS tries the message
 * is DEAD. 30 s, 2 min, 10 min, 1 h, 1 h: six tries over about 2 h 13 min — a notice later than that is stale.
 */
export const RETRY_DELAYS_MS: readonly number[] = [30_000, 120_000, 600_000, 3_600_000, 3_600_000];

export const MAX_SEND_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** When to try again after `attempts` failed tries, or null when the message is out of tries (DEAD). */
export function nextAttemptAfterFailure(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_SEND_ATTEMPTS) return null;
  return new Date(now.getTime() + RETRY_DELAYS_MS[Math.max(0, attempts - 1)]);
}

/**
 * What a subscribe/send errcode means for the message:
 *  - 0 → SENT
 *  - 43101 (the user has no opt-in left / refused) and errors no retry can fix (bad openid, template, data,
 *    page) → FAILED for good
 *  - 40001 / 42001 / 40014 (access token invalid or expired) → refresh the token and try once more at once
 *  - anything else (busy, rate limits, 5xx, timeouts) → retry later
 */
export type SendOutcome = 'SENT' | 'FAILED' | 'REFRESH_TOKEN' | 'RETRY';

export const USER_REFUSED = 43101;
const PERMANENT = new Set([USER_REFUSED, 40003, 40037, 41028, 41029, 41030, 47003]);
const TOKEN_INVALID = new Set([40001, 40014, 42001]);

export function classifySendResult(errcode: number): SendOutcome {
  if (errcode === 0) return 'SENT';
  if (TOKEN_INVALID.has(errcode)) return 'REFRESH_TOKEN';
  if (PERMANENT.has(errcode)) return 'FAILED';
  return 'RETRY';
}
