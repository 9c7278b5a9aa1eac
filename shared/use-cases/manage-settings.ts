// Account settings: read, and change. A duration change is applied to every existing token of the
// account (with the shortening grace of domain/settings.ts), one guarded key write at a time.
import { requirePermission } from '../domain/access';
import { reexpireKey } from '../domain/key';
import { checkSettings, type Settings } from '../domain/settings';
import { iso } from '../domain/time';
import { WriteConflict, type Clock, type KeyStore } from '../ports';
import type { Caller } from './caller';
import type { SettingsSource } from './settings-source';
import type { Verifier } from './verify';

export class SettingsService {
  constructor(
    private readonly store: KeyStore,
    private readonly settings: SettingsSource,
    private readonly verifier: Verifier,
    private readonly clock: Clock,
  ) {}

  async get(caller: Caller): Promise<Settings> {
    requirePermission(caller.permissions, 'keys:view');
    return this.settings.fresh(caller.account);
  }

  async put(caller: Caller, input: Omit<Settings, 'updatedAt'>): Promise<Settings> {
    requirePermission(caller.permissions, 'settings:edit');
    checkSettings(input);
    const now = this.clock.now();
    const settings: Settings = { ...input, updatedAt: iso(now) };
    await this.store.putSettings(caller.account, settings);
    this.settings.invalidate(caller.account);
    // Always re-applied, even when the duration did not change: it is idempotent, so repeating a
    // PUT that failed half-way through converges every token instead of leaving some behind.
    await this.reexpireAccount(caller.account, settings, now);
    // enforceExpiry is part of cached verifications: drop them all (settings change rarely).
    this.verifier.cache.clear();
    return settings;
  }

  /** Moves every token's expiry to the new duration. Idempotent, so a retry after a failure converges. */
  async reexpireAccount(account: string, settings: Settings, nowMs: number): Promise<number> {
    let after: string | null = null;
    let changed = 0;
    do {
      const page = await this.store.listKeys(account, { limit: 100, after, budget: 101, accept: () => true });
      for (const key of page.items) if (await this.reexpireOne(key.appKey, settings, nowMs)) changed++;
      after = page.next;
    } while (after);
    return changed;
  }

  private async reexpireOne(appKey: string, settings: Settings, nowMs: number): Promise<boolean> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const key = await this.store.getKey(appKey);
      if (!key) return false;
      const next = reexpireKey(key, settings, nowMs);
      if (next === key) return false;
      try {
        await this.store.saveKey(next, { expectedVersion: key.version });
        this.verifier.invalidate(appKey);
        return true;
      } catch (error) {
        if (!(error instanceof WriteConflict)) throw error;
      }
    }
    return false;
  }
}
