// The backfill of the search directory for accounts whose keys predate it (npm run
// backfill-directory). Until it has run, a search in such an account pages through the keys as
// before (search-keys.ts); its last step marks the directory complete and searches switch over.
// Safe while the service serves and idempotent: entries go in batches of one shard update plus
// each key's `directoryShard`, in one transaction that requires every key to be still at the
// version read and without a shard, so a key changed or deleted meanwhile is re-read, and a key
// that already has an entry (created after the directory existed, or backfilled before) is skipped.
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { parseAppKey } from '../../domain/ids';
import type { ApiKey } from '../../domain/key';
import { searchEntry as entryOf } from '../../domain/search';
import { WriteConflict } from '../../ports';
import { DynamoDbKeyDirectory } from './dynamodb-key-directory';
import {
  bucketOf,
  bucketsUpdate,
  entryBytes,
  hasRoom,
  rewriteBucket,
  shardState,
  type ShardState,
} from './directory-item';
import { accountPk, directoryShardKey, KEY_SK_PREFIX, keyItemKey } from './item-keys';
import { fromKeyItem } from './key-item';
import { partitionPages } from './partition-pages';
import { storageCall } from './storage-errors';

/** A transaction holds at most 100 items: one shard update and up to 99 keys. */
const BATCH = 99;
/** Lost races in a row before giving up (a busy account: run it again later). */
const ATTEMPTS = 20;

interface Room {
  shard: number;
  state: ShardState;
}

export class DynamoDbDirectoryBackfill {
  private readonly directory: DynamoDbKeyDirectory;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.directory = new DynamoDbKeyDirectory(db, tableName);
  }

  /** Gives every key of `account` its entry, then marks the directory complete. */
  async account(account: string): Promise<{ keys: number; written: number }> {
    let room = await this.room(account);
    let keys = 0;
    let written = 0;
    for await (const items of partitionPages(this.db, this.tableName, accountPk(account), KEY_SK_PREFIX)) {
      const page = items.map(fromKeyItem);
      keys += page.length;
      let todo = page.filter((k) => k.directoryShard === undefined);
      for (let lost = 0; todo.length > 0;) {
        const batch = this.fit(todo, room);
        if (batch.length === 0) {
          await this.directory.advance(account, room.shard);
          room = await this.room(account);
          continue;
        }
        if (await this.write(batch, room)) {
          written += batch.length;
          todo = todo.slice(batch.length);
          lost = 0;
          continue;
        }
        if (++lost >= ATTEMPTS) throw new Error(`backfill of ${account} kept losing races; run it again`);
        // Someone else wrote meanwhile: re-read the shard's room and the batch's keys.
        room = await this.room(account);
        todo = [...(await this.reread(batch)), ...todo.slice(batch.length)];
      }
    }
    await this.directory.markComplete(account);
    return { keys, written };
  }

  /** The longest prefix of `todo` that the open shard still has room for. */
  private fit(todo: ApiKey[], room: Room): ApiKey[] {
    let bytes = 0;
    const batch: ApiKey[] = [];
    for (const key of todo.slice(0, BATCH)) {
      bytes += entryBytes(idOf(key), entryOf(key));
      if (!hasRoom(room.state, batch.length + 1, bytes)) break;
      batch.push(key);
    }
    return batch;
  }

  /** One transaction: the batch's buckets rewritten (as read) and each key marked with the shard. */
  private async write(batch: ApiKey[], room: Room): Promise<boolean> {
    const next: Record<string, string> = {};
    let bytes = 0;
    for (const key of batch) {
      const bucket = bucketOf(idOf(key));
      next[bucket] = rewriteBucket(next[bucket] ?? room.state.buckets[bucket] ?? '', idOf(key), entryOf(key));
      bytes += entryBytes(idOf(key), entryOf(key));
    }
    const account = batch[0]!.account;
    const keyUpdates = batch.map((key) => ({
      Update: {
        TableName: this.tableName,
        Key: keyItemKey(key.appKey)!,
        UpdateExpression: 'SET #dir = :shard',
        ConditionExpression: '#v = :v AND attribute_not_exists(#dir)',
        ExpressionAttributeNames: { '#dir': 'directoryShard', '#v': 'version' },
        ExpressionAttributeValues: { ':shard': room.shard, ':v': key.version },
      },
    }));
    const added = { entries: batch.length, bytes };
    const shardUpdate = {
      Update: bucketsUpdate(this.tableName, account, room.shard, room.state, next, added),
    };
    try {
      await storageCall(
        () => this.db.send(new TransactWriteCommand({ TransactItems: [shardUpdate, ...keyUpdates] })),
        () => new WriteConflict('version'),
      );
    } catch (error) {
      if (error instanceof WriteConflict) return false;
      throw error;
    }
    room.state = {
      entries: room.state.entries + batch.length,
      bytes: room.state.bytes + bytes,
      buckets: { ...room.state.buckets, ...next },
    };
    return true;
  }

  private async room(account: string): Promise<Room> {
    const shard = await this.directory.openShard(account);
    const out = await storageCall(() =>
      this.db.send(
        new GetCommand({
          TableName: this.tableName,
          Key: directoryShardKey(account, shard),
          ConsistentRead: true,
        }),
      ),
    );
    return { shard, state: shardState(out.Item) };
  }

  /** The keys of a batch as they are now, those still without an entry. */
  private async reread(batch: ApiKey[]): Promise<ApiKey[]> {
    const now = await Promise.all(
      batch.map(async (key) => {
        const out = await storageCall(() =>
          this.db.send(
            new GetCommand({ TableName: this.tableName, Key: keyItemKey(key.appKey)!, ConsistentRead: true }),
          ),
        );
        return out.Item ? fromKeyItem(out.Item) : null;
      }),
    );
    return now.filter((k): k is ApiKey => k !== null && k.directoryShard === undefined);
  }
}

const idOf = (key: ApiKey): string => parseAppKey(key.appKey)!.id;
