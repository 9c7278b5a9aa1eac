// Account settings: read, and change. A change applies to every existing token of the account
// (with the shortening grace of domain/settings.ts), one guarded key write at a time: inside the
// request while it fits a time budget, then as the account's background job that the expiry scan
// continues (use-cases/reexpiry-jobs.ts).
import { checkSettings, type Settings } from '../domain/settings';
import { iso } from '../domain/time';
import type { Clock, EventPublisher, JobStore, KeyRepository } from '../ports';
import { actorOf, type Caller } from './caller';
import { auditEntry, diff, NO_ORIGIN } from '../domain/audit';
import type { UnitOfWork } from '../ports/unit-of-work';
import { ReexpiryJobs, type JobsRun } from './reexpiry-jobs';
import type { SettingsSource } from './settings-source';
import type { Verifier } from './verify';

/** How long a settings request itself re-expires tokens before handing over to a job. */
export const REEXPIRY_REQUEST_BUDGET_MS = 3_000;

/** The settings fields an operator sets (updatedAt is bookkeeping). */
const auditedSettings = (s: Omit<Settings, 'updatedAt'>): Record<string, unknown> => ({
  tokenDurationDays: s.tokenDurationDays,
  expiryWarningDays: s.expiryWarningDays,
  enforceExpiry: s.enforceExpiry,
});

export class SettingsService {
  private readonly reexpiry: ReexpiryJobs;

  constructor(
    keys: KeyRepository,
    private readonly work: UnitOfWork,
    jobs: JobStore,
    events: EventPublisher,
    private readonly settings: SettingsSource,
    private readonly verifier: Verifier,
    private readonly clock: Clock,
    private readonly requestBudgetMs = REEXPIRY_REQUEST_BUDGET_MS,
  ) {
    this.reexpiry = new ReexpiryJobs(keys, jobs, events, settings, verifier, clock);
  }

  async get(caller: Caller): Promise<Settings> {
    return this.settings.fresh(caller.account);
  }

  async put(caller: Caller, input: Omit<Settings, 'updatedAt'>): Promise<Settings> {
    checkSettings(input);
    const now = this.clock.now();
    const before = await this.settings.fresh(caller.account);
    const changes = diff(auditedSettings(before), auditedSettings(input));
    // Nothing changed: nothing written, nothing audited (the re-expiry below still converges).
    const settings: Settings = Object.keys(changes).length ? { ...input, updatedAt: iso(now) } : before;
    if (settings !== before) {
      const entry = auditEntry({
        account: caller.account,
        action: 'settings.updated',
        actor: actorOf(caller),
        target: { type: 'settings', id: caller.account },
        changes,
        origin: caller.origin ?? NO_ORIGIN,
        nowMs: now,
      });
      await this.work.commit([
        { type: 'settings', account: caller.account, settings },
        { type: 'audit', entry },
      ]);
      this.settings.invalidate(caller.account);
    }
    // Always re-applied, even when the duration did not change: it is idempotent, so repeating a
    // PUT that failed half-way through converges every token instead of leaving some behind.
    const deadline = now + this.requestBudgetMs;
    await this.reexpiry.changed(caller.account, settings, now, () => this.clock.now() >= deadline);
    // enforceExpiry is part of cached verifications: drop them all (settings change rarely).
    this.verifier.cache.clear();
    return settings;
  }

  /** Continues unfinished re-expiry jobs, a turn each, until done or out of time. */
  async runReexpiryJobs(nowMs: number, outOfTime: () => boolean): Promise<JobsRun> {
    return this.reexpiry.runPending(nowMs, outOfTime);
  }
}
