// Account settings as the request paths need them: read through a short-lived, bounded in-process
// cache (read-through-cache.ts), invalidated here on every settings change.
import { DEFAULT_SETTINGS, type Settings } from '../domain/settings';
import type { AccountRepository, Clock } from '../ports';
import { ReadThroughCache } from './read-through-cache';

/** Accounts whose settings one container keeps: far more than a container serves at once. */
export const SETTINGS_CACHE_MAX = 5_000;

export class SettingsSource {
  private readonly cache: ReadThroughCache<Settings>;

  constructor(
    private readonly accounts: AccountRepository,
    clock: Clock,
    ttlMs: number,
    maxAccounts = SETTINGS_CACHE_MAX,
  ) {
    this.cache = new ReadThroughCache(clock, ttlMs, maxAccounts);
  }

  get(account: string): Promise<Settings> {
    return this.cache.get(
      account,
      async () => (await this.accounts.getAccount(account))?.settings ?? DEFAULT_SETTINGS,
    );
  }

  /** Read-your-writes for the caller that changed them: skip the cache. */
  fresh(account: string): Promise<Settings> {
    this.invalidate(account);
    return this.get(account);
  }

  invalidate(account: string): void {
    this.cache.invalidate(account);
  }

  /** Entries held now (tests and the bench check the bound). */
  get cachedAccounts(): number {
    return this.cache.size;
  }
}
