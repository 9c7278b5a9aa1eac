// The unit of work of a change to one key: the key item (conditional on the version read), the
// account's admin-key set when the change adds or removes an admin key, and the change's audit
// entry, plus whatever the caller adds (an idempotent replay). Committed together or not at all.
import { isAdminKey } from '../../domain/access';
import type { AuditEntry } from '../../domain/audit';
import type { ApiKey } from '../../domain/key';
import type { Write } from '../../ports/unit-of-work';

/** Whether a transition adds or removes the key from the account's admin-key set. */
export function adminChange(before: ApiKey | null, after: ApiKey | null): 'add' | 'remove' | undefined {
  const was = before ? isAdminKey(before) : false;
  const is = after ? isAdminKey(after) : false;
  return was === is ? undefined : is ? 'add' : 'remove';
}

export function keyChangeWrites(
  before: ApiKey | null,
  after: ApiKey | null,
  entry: AuditEntry,
  extra: readonly Write[] = [],
): Write[] {
  const key = (after ?? before)!;
  const writes: Write[] = [
    after
      ? { type: 'key', key: after, expectedVersion: before?.version }
      : { type: 'delete-key', key: before!, expectedVersion: before!.version },
  ];
  const admin = adminChange(before, after);
  if (admin) writes.push({ type: 'admin-keys', account: key.account, appKey: key.appKey, change: admin });
  writes.push({ type: 'audit', entry }, ...extra);
  return writes;
}
