import { classifySendResult, MAX_SEND_ATTEMPTS, nextAttemptAfterFailure } from './retry-schedule';

const now = new Date('2026-11-20T08:00:00Z');
const after = (attempts: number) => {
  const next = nextAttemptAfterFailure(attempts, now);
  return next && (next.getTime() - now.getTime()) / 1000;
};

describe('outbox retry schedule', () => {
  it('waits 30 s, 2 min, 10 min, 1 h, 1 h after the 1st…5th failed try', () => {
    expect([1, 2, 3, 4, 5].map(after)).toEqual([30, 120, 600, 3600, 3600]);
  });

  it('gives up after the 6th try', () => {
    expect(MAX_SEND_ATTEMPTS).toBe(6);
    expect(nextAttemptAfterFailure(6, now)).toBeNull();
  });

  it('classifies WeChat answers: sent, refused for good, token to refresh, or retry later', () => {
    expect(classifySendResult(0)).toBe('SENT');
    expect(classifySendResult(43101)).toBe('FAILED');
    expect(classifySendResult(40003)).toBe('FAILED');
    expect(classifySendResult(47003)).toBe('FAILED');
    expect(classifySendResult(40001)).toBe('REFRESH_TOKEN');
    expect(classifySendResult(42001)).toBe('REFRESH_TOKEN');
    expect(classifySendResult(-1)).toBe('RETRY');
    expect(classifySendResult(45009)).toBe('RETRY');
  });
});
