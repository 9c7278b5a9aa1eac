// The expiry scan's index of due keys and the re-expiry jobs of settings changes.
import type { AuditEntry } from '../domain/audit';
import type { ApiKey } from '../domain/key';

/** An entry of the sparse expiry index: a key with an alert level due at `dueAt`. */
export interface DueEntry {
  appKey: string;
  dueAt: string;
}

/** The expiry scan's view of the table: the due keys, and where it records its bookkeeping. */
export interface ExpiryIndex {
  /**
   * One page of the entries due at or before `until`. Pass the previous page's `next` as `after`
   * (undefined for the first page); `next` is undefined after the last page. How the index is
   * partitioned is the adapter's business: the pages cover all of it.
   */
  queryDue(until: string, after: unknown, limit: number): Promise<{ entries: DueEntry[]; next: unknown }>;
  /**
   * Writes renewalFlag and dueAt only if the key is still at `expectedVersion`; false if it moved on.
   * A newly raised flag's audit entry (`flagged`) is written in the same transaction.
   */
  recordWatch(key: ApiKey, expectedVersion: number, flagged?: AuditEntry): Promise<boolean>;
}

/**
 * One pass over an account's keys, newest first, re-expiring each under the account's current
 * settings. A pass that began part-way (after `endAt`) wraps around: past the oldest key it goes
 * on from the newest, down to `endAt` itself.
 */
export interface ReexpiryPass {
  /** The last key id done, or null before the first key (at the start, or just after wrapping). */
  after: string | null;
  /** The key id the pass began after, or null when it began at the newest key (no wrap). */
  endAt: string | null;
  /** True once the pass went past the oldest key and started again at the newest. */
  wrapped: boolean;
}

/**
 * An account's re-expiry job: at most one per account, which every settings change of the account
 * coalesces into (see use-cases/reexpiry-jobs.ts).
 */
export interface ReexpiryJob {
  account: string;
  /** A new value at every settings change: progress is saved only under the revision it was made for. */
  revision: string;
  /** The work left, or null when there is none (the record then only remembers `lastWakeAt`). */
  pass: ReexpiryPass | null;
  /** The settings change (Settings.updatedAt) the job converges on. */
  requestedAt: string;
  /** When a `Settings Changed` event last woke the scan for this account (ISO), or null. */
  lastWakeAt: string | null;
  /** With no work left: when the record may be forgotten (ISO; DynamoDB TTL), else null. */
  forgetAt: string | null;
}

export interface JobStore {
  /** The account's job record, with work left or not. */
  getReexpiryJob(account: string): Promise<ReexpiryJob | null>;
  /** The jobs with work left (`pass` not null). */
  listReexpiryJobs(): Promise<ReexpiryJob[]>;
  /**
   * Writes the job's revision, pass, requestedAt and forgetAt (never lastWakeAt) if the stored
   * revision is still `expectedRevision` (null: no record may exist); false when it is not.
   */
  saveReexpiryJob(job: ReexpiryJob, expectedRevision: string | null): Promise<boolean>;
  /**
   * Records a wake-up at `at` unless the last one was after `notAfter`; true when recorded (the
   * caller then publishes the event). Only for a job record that exists.
   */
  claimReexpiryWake(account: string, at: string, notAfter: string): Promise<boolean>;
}
