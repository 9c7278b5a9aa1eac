// The search directory's items (see item-keys.ts). A shard holds up to DIRECTORY_SHARD_CAPACITY
// entries in a map `e` of DIRECTORY_BUCKETS strings, one line per entry: `{ULID}{a|i}{folded name}`.
// Why strings and not one map entry per key: reading 10,000 map entries costs DynamoDB and the SDK
// ~125 ms here, 10,000 lines in 640 strings ~13 ms. Why buckets and not one string per shard: an
// entry is changed by rewriting its bucket on the condition that the bucket is still as read, so
// two changes collide only when their keys share a bucket (1 in 64), not on every create.
// `n` counts the entries and `b` their bytes, so a shard is known full without reading it whole.
import type { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { KeyStatus } from '../../domain/key';
import type { DirectoryEntry } from '../../ports/key-directory';
import type { DirectoryEntryValue } from '../../ports/unit-of-work';
import { directoryShardKey } from './item-keys';

/**
 * Entries per shard: a search reads one item per 1,000 keys. Typical names (20-40 characters)
 * make a full shard 50-70 KB. A name may be 100 code points of up to 4 bytes, so the shard also
 * counts its bytes (`b`) and takes no new entry past DIRECTORY_SHARD_BYTES: renames may still grow
 * it, by at most ~400 bytes an entry, which keeps it under the 400 KB item limit in every case.
 */
export const DIRECTORY_SHARD_CAPACITY = 1_000;
export const DIRECTORY_SHARD_BYTES = 200_000;
export const DIRECTORY_BUCKETS = 64;
const ID_LENGTH = 26;

/** The bucket of a key's entry: a stable hash (FNV-1a) of its ULID, even over the buckets. */
export function bucketOf(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return String(hash % DIRECTORY_BUCKETS);
}

/** One line; a line break in a name (allowed, if odd) is stored as a space. */
export const encodeEntry = (id: string, entry: DirectoryEntryValue): string =>
  `${id}${entry.status === 'active' ? 'a' : 'i'}${entry.folded.replace(/[\r\n]/g, ' ')}`;

/** What an entry adds to the item's size (DynamoDB counts UTF-8), with its line break. */
export const entryBytes = (id: string, entry: DirectoryEntryValue | null): number =>
  entry ? Buffer.byteLength(encodeEntry(id, entry)) + 1 : 0;

export function decodeBucket(text: string): DirectoryEntry[] {
  if (!text) return [];
  return text.split('\n').map((line) => ({
    id: line.slice(0, ID_LENGTH),
    status: (line[ID_LENGTH] === 'a' ? 'active' : 'inactive') as KeyStatus,
    folded: line.slice(ID_LENGTH + 1),
  }));
}

/** The bucket with `id`'s line replaced by `entry`'s (or removed, when null). */
export function rewriteBucket(text: string, id: string, entry: DirectoryEntryValue | null): string {
  const lines = text ? text.split('\n').filter((line) => !line.startsWith(id)) : [];
  if (entry) lines.push(encodeEntry(id, entry));
  return lines.join('\n');
}

/** An empty shard, created before any entry goes in (a map path cannot be set in a missing map). */
export const emptyShard = (account: string, shard: number): Record<string, unknown> => ({
  ...directoryShardKey(account, shard),
  type: 'directory-shard',
  e: {},
  n: 0,
  b: 0,
});

/** Reads what a rewrite needs of a shard: its counts and the named buckets (strongly consistent). */
export function shardRead(
  tableName: string,
  account: string,
  shard: number,
  buckets: readonly string[],
): ConstructorParameters<typeof GetCommand>[0] {
  const names: Record<string, string> = { '#e': 'e', '#n': 'n', '#b': 'b' };
  buckets.forEach((bucket, i) => (names[`#k${i}`] = bucket));
  return {
    TableName: tableName,
    Key: directoryShardKey(account, shard),
    ProjectionExpression: ['#n', '#b', ...buckets.map((_, i) => `#e.#k${i}`)].join(', '),
    ExpressionAttributeNames: names,
    ConsistentRead: true,
  };
}

export interface ShardState {
  entries: number;
  bytes: number;
  buckets: Record<string, string>;
}

export const shardState = (item: Record<string, unknown> | undefined): ShardState => ({
  entries: Number(item?.n ?? 0),
  bytes: Number(item?.b ?? 0),
  buckets: (item?.e ?? {}) as Record<string, string>,
});

/**
 * The update that rewrites `next` buckets of a shard, on the condition that each is still as read
 * in `state` (absent when it was absent) and, when it adds entries, that they still fit.
 */
export function bucketsUpdate(
  tableName: string,
  account: string,
  shard: number,
  state: ShardState,
  next: Record<string, string>,
  added: { entries: number; bytes: number },
) {
  const names: Record<string, string> = { '#e': 'e', '#n': 'n', '#b': 'b' };
  const values: Record<string, unknown> = { ':dn': added.entries, ':db': added.bytes };
  const sets: string[] = [];
  const conditions: string[] = [];
  Object.entries(next).forEach(([bucket, text], i) => {
    names[`#k${i}`] = bucket;
    values[`:v${i}`] = text;
    sets.push(`#e.#k${i} = :v${i}`);
    const was = state.buckets[bucket];
    if (was === undefined) conditions.push(`attribute_not_exists(#e.#k${i})`);
    else {
      values[`:o${i}`] = was;
      conditions.push(`#e.#k${i} = :o${i}`);
    }
  });
  if (added.entries > 0) {
    values[':cap'] = DIRECTORY_SHARD_CAPACITY - added.entries;
    values[':room'] = DIRECTORY_SHARD_BYTES - added.bytes;
    conditions.push('#n <= :cap AND #b <= :room');
  }
  return {
    TableName: tableName,
    Key: directoryShardKey(account, shard),
    UpdateExpression: `SET ${sets.join(', ')} ADD #n :dn, #b :db`,
    ConditionExpression: `attribute_exists(PK) AND ${conditions.join(' AND ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** Whether `state` has room for `entries` more entries of `bytes` bytes. */
export const hasRoom = (state: ShardState, entries: number, bytes: number): boolean =>
  state.entries + entries <= DIRECTORY_SHARD_CAPACITY && state.bytes + bytes <= DIRECTORY_SHARD_BYTES;
