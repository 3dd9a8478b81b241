/**
 * Throttling of password logins, as pure rules (PasswordService stores the state; docs/server-notes.md#login-limits).
 *
 * Two limits, both checked BEFORE the password is hashed:
 * - per caller address: at most N attempts per window (RateCounters; successful logins are given back), which stops
 *   password spraying (one try on each of many accounts) and caps the scrypt work one address can cause;
 * - per account + address: after each failure the next try from that address waits 1 s, 2 s, 4 s … up to a cap.
 *   The delay belongs to the pair, so failures from an attacker's address never delay the officer at another one —
 *   there is no account-wide lock anyone could trigger.
 *
 * Unknown account names share BUCKETS buckets (a hash of the name), so names that do not exist cannot grow the table
 * without bound; known accounts have a key of their own. Rows expire after a quiet day and are deleted.
 */
import { createHash } from 'node:crypto';

export interface BackoffPolicy {
  /** the delay after the first failure; each further failure doubles it */
  baseMs: number;
  maxMs: number;
  /** a pair with no failure for this long starts afresh (and its row may be deleted) */
  quietMs: number;
}

export const UNKNOWN_ACCOUNT_BUCKETS = 64;

export function backoffPolicy(maxSeconds: number): BackoffPolicy {
  return { baseMs: 1000, maxMs: maxSeconds * 1000, quietMs: 24 * 3600_000 };
}

export interface BackoffState {
  failures: number;
  retryAt: Date;
  expiresAt: Date;
}

/** The account part of a throttle key: its own for an existing account, one of UNKNOWN_ACCOUNT_BUCKETS otherwise. */
export function accountKey(normalisedName: string, exists: boolean): string {
  const digest = createHash('sha256').update(normalisedName).digest();
  return exists ? `a:${digest.toString('hex').slice(0, 40)}` : `u:${digest.readUInt32BE(0) % UNKNOWN_ACCOUNT_BUCKETS}`;
}

/** The end of the delay when `state` still delays at `now`, else null. */
export function activeDelay(state: BackoffState | null, now: Date): Date | null {
  return state && state.expiresAt.getTime() > now.getTime() && state.retryAt.getTime() > now.getTime() ? state.retryAt : null;
}

/** The state after one more failure at `now`; an expired state counts afresh. */
export function afterFailure(state: BackoffState | null, now: Date, policy: BackoffPolicy): BackoffState {
  const failures = state && state.expiresAt.getTime() > now.getTime() ? state.failures + 1 : 1;
  const delay = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(failures - 1, 30));
  return { failures, retryAt: new Date(now.getTime() + delay), expiresAt: new Date(now.getTime() + policy.quietMs) };
}
