// Grants as the verification path needs them: a bounded, short-lived read-through cache (absent
// grants included, so repeated verifications against an account that granted nothing cost no
// read), invalidated here on every grant change; other containers see a change within the TTL.
import type { ExternalGrant } from '../../domain/external-grant';
import type { Clock } from '../../ports';
import type { GrantStore } from '../../ports/roles';
import { ReadThroughCache } from '../read-through-cache';

export const GRANT_CACHE_MAX = 10_000;

const idOf = (account: string, appKey: string): string => `${account} ${appKey}`;

export class GrantSource {
  private readonly cache: ReadThroughCache<ExternalGrant | null>;

  constructor(
    private readonly store: GrantStore,
    clock: Clock,
    ttlMs: number,
    maxEntries = GRANT_CACHE_MAX,
  ) {
    this.cache = new ReadThroughCache(clock, ttlMs, maxEntries);
  }

  get(account: string, appKey: string): Promise<ExternalGrant | null> {
    return this.cache.get(idOf(account, appKey), () => this.store.getGrant(account, appKey));
  }

  invalidate(account: string, appKey: string): void {
    this.cache.invalidate(idOf(account, appKey));
  }

  get size(): number {
    return this.cache.size;
  }
}
