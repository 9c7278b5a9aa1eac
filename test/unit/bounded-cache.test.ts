// The bounded TTL map behind the settings cache and the unknown-appKey memory.
import { BoundedCache } from '../../shared/use-cases/bounded-cache';

describe('BoundedCache', () => {
  it('never holds more than its maximum: the oldest entries leave first', () => {
    const cache = new BoundedCache<number>(60_000, 3);
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, i, 0);
    expect(cache.size).toBe(3);
    expect([cache.get('k6', 1), cache.get('k7', 1), cache.get('k9', 1)]).toEqual([undefined, 7, 9]);
  });

  it('forgets an entry once its time to live has passed', () => {
    const cache = new BoundedCache<string>(1_000, 10);
    cache.set('a', 'x', 0);
    expect(cache.get('a', 999)).toBe('x');
    expect(cache.get('a', 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holds nothing with a zero time to live (caching switched off)', () => {
    const cache = new BoundedCache<string>(0, 10);
    cache.set('a', 'x', 0);
    expect(cache.get('a', 0)).toBeUndefined();
  });

  it('a re-set entry counts as the newest', () => {
    const cache = new BoundedCache<number>(60_000, 2);
    cache.set('a', 1, 0);
    cache.set('b', 2, 0);
    cache.set('a', 3, 0);
    cache.set('c', 4, 0);
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1)]).toEqual([3, undefined, 4]);
  });
});
