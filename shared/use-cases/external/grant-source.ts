// Grants as the verification path needs them: a bounded, short-lived in-process cache (absent
// grants included, so repeated verifications against an account that granted nothing cost no
// read), invalidated here on every grant change; other containers see a change within the TTL.
import type { ExternalGrant } from '../../domain/external-grant';
import type { Clock } from '../../ports';
import type { GrantStore } from '../../ports/roles';
import { BoundedCache } from '../bounded-cache';

export const GRANT_CACHE_MAX = 10_000;

export class GrantSource {
  private readonly cache: BoundedCache<ExternalGrant | null>;
  /** Bumped by every invalidation: a read begun before it must not cache what it read. */
  private epoch = 0;

  constructor(
    private readonly store: GrantStore,
    private readonly clock: Clock,
    ttlMs: number,
    maxEntries = GRANT_CACHE_MAX,
  ) {
    this.cache = new BoundedCache(ttlMs, maxEntries);
  }

  async get(account: string, appKey: string): Promise<ExternalGrant | null> {
    const now = this.clock.now();
    const id = `${account} ${appKey}`;
    const hit = this.cache.get(id, now);
    if (hit !== undefined) return hit;
    const epoch = this.epoch;
    const grant = await this.store.getGrant(account, appKey);
    if (epoch === this.epoch) this.cache.set(id, grant, now);
    return grant;
  }

  invalidate(account: string, appKey: string): void {
    this.epoch++;
    this.cache.delete(`${account} ${appKey}`);
  }

  get size(): number {
    return this.cache.size;
  }
}
