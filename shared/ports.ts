// Ports: what the use cases need from the outside world. Each has a real (AWS) adapter and a
// local one, chosen in composition.ts; tests swap in a fixed clock.
import type { ApiKey } from './domain/key';
import type { AuditEntry } from './domain/audit';
import type { Settings } from './domain/settings';

export interface Clock {
  now(): number;
}

/** Keyed hash of tokens: KMS GenerateMac in AWS, HMAC-SHA-256 with a local key file otherwise. */
export interface TokenHasher {
  /** The id of the MAC key new hashes are made with. */
  readonly currentKeyId: string;
  /** Base64 MAC of `token` with the given key (default: the current one). */
  mac(token: string, keyId?: string): Promise<string>;
}

/** Authenticated encryption of the few secrets ever held (idempotent-replay responses). */
export interface SecretBox {
  seal(plaintext: string, context: Record<string, string>): Promise<string>;
  open(sealed: string, context: Record<string, string>): Promise<string>;
}

export interface DomainEvent {
  type: string;
  detail: Record<string, unknown>;
}

export interface EventPublisher {
  publish(events: DomainEvent[]): Promise<void>;
}

export interface Account {
  account: string;
  createdAt: string;
  settings: Settings;
}

export interface IdempotencyRecord {
  account: string;
  /** The caller's key: records are scoped to who sent the request. */
  callerAppKey: string;
  /** SHA-256 (hex) of the Idempotency-Key header. */
  idempotencyKeyHash: string;
  /** SHA-256 (hex) of method, path and body, to detect reuse with a different request. */
  requestHash: string;
  /** The first response, sealed by the SecretBox (it contains a token). */
  sealedResponse: string;
  createdAtMs: number;
  expiresAtMs: number;
}

/** What a key write does besides writing the key, each guarded in the same atomic write. */
export interface WriteGuards {
  /** The key item's current version (absent for a create, which requires the key not to exist). */
  expectedVersion?: number;
  /** Adds or removes the key from the account's set of admin keys; removal fails on the last one. */
  admin?: 'add' | 'remove';
  /** Stores the first response for replay; fails if a concurrent request stored one first. */
  idempotency?: IdempotencyRecord;
}

export interface KeyPage {
  items: ApiKey[];
  /** Sort key position to resume after, or null at the end. */
  next: string | null;
}

export interface KeyStore {
  getKey(appKey: string): Promise<ApiKey | null>;
  /** Writes a new or changed key atomically with its guards; throws WriteConflict on a failed guard. */
  saveKey(key: ApiKey, guards: WriteGuards): Promise<void>;
  deleteKey(key: ApiKey, guards: WriteGuards): Promise<void>;
  /** Newest first, reading at most `budget` items; `accept` filters without ending the page early. */
  listKeys(
    account: string,
    options: { limit: number; after: string | null; budget: number; accept: (key: ApiKey) => boolean },
  ): Promise<KeyPage>;
  /** Records a successful authentication, at most once per `minIntervalMs`. Never bumps the version. */
  touchLastUsed(appKey: string, atMs: number, minIntervalMs: number): Promise<void>;

  getAccount(account: string): Promise<Account | null>;
  /** Creates the account with default settings if it does not exist; returns it either way. */
  ensureAccount(account: string, nowMs: number): Promise<Account>;

  getIdempotencyRecord(
    account: string,
    callerAppKey: string,
    idempotencyKeyHash: string,
  ): Promise<IdempotencyRecord | null>;
}

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

export type WriteConflictReason = 'version' | 'last-admin' | 'idempotency' | 'in-progress';

/** A guarded write lost: the key changed, it would remove the last admin key, or a replay exists. */
export class WriteConflict extends Error {
  constructor(readonly reason: WriteConflictReason) {
    super(`write conflict: ${reason}`);
    this.name = 'WriteConflict';
  }
}
