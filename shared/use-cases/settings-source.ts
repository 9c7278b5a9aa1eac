// Account settings as the request paths need them: read through a short-lived, bounded in-process
// cache, invalidated here on every settings change (other containers see it within the TTL).
import { DEFAULT_SETTINGS, type Settings } from '../domain/settings';
import type { AccountRepository, Clock } from '../ports';
import { BoundedCache } from './bounded-cache';

/** Accounts whose settings one container keeps: far more than a container serves at once. */
export const SETTINGS_CACHE_MAX = 5_000;

export class SettingsSource {
  private readonly cache: BoundedCache<Settings>;
  /** Bumped by every invalidation: a read begun before a change must not cache the old settings. */
  private epoch = 0;

  constructor(
    private readonly accounts: AccountRepository,
    private readonly clock: Clock,
    ttlMs: number,
    maxAccounts = SETTINGS_CACHE_MAX,
  ) {
    this.cache = new BoundedCache(ttlMs, maxAccounts);
  }

  async get(account: string): Promise<Settings> {
    const now = this.clock.now();
    const hit = this.cache.get(account, now);
    if (hit) return hit;
    const epoch = this.epoch;
    const settings = (await this.accounts.getAccount(account))?.settings ?? DEFAULT_SETTINGS;
    if (epoch === this.epoch) this.cache.set(account, settings, now);
    return settings;
  }

  /** Read-your-writes for the caller that changed them: skip the cache. */
  async fresh(account: string): Promise<Settings> {
    this.invalidate(account);
    return this.get(account);
  }

  invalidate(account: string): void {
    this.epoch++;
    this.cache.delete(account);
  }

  /** Entries held now (tests and the bench check the bound). */
  get cachedAccounts(): number {
    return this.cache.size;
  }
}
