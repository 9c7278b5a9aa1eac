// Account settings: read, and change. A change applies to every existing token of the account
// (with the shortening grace of domain/settings.ts), one guarded key write at a time: inside the
// request while it fits a time budget, then as a background job that the expiry scan continues.
import { requirePermission } from '../domain/access';
import { reexpireKey } from '../domain/key';
import { watchExpiry } from '../domain/expiry-watch';
import { checkSettings, type Settings } from '../domain/settings';
import { iso } from '../domain/time';
import { WriteConflict, type Clock, type EventPublisher, type JobStore, type KeyStore } from '../ports';
import type { Caller } from './caller';
import type { SettingsSource } from './settings-source';
import type { Verifier } from './verify';

/** How long a settings request itself re-expires tokens before handing over to a job. */
export const REEXPIRY_REQUEST_BUDGET_MS = 3_000;

export class SettingsService {
  constructor(
    private readonly store: KeyStore,
    private readonly jobs: JobStore,
    private readonly events: EventPublisher,
    private readonly settings: SettingsSource,
    private readonly verifier: Verifier,
    private readonly clock: Clock,
    private readonly requestBudgetMs = REEXPIRY_REQUEST_BUDGET_MS,
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
    const started = Date.now();
    const after = await this.reexpireAccount(
      caller.account,
      settings,
      now,
      null,
      () => Date.now() - started > this.requestBudgetMs,
    );
    if (after !== null) {
      await this.jobs.putReexpiryJob({ account: caller.account, after, requestedAt: settings.updatedAt! });
      // Wakes the job runner now instead of at the next scheduled scan (AWS: an EventBridge rule).
      await this.events
        .publish([{ type: 'Settings Changed', detail: { account: caller.account } }])
        .catch(() => undefined);
    }
    // enforceExpiry is part of cached verifications: drop them all (settings change rarely).
    this.verifier.cache.clear();
    return settings;
  }

  /** Continues unfinished re-expiry jobs until done or out of time. */
  async runReexpiryJobs(nowMs: number, outOfTime: () => boolean): Promise<void> {
    for (const job of await this.jobs.listReexpiryJobs()) {
      const settings = await this.settings.fresh(job.account);
      const after = await this.reexpireAccount(job.account, settings, nowMs, job.after, outOfTime);
      if (after === null) await this.jobs.finishReexpiryJob(job);
      else return this.jobs.putReexpiryJob({ ...job, after });
    }
  }

  /**
   * Moves every token's expiry to the settings' duration, newest key first, starting after
   * `after`. Returns null when the account is done, else where to resume ('' for the start).
   */
  async reexpireAccount(
    account: string,
    settings: Settings,
    nowMs: number,
    after: string | null,
    outOfTime: () => boolean,
  ): Promise<string | null> {
    let position = after;
    for (;;) {
      const page = await this.store.listKeys(account, {
        limit: 100,
        after: position || null,
        budget: 101,
        accept: () => true,
      });
      for (const key of page.items) {
        // Checked per key: one page of writes can take seconds on a busy table.
        if (outOfTime()) return position ?? '';
        await this.reexpireOne(key.appKey, settings, nowMs);
        position = key.appKey.slice(key.appKey.lastIndexOf('-') + 1);
      }
      if (!page.next) return null;
      position = page.next;
    }
  }

  private async reexpireOne(appKey: string, settings: Settings, nowMs: number): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const key = await this.store.getKey(appKey);
      if (!key) return;
      const next = watchExpiry(reexpireKey(key, settings, nowMs), settings.expiryWarningDays, nowMs);
      if (next === key) return;
      try {
        await this.store.saveKey(next, { expectedVersion: key.version });
        this.verifier.invalidate(appKey);
        return;
      } catch (error) {
        if (!(error instanceof WriteConflict)) throw error;
      }
    }
  }
}
