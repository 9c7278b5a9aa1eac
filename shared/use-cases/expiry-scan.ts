// The expiry scan: finds keys whose newest token crossed an alert level, publishes one event per
// level, and only then records the flag, so a failed publish is retried by the next run. It reads
// the sparse expiry index, so its cost follows the number of tokens due, not the number of keys.
// The index is its own checkpoint: a handled key's dueAt moves past `now` and leaves the window,
// so a run stopped by its deadline is continued by the next one without duplicates or gaps.
//
// Fairness: due tokens come first in every run, and re-expiry jobs (settings changes of large
// accounts) get only the time left, a turn per job, so no account's settings changes can keep
// another account's expiring token unflagged.
import { alertOf, type FlagLevel } from '../domain/expiry';
import { levelsToNotify, watchExpiry } from '../domain/expiry-watch';
import type { ApiKey } from '../domain/key';
import { flagAuditEntry, tokenEvent } from './expiry-flags';
import type { Settings } from '../domain/settings';
import { iso } from '../domain/time';
import type {
  AccountRepository,
  Clock,
  EventPublisher,
  ExpiryIndex,
  JobStore,
  KeyRepository,
} from '../ports';
import type { SettingsService } from './manage-settings';
import { NO_METRICS, type Metrics } from '../ports/metrics';
import { recordScan } from './expiry-scan-metrics';

export interface ScanReport {
  /** Tokens this run newly flagged, by the level they were flagged at. */
  flagged: Record<FlagLevel, number>;
  /** Index entries read. */
  examined: number;
  /** Keys whose events could not be published: retried by the next run. */
  failed: number;
  /** Keys the re-expiry jobs of settings changes went through in this run. */
  reexpired: number;
  /** False when the deadline stopped the run early. */
  complete: boolean;
}

export interface ScanOptions {
  nowMs?: number;
  /** True once the run must stop (e.g. the Lambda's remaining time is short). */
  outOfTime?: () => boolean;
  pageSize?: number;
}

export class ExpiryScan {
  constructor(
    private readonly keys: KeyRepository,
    private readonly accounts: AccountRepository,
    private readonly index: ExpiryIndex,
    private readonly jobs: JobStore,
    private readonly events: EventPublisher,
    private readonly settingsService: SettingsService,
    private readonly clock: Clock,
    private readonly metrics: Metrics = NO_METRICS,
  ) {}

  async run(options: ScanOptions = {}): Promise<ScanReport> {
    // The injected Clock for the duration too (layering.test.ts): the system clock in AWS.
    const started = this.clock.now();
    const now = options.nowMs ?? started;
    const report = await this.scan(now, options);
    await recordScan(this.metrics, this.index, report, this.clock.now() - started, now);
    return report;
  }

  private async scan(now: number, options: ScanOptions): Promise<ScanReport> {
    const outOfTime = options.outOfTime ?? (() => false);
    const report: ScanReport = {
      flagged: { expiring: 0, expired: 0, 'expired-critical': 0 },
      examined: 0,
      failed: 0,
      reexpired: 0,
      complete: true,
    };
    const pageSize = options.pageSize ?? 100;
    if (!(await this.flagDue(now, pageSize, outOfTime, report))) return { ...report, complete: false };
    const jobs = await this.settingsService.runReexpiryJobs(now, outOfTime);
    report.reexpired = jobs.keys;
    if (!jobs.finished) return { ...report, complete: false };
    // Re-expiry may have moved tokens into the window: flag them now rather than next run.
    if (jobs.keys > 0 && !(await this.flagDue(now, pageSize, outOfTime, report)))
      return { ...report, complete: false };
    return report;
  }

  /** Handles every entry due by `now`; false when the deadline stopped it first. */
  private async flagDue(
    now: number,
    pageSize: number,
    outOfTime: () => boolean,
    report: ScanReport,
  ): Promise<boolean> {
    const settingsOf = memo((account: string) => this.accounts.getAccount(account).then((a) => a?.settings));
    const until = iso(now);
    let after: unknown = undefined;
    do {
      if (outOfTime()) return false;
      const page = await this.index.queryDue(until, after, pageSize);
      report.examined += page.entries.length;
      for (const entry of page.entries) await this.examine(entry.appKey, now, settingsOf, report);
      after = page.next;
    } while (after);
    return true;
  }

  private async examine(
    appKey: string,
    now: number,
    settingsOf: (account: string) => Promise<Settings | undefined>,
    report: ScanReport,
  ): Promise<void> {
    // The index is eventually consistent: decide on the key item itself.
    const key = await this.keys.getKey(appKey);
    if (!key) return;
    const settings = await settingsOf(key.account);
    if (!settings) return;
    const newest = key.tokens[0]!;
    const current = alertOf(newest.expiresAt, settings.expiryWarningDays, now);
    const levels = levelsToNotify(key.renewalFlag?.level ?? null, current);
    let next: ApiKey = key;
    if (levels.length > 0) {
      try {
        await this.events.publish(levels.map((level) => tokenEvent(key, level)));
      } catch {
        report.failed++;
        return; // not recorded: the next run publishes again
      }
      next = { ...key, renewalFlag: { level: current as FlagLevel, flaggedAt: iso(now) } };
    }
    next = watchExpiry(next, settings.expiryWarningDays, now);
    if (next === key) return;
    const entry = levels.length > 0 ? flagAuditEntry(key, next, now) : undefined;
    if ((await this.index.recordWatch(next, key.version, entry)) && levels.length > 0)
      report.flagged[current as FlagLevel]++;
  }
}

function memo<T>(load: (k: string) => Promise<T>): (k: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (k) => {
    if (!cache.has(k)) cache.set(k, load(k));
    return cache.get(k)!;
  };
}
