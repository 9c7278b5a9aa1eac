// The request paths' read-through cache: hits without a read, absent values cached too, and no
// fill by a read that began before an invalidation.
import { ReadThroughCache } from '../../shared/use-cases/read-through-cache';
import { TestClock } from '../helpers/clock';

describe('ReadThroughCache', () => {
  it('reads once per TTL, caching null as an answer', async () => {
    const clock = new TestClock();
    const cache = new ReadThroughCache<string | null>(clock, 1_000, 10);
    let reads = 0;
    const load = async () => (reads++, null);
    expect(await cache.get('a', load)).toBeNull();
    expect(await cache.get('a', load)).toBeNull();
    expect(reads).toBe(1);
    clock.advanceMs(1_001);
    await cache.get('a', load);
    expect(reads).toBe(2);
  });

  it('does not keep what a read begun before an invalidation brought back', async () => {
    const cache = new ReadThroughCache<string>(new TestClock(), 60_000, 10);
    let release!: () => void;
    const slow = cache.get('a', () => new Promise<string>((done) => (release = () => done('old'))));
    cache.invalidate('a'); // the change lands while the read is in flight
    release();
    expect(await slow).toBe('old');
    expect(await cache.get('a', async () => 'new')).toBe('new');
  });

  it('holds at most its bound', async () => {
    const cache = new ReadThroughCache<number>(new TestClock(), 60_000, 3);
    for (let i = 0; i < 10; i++) await cache.get(`k${i}`, async () => i);
    expect(cache.size).toBe(3);
  });
});
