import { AnswerCache } from './answer-cache';

describe('the metrics answer cache', () => {
  it('shares one computation between identical requests within the time to live, then computes again', async () => {
    const cache = new AnswerCache(1000);
    let computed = 0;
    const compute = async () => ++computed;
    const [a, b] = await Promise.all([cache.get('k', compute, 0), cache.get('k', compute, 10)]);
    expect([a, b, computed]).toEqual([1, 1, 1]);
    expect(await cache.get('k', compute, 999)).toBe(1);
    expect(await cache.get('k', compute, 1000)).toBe(2);
    expect(await cache.get('other', compute, 1000)).toBe(3);
  });

  it('keeps no failure and computes every time when turned off', async () => {
    const cache = new AnswerCache(1000);
    await expect(cache.get('k', () => Promise.reject(new Error('db down')), 0)).rejects.toThrow('db down');
    expect(await cache.get('k', async () => 'ok', 1)).toBe('ok');
    const off = new AnswerCache(0);
    let computed = 0;
    await off.get('k', async () => ++computed);
    await off.get('k', async () => ++computed);
    expect(computed).toBe(2);
  });
});
