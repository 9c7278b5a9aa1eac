// The one read-through cache of the request paths (settings, role catalogs, grants): bounded and
// short-lived (BoundedCache), filled from storage on a miss, emptied per id on every change made in
// this process (other containers see the change within the TTL). An epoch, bumped by every
// invalidation, keeps a read that began before a change from filling the cache after it: it would
// bring back, for a whole TTL, what the change just replaced.
import type { Clock } from '../ports';
import { BoundedCache } from './bounded-cache';

export class ReadThroughCache<V> {
  private readonly cache: BoundedCache<V>;
  private epoch = 0;

  constructor(
    private readonly clock: Clock,
    ttlMs: number,
    maxEntries: number,
  ) {
    this.cache = new BoundedCache(ttlMs, maxEntries);
  }

  /** The cached value of `id`, or `load()`'s (absent values included: V may hold null). */
  async get(id: string, load: () => Promise<V>): Promise<V> {
    const now = this.clock.now();
    const hit = this.cache.get(id, now);
    if (hit !== undefined) return hit;
    const epoch = this.epoch;
    const value = await load();
    if (epoch === this.epoch) this.cache.set(id, value, now);
    return value;
  }

  invalidate(id: string): void {
    this.epoch++;
    this.cache.delete(id);
  }

  /** Entries held now (tests and the bench check the bound). */
  get size(): number {
    return this.cache.size;
  }
}
