import { accountKey, activeDelay, afterFailure, backoffPolicy, BackoffState, UNKNOWN_ACCOUNT_BUCKETS } from './login-throttle';

const start = Date.UTC(2026, 11, 7, 2, 0);
const at = (seconds: number) => new Date(start + seconds * 1000);
const policy = backoffPolicy(900);

describe('login backoff per account + address', () => {
  it('doubles the delay after each failure: 1 s, 2 s, 4 s, 8 s …', () => {
    let state: BackoffState | null = null;
    let now = 0;
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      state = afterFailure(state, at(now), policy);
      const wait = (state.retryAt.getTime() - at(now).getTime()) / 1000;
      delays.push(wait);
      now += wait;
    }
    expect(delays).toEqual([1, 2, 4, 8, 16]);
  });

  it('caps the delay', () => {
    let state: BackoffState | null = null;
    for (let i = 0; i < 40; i++) state = afterFailure(state, at(i * 1000), policy);
    expect(state!.retryAt.getTime() - at(39_000).getTime()).toBe(900_000);
  });

  it('delays until retryAt, not after', () => {
    const state = afterFailure(null, at(0), policy);
    expect(activeDelay(state, at(0.5))).toEqual(at(1));
    expect(activeDelay(state, at(1))).toBeNull();
    expect(activeDelay(null, at(0))).toBeNull();
  });

  it('starts afresh after a quiet day', () => {
    let state: BackoffState | null = null;
    for (let i = 0; i < 6; i++) state = afterFailure(state, at(i * 100), policy);
    expect(afterFailure(state, at(25 * 3600), policy).failures).toBe(1);
  });

  it('gives every existing account its own key and puts unknown names into a fixed number of buckets', () => {
    expect(accountKey('gridleader1', true)).not.toBe(accountKey('gridleader2', true));
    const buckets = new Set(Array.from({ length: 5000 }, (_, i) => accountKey(`nobody-${i}`, false)));
    expect(buckets.size).toBeLessThanOrEqual(UNKNOWN_ACCOUNT_BUCKETS);
    expect(buckets.size).toBeGreaterThan(UNKNOWN_ACCOUNT_BUCKETS / 2);
  });
});
