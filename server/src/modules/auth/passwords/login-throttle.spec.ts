import { activeLock, afterFailure, LOGIN_THROTTLE, lockedMessage, secondsUntil, ThrottleState } from './login-throttle';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 9, 0) + minutes * 60_000);

function failAt(times: number[]): ThrottleState | null {
  return times.reduce<ThrottleState | null>((state, minute) => afterFailure(state, at(minute)), null);
}

describe('login throttle', () => {
  it('allows four failures without a lock', () => {
    const state = failAt([0, 1, 2, 3]);
    expect(state).toMatchObject({ failures: 4, lockedUntil: null });
    expect(activeLock(state, at(3))).toBeNull();
  });

  it('locks for 15 minutes on the fifth failure within 15 minutes', () => {
    const state = failAt([0, 1, 2, 3, 14]);
    expect(state?.lockedUntil).toEqual(at(29));
    expect(activeLock(state, at(28))).toEqual(at(29));
    expect(activeLock(state, at(29))).toBeNull();
  });

  it('starts counting again when the first failure is older than the window', () => {
    const state = failAt([0, 1, 2, 3, 15]);
    expect(state).toMatchObject({ failures: 1, windowStartedAt: at(15), lockedUntil: null });
  });

  it('starts counting again after a lock has run out', () => {
    const locked = failAt([0, 1, 2, 3, 4]);
    expect(afterFailure(locked, at(20))).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it('uses the documented policy: 5 failures, 15-minute window, 15-minute lock', () => {
    expect(LOGIN_THROTTLE).toEqual({ maxFailures: 5, windowMs: 900_000, lockMs: 900_000 });
  });

  it('tells when to retry in seconds and in Chinese minutes, rounded up', () => {
    expect(secondsUntil(at(15), at(0))).toBe(900);
    expect(lockedMessage(new Date(at(14).getTime() + 1_000), at(0))).toBe('登录失败次数过多，账号已临时锁定，请于 15 分钟后重试');
  });
});
