/**
 * Lockout after repeated failed password logins, as pure rules (the service stores the state per account name
 * in `login_throttle`, so the lock holds across instances).
 *
 * Five failures within 15 minutes lock the account name for 15 minutes. The state is kept per account NAME,
 * whether or not such an account exists, so a locked unknown name answers exactly like a locked real one.
 */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const LOGIN_THROTTLE: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

/** The end of the lock when `state` is locked at `now`, else null. */
export function activeLock(state: ThrottleState | null, now: Date): Date | null {
  return state?.lockedUntil && state.lockedUntil.getTime() > now.getTime() ? state.lockedUntil : null;
}

/** The state after one more failure at `now`. An expired window or an expired lock starts counting afresh. */
export function afterFailure(state: ThrottleState | null, now: Date, policy: ThrottlePolicy = LOGIN_THROTTLE): ThrottleState {
  const fresh =
    !state ||
    state.windowStartedAt.getTime() + policy.windowMs <= now.getTime() ||
    (state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime());
  const failures = fresh ? 1 : state.failures + 1;
  return {
    failures,
    windowStartedAt: fresh ? now : state.windowStartedAt,
    lockedUntil: failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs) : null,
  };
}

/** Whole seconds until `until` (at least 1), for Retry-After. */
export function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

/** "请于 15 分钟后重试" — minutes rounded up, for the Chinese message. */
export function lockedMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `登录失败次数过多，账号已临时锁定，请于 ${minutes} 分钟后重试`;
}
