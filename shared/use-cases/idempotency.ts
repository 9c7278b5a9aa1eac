// Idempotent replay for create and renew, in one wrapper (`once`): the first result is kept
// (sealed, it holds a token) for 24 h in the same unit of work as the change, scoped to the
// caller's key; a retry with the same body gets it back, a different body 422.
import { createHash } from 'node:crypto';
import { DomainError, RequestInFlightError, UnavailableError } from '../domain/errors';
import { WriteConflict } from '../ports';
import type { Caller } from './caller';
import type { Clock, IdempotencyRecord, IdempotencyRecords, SecretBox } from '../ports';
import type { Write } from '../ports/unit-of-work';
import { hideLinkSecret, revealLinkSecret } from './shares/replay-link';
import type { SEALED_SECRET_CONTEXTS, SealPurpose } from './sealed-secrets';

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const PURPOSE = 'idempotent-replay' satisfies SealPurpose;

export interface IdempotencyRequest {
  /** The Idempotency-Key header as sent. */
  key: string;
  /** The operation and its input, canonicalised by the caller of this module. */
  fingerprint: unknown;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export class Idempotency {
  constructor(
    private readonly records: IdempotencyRecords,
    private readonly box: SecretBox,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs `run` at most once per Idempotency-Key: a replay returns the first result; otherwise `run`
   * gets `seal`, which turns its result into the write that keeps it, to commit with the change.
   * Without an Idempotency-Key, `seal` adds nothing.
   */
  async once<T>(
    caller: Caller,
    request: IdempotencyRequest | undefined,
    run: (seal: (result: T) => Promise<Write[]>) => Promise<T>,
  ): Promise<T> {
    if (!request) return run(async () => []);
    const earlier = await this.replay<T>(caller, request);
    if (earlier) return earlier;
    try {
      return await run(async (result) => [
        { type: 'idempotency', record: await this.record(caller, request, result) },
      ]);
    } catch (error) {
      const lostRace =
        error instanceof WriteConflict || (error instanceof DomainError && error.code === 'renewal-pending');
      if (!lostRace) throw error;
      const winner = await this.afterLostWrite<T>(caller, request, error);
      if (winner) return winner;
      throw error;
    }
  }

  /** The earlier result of this request, or null when it is the first time (or the record expired). */
  async replay<T>(caller: Caller, request: IdempotencyRequest): Promise<T | null> {
    const record = await this.records.getIdempotencyRecord(
      caller.account,
      caller.appKey,
      sha256(request.key),
    );
    // DynamoDB TTL deletes late, so an expired record is ignored here rather than trusted.
    if (!record || record.expiresAtMs <= this.clock.now()) return null;
    if (record.requestHash !== sha256(JSON.stringify(request.fingerprint))) {
      throw new DomainError(
        'idempotency-mismatch',
        'This Idempotency-Key was already used with a different request.',
      );
    }
    try {
      const kept = JSON.parse(await this.box.open(record.sealedResponse, this.context(caller))) as T;
      return revealLinkSecret(kept, request.key);
    } catch (error) {
      if (error instanceof UnavailableError) throw error; // KMS briefly unreachable: retry later
      // Sealed under a key we no longer hold (a rotated local key file, a disabled KMS key): the
      // first response is gone for good. Never a 500, and never a second key under this header.
      throw new DomainError(
        'conflict',
        'The first response to this Idempotency-Key can no longer be replayed; retry with a new Idempotency-Key.',
      );
    }
  }

  /**
   * After this request's write lost a race: if the winner was a request with the same
   * Idempotency-Key that has committed, its result is this request's result too; if the winner's
   * transaction was still in progress, the client is told to retry in a second (never a misleading
   * `renewal-pending`). Null when another request won: the caller explains that loss itself.
   */
  async afterLostWrite<T>(caller: Caller, request: IdempotencyRequest, lost: unknown): Promise<T | null> {
    const earlier = await this.replay<T>(caller, request);
    if (earlier) return earlier;
    if (lost instanceof WriteConflict && (lost.reason === 'in-progress' || lost.reason === 'idempotency'))
      throw new RequestInFlightError();
    return null;
  }

  /** The record to write atomically with the operation's own write. */
  async record(caller: Caller, request: IdempotencyRequest, result: unknown): Promise<IdempotencyRecord> {
    const now = this.clock.now();
    return {
      account: caller.account,
      callerAppKey: caller.appKey,
      idempotencyKeyHash: sha256(request.key),
      requestHash: sha256(JSON.stringify(request.fingerprint)),
      sealedResponse: await this.box.seal(
        JSON.stringify(hideLinkSecret(result, request.key)),
        this.context(caller),
      ),
      createdAtMs: now,
      expiresAtMs: now + IDEMPOTENCY_TTL_MS,
    };
  }

  /** Exactly the context sealed-secrets.ts declares for this purpose (the KMS grant allows no other). */
  private context(caller: Caller): Record<(typeof SEALED_SECRET_CONTEXTS)[typeof PURPOSE][number], string> {
    return { purpose: PURPOSE, account: caller.account, appKey: caller.appKey };
  }
}
