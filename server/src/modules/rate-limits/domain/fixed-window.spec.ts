import { bucketOf, retryPhrase, secondsUntil, windowAt } from './fixed-window';

describe('fixed windows', () => {
  const at = new Date('2026-12-07T02:07:30Z');

  it('puts every instant of a window in the same bucket, and the next window in another', () => {
    const hour = 3600_000;
    expect(windowAt(at, hour).endsAt).toEqual(new Date('2026-12-07T03:00:00Z'));
    expect(bucketOf('k', at, hour)).toBe(bucketOf('k', new Date('2026-12-07T02:59:59.999Z'), hour));
    expect(bucketOf('k', at, hour)).not.toBe(bucketOf('k', new Date('2026-12-07T03:00:00Z'), hour));
  });

  it('cuts long keys so a bucket fits its column', () => {
    expect(bucketOf('x'.repeat(500), at, 60_000).length).toBeLessThanOrEqual(120);
  });

  it('says the wait in seconds, minutes or hours', () => {
    expect(secondsUntil(new Date(at.getTime() + 1500), at)).toBe(2);
    expect(secondsUntil(at, at)).toBe(1);
    expect(retryPhrase(8)).toBe('请于 8 秒后重试');
    expect(retryPhrase(900)).toBe('请于 15 分钟后重试');
    expect(retryPhrase(5 * 3600)).toBe('请于 5 小时后重试');
  });
});
