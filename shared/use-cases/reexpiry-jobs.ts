// Re-expiry jobs: after a settings change every token of the account must follow the new settings.
// The request does what fits its budget and leaves the rest to the account's one job, which the
// expiry scan continues after the due tokens.
//
// Coalescing: a change while a job is pending must not restart the job from the newest key (a
// tenant changing settings often would then never reach its oldest keys). Instead the pass goes on
// from where it stands and wraps around to end where it was when the change came in: one full lap
// after the newest change, every key visited under settings at least that new (the job reads them
// fresh). Each change gives the job a new revision; progress is saved only under the revision it
// was made for, and a worker that finds its revision replaced re-opens the job if it wrote with
// settings older than the newest (its late writes may have undone the newer pass's).
import { ulid } from '../domain/ids';
import { sameExpiryRules, type Settings } from '../domain/settings';
import { iso } from '../domain/time';
import {
  WriteConflict,
  type Clock,
  type EventPublisher,
  type JobStore,
  type KeyRepository,
  type ReexpiryJob,
} from '../ports';
import type { SettingsSource } from './settings-source';
import type { Verifier } from './verify';
import { ReexpiryPasses } from './reexpiry-passes';

/** The event that wakes the expiry scan in AWS (an EventBridge rule); at most one per account per minute. */
export const SETTINGS_CHANGED = 'Settings Changed';
export const WAKE_INTERVAL_MS = 60_000;
/** Keys one job re-expires per turn before the next job's turn: no account holds the others back. */
export const JOB_TURN_KEYS = 100;

const COALESCE_ATTEMPTS = 5;

export type WorkOutcome = 'done' | 'left' | 'superseded';

export interface JobsRun {
  /** Keys whose tokens were re-expired (or found already right). */
  keys: number;
  /** True when no job has work left. */
  finished: boolean;
}

export class ReexpiryJobs {
  private readonly passes: ReexpiryPasses;

  constructor(
    keys: KeyRepository,
    private readonly jobs: JobStore,
    private readonly events: EventPublisher,
    private readonly settings: SettingsSource,
    verifier: Verifier,
    private readonly clock: Clock,
  ) {
    this.passes = new ReexpiryPasses(keys, verifier);
  }

  /**
   * A settings change of `account` (already stored): coalesces it into the account's job, works on
   * the job until `outOfTime`, and wakes the scan for what is left.
   */
  async changed(account: string, settings: Settings, nowMs: number, outOfTime: () => boolean): Promise<void> {
    const job = await this.coalesce(account, settings.updatedAt!);
    const outcome = await this.work(job, settings, nowMs, outOfTime);
    if (outcome === 'left') await this.wake(account);
  }

  /**
   * Continues the pending jobs, in turns of JOB_TURN_KEYS keys each, until none is left or
   * `outOfTime`. Jobs are listed again every round, so changes coalesced meanwhile are picked up.
   */
  async runPending(nowMs: number, outOfTime: () => boolean, turnKeys = JOB_TURN_KEYS): Promise<JobsRun> {
    const run: JobsRun = { keys: 0, finished: false };
    for (;;) {
      if (outOfTime()) return run;
      const pending = await this.jobs.listReexpiryJobs();
      if (pending.length === 0) return { ...run, finished: true };
      for (const job of pending) {
        if (outOfTime()) return run;
        // Read after the job: the settings are at least as new as the change the revision stands for.
        const settings = await this.settings.fresh(job.account);
        let turn = 0;
        await this.work(
          job,
          settings,
          nowMs,
          () => outOfTime() || turn >= turnKeys,
          () => {
            turn++;
            run.keys++;
          },
        );
      }
    }
  }

  /** Starts a new revision of the account's job: a full lap from where its pass stands now. */
  private async coalesce(account: string, requestedAt: string): Promise<ReexpiryJob> {
    for (let attempt = 0; attempt < COALESCE_ATTEMPTS; attempt++) {
      const current = await this.jobs.getReexpiryJob(account);
      const from = current?.pass?.after ?? null;
      const job: ReexpiryJob = {
        account,
        revision: ulid(this.clock.now()),
        pass: { after: from, endAt: from, wrapped: false },
        requestedAt,
        lastWakeAt: current?.lastWakeAt ?? null,
        forgetAt: null,
      };
      if (await this.jobs.saveReexpiryJob(job, current?.revision ?? null)) return job;
    }
    // Only concurrent settings changes of this account get here: the caller may retry.
    throw new WriteConflict('version');
  }

  /** Advances the job's pass until it ends or `stop()`, and saves where it stands. */
  private async work(
    job: ReexpiryJob,
    settings: Settings,
    nowMs: number,
    stop: () => boolean,
    onKey: () => void = () => undefined,
  ): Promise<WorkOutcome> {
    if (!job.pass) return 'done';
    const left = await this.passes.walk(job.account, job.pass, settings, nowMs, stop, onKey);
    const saved = await this.jobs.saveReexpiryJob(
      { ...job, pass: left, forgetAt: left ? null : this.forgetAt(job) },
      job.revision,
    );
    if (saved) return left ? 'left' : 'done';
    const newest = await this.settings.fresh(job.account);
    if (!sameExpiryRules(newest, settings)) await this.coalesce(job.account, newest.updatedAt!);
    return 'superseded';
  }

  /** A finished job is kept only while it must still remember its last wake-up. */
  private forgetAt(job: ReexpiryJob): string {
    const wake = job.lastWakeAt ? Date.parse(job.lastWakeAt) + WAKE_INTERVAL_MS : 0;
    return iso(Math.max(wake, this.clock.now()));
  }

  /** Publishes a wake-up for the account unless one went out less than a minute ago. */
  private async wake(account: string): Promise<void> {
    const now = this.clock.now();
    if (!(await this.jobs.claimReexpiryWake(account, iso(now), iso(now - WAKE_INTERVAL_MS)))) return;
    // Best effort: without it the job still runs at the next scheduled scan.
    await this.events.publish([{ type: SETTINGS_CHANGED, detail: { account } }]).catch(() => undefined);
  }
}
