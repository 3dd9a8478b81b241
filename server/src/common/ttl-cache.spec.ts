import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('returns a value until its time to live has passed', () => {
    const cache = new TtlCache<number, string>(1000, 10);
    cache.set(1, 'a', 0);
    expect(cache.get(1, 999)).toBe('a');
    expect(cache.get(1, 1000)).toBeUndefined();
  });

  it('drops the oldest entry when full', () => {
    const cache = new TtlCache<number, string>(1000, 2);
    cache.set(1, 'a', 0);
    cache.set(2, 'b', 0);
    cache.set(3, 'c', 0);
    expect([cache.get(1, 1), cache.get(2, 1), cache.get(3, 1)]).toEqual([undefined, 'b', 'c']);
  });

  it('forgets a deleted key', () => {
    const cache = new TtlCache<number, string>(1000, 2);
    cache.set(1, 'a', 0);
    cache.delete(1);
    expect(cache.get(1, 1)).toBeUndefined();
  });
});
