// The domain's view of a failed write condition: which guard lost, for the use case to explain.
/**
 * `roles`: the account's role catalog or grant count was not as judged (re-read it).
 * `directory-full`: the search directory item a new key was meant for is full (open the next one).
 */
export type WriteConflictReason =
  'version' | 'last-admin' | 'idempotency' | 'in-progress' | 'roles' | 'directory-full';

/** A guarded write lost: the key changed, it would remove the last admin key, or a replay exists. */
export class WriteConflict extends Error {
  constructor(readonly reason: WriteConflictReason) {
    super(`write conflict: ${reason}`);
    this.name = 'WriteConflict';
  }
}
