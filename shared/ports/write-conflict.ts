// The domain's view of a failed write condition: which guard lost, for the use case to explain.
/** `roles`: the account's role catalog or grant count was not as judged (re-read it). */
export type WriteConflictReason = 'version' | 'last-admin' | 'idempotency' | 'in-progress' | 'roles';

/** A guarded write lost: the key changed, it would remove the last admin key, or a replay exists. */
export class WriteConflict extends Error {
  constructor(readonly reason: WriteConflictReason) {
    super(`write conflict: ${reason}`);
    this.name = 'WriteConflict';
  }
}
