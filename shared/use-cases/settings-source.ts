// Account settings as the request paths need them: read through a short-lived in-process cache,
// invalidated here on every settings change (other containers see it within the TTL).
import { DEFAULT_SETTINGS, type Settings } from '../domain/settings';
import type { Clock, KeyStore } from '../ports';

export class SettingsSource {
  private readonly cache = new Map<string, { settings: Settings; until: number }>();

  constructor(
    private readonly store: KeyStore,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  async get(account: string): Promise<Settings> {
    const now = this.clock.now();
    const hit = this.cache.get(account);
    if (hit && hit.until > now) return hit.settings;
    const settings = (await this.store.getAccount(account))?.settings ?? DEFAULT_SETTINGS;
    if (this.ttlMs > 0) this.cache.set(account, { settings, until: now + this.ttlMs });
    return settings;
  }

  /** Read-your-writes for the caller that changed them: skip the cache. */
  async fresh(account: string): Promise<Settings> {
    this.cache.delete(account);
    return this.get(account);
  }

  invalidate(account: string): void {
    this.cache.delete(account);
  }
}
