// The search directory's items (see item-keys.ts): a shard holds up to DIRECTORY_SHARD_CAPACITY
// entries in one map `e` (ULID -> status letter + folded name), so one entry is set or removed by
// its own map path: concurrent changes of different keys never overwrite each other's entries.
import type { DirectoryEntry } from '../../ports/key-directory';
import type { DirectoryEntryValue, Write } from '../../ports/unit-of-work';
import { directoryShardKey } from './item-keys';

/**
 * Entries per shard: a search reads one item per 1,000 keys. Typical names (20-40 characters)
 * make a full shard 50-70 KB. A name may be 100 code points of up to 4 bytes, so the shard also
 * counts its bytes (`b`) and takes no new entry past DIRECTORY_SHARD_BYTES: renames may still grow
 * it, by at most ~400 bytes an entry, which keeps it under the 400 KB item limit in every case.
 */
export const DIRECTORY_SHARD_CAPACITY = 1_000;
export const DIRECTORY_SHARD_BYTES = 200_000;

/** What an entry adds to the item's size: its map key and its value (DynamoDB counts UTF-8). */
export const entryBytes = (id: string, entry: DirectoryEntryValue | null): number =>
  entry ? Buffer.byteLength(id) + Buffer.byteLength(encodeEntry(entry)) : 0;

export const encodeEntry = (entry: DirectoryEntryValue): string =>
  `${entry.status === 'active' ? 'a' : 'i'}${entry.folded}`;

export function decodeEntries(e: Record<string, unknown> | undefined): DirectoryEntry[] {
  return Object.entries(e ?? {}).map(([id, value]) => {
    const v = String(value);
    return { id, status: v.startsWith('a') ? 'active' : 'inactive', folded: v.slice(1) };
  });
}

/** An empty shard, created before any entry goes in (a map path cannot be set in a missing map). */
export const emptyShard = (account: string, shard: number): Record<string, unknown> => ({
  ...directoryShardKey(account, shard),
  type: 'directory-shard',
  e: {},
  b: 0,
});

type EntryWrite = Extract<Write, { type: 'directory-entry' }>;

/**
 * The update of one entry, by its own map path (so writes of different keys to one shard never
 * overwrite each other). A new entry requires room; a rename or a removal never fails.
 */
export function entryUpdate(tableName: string, write: EntryWrite) {
  const delta = entryBytes(write.id, write.entry) - entryBytes(write.id, write.was);
  const names = { '#id': write.id };
  const base = { TableName: tableName, Key: directoryShardKey(write.account, write.shard) };
  if (!write.entry)
    return {
      ...base,
      UpdateExpression: 'REMOVE e.#id ADD b :delta',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':delta': delta },
    };
  const set = { ...base, UpdateExpression: 'SET e.#id = :v ADD b :delta', ExpressionAttributeNames: names };
  if (write.was)
    return { ...set, ExpressionAttributeValues: { ':v': encodeEntry(write.entry), ':delta': delta } };
  return {
    ...set,
    ConditionExpression: 'size(e) < :cap AND b <= :room',
    ExpressionAttributeValues: {
      ':v': encodeEntry(write.entry),
      ':delta': delta,
      ':cap': DIRECTORY_SHARD_CAPACITY,
      ':room': DIRECTORY_SHARD_BYTES - delta,
    },
  };
}
