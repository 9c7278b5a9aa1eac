// Keeps a key's search directory entry in step with the key: written in the key's own unit of
// work, so a search can never see a name, status or existence the key does not have.
import { parseAppKey } from '../../domain/ids';
import type { ApiKey } from '../../domain/key';
import { searchEntry as entryOf } from '../../domain/search';
import type { Write } from '../../ports/unit-of-work';

/**
 * The directory write of a change from `before` to `after` (null: created or deleted), or none
 * when the entry would not change (a renewal, a role edit) or the key has no entry yet: a key
 * from before the directory gets one from the backfill, which is guarded against this very change
 * (the key write requires the key still to have no shard, see dynamodb-unit-of-work.ts).
 */
export function directoryWrite(before: ApiKey | null, after: ApiKey | null): Write | undefined {
  const key = (after ?? before)!;
  const shard = key.directoryShard;
  if (shard === undefined) return undefined;
  const base = {
    type: 'directory-entry',
    account: key.account,
    shard,
    id: parseAppKey(key.appKey)!.id,
  } as const;
  const was = before ? entryOf(before) : null;
  const entry = after ? entryOf(after) : null;
  if (was && entry && was.folded === entry.folded && was.status === entry.status) return undefined;
  return { ...base, entry, was };
}
