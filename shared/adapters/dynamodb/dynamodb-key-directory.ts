// KeyDirectory on the table: the head and shard items of an account share its partition, so a
// search reads them all with one Query (1 + keys/1,000 items), then fetches its page of keys with
// one BatchGetItem. Shards fill in order: new keys go to the open shard (the head says which);
// when it is full, the next one is created and the head moved, both in one small transaction.
import {
  BatchGetCommand,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { UnavailableError } from '../../domain/errors';
import type { ApiKey } from '../../domain/key';
import type { DirectoryEntry, KeyDirectory } from '../../ports/key-directory';
import { decodeBucket, emptyShard } from './directory-item';
import {
  accountPk,
  DIRECTORY_HEAD_SK,
  DIRECTORY_SK_PREFIX,
  directoryHeadKey,
  KEY_SK_PREFIX,
  keySk,
} from './item-keys';
import { fromKeyItem } from './key-item';
import { partitionPages } from './partition-pages';
import { storageCall } from './storage-errors';

/** BatchGetItem's limit of keys per request. */
const BATCH_GET = 100;
/** Requests for one batch while DynamoDB leaves keys unprocessed. */
const BATCH_GET_ATTEMPTS = 5;

export class DynamoDbKeyDirectory implements KeyDirectory {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async entries(account: string, hint?: string): Promise<DirectoryEntry[] | null> {
    const entries: DirectoryEntry[] = [];
    let head = true;
    // Strongly consistent, like the list: a key created a moment ago is found. Backwards, so the
    // head ('DIRHEAD' sorts after every 'DIR#…' shard) comes first: a directory the backfill has
    // not completed is known before any shard is read beyond the first page.
    const pages = partitionPages(this.db, this.tableName, accountPk(account), DIRECTORY_SK_PREFIX, {
      backward: true,
    });
    for await (const page of pages)
      for (const item of page) {
        if (head) {
          if (item.SK !== DIRECTORY_HEAD_SK || item.complete !== true) return null;
          head = false;
          continue;
        }
        for (const value of Object.values(item.e ?? {})) {
          const text = String(value);
          // A bucket that does not contain the hint anywhere holds no entry that could.
          if (hint && !text.toLowerCase().includes(hint)) continue;
          entries.push(...decodeBucket(text));
        }
      }
    // No item at all: the account has no directory yet.
    return head ? null : entries;
  }

  async keys(account: string, ids: readonly string[]): Promise<ApiKey[]> {
    const found = new Map<string, ApiKey>();
    for (let i = 0; i < ids.length; i += BATCH_GET) {
      let keys: Record<string, unknown>[] = ids
        .slice(i, i + BATCH_GET)
        .map((id) => ({ PK: accountPk(account), SK: keySk(id) }));
      for (let attempt = 0; keys.length > 0; attempt++) {
        // Unprocessed keys come back when DynamoDB is busy: ask again, a little later each time,
        // and a few times only (~310 ms in all): a partition that stays throttled is an outage.
        if (attempt >= BATCH_GET_ATTEMPTS) throw new UnavailableError(1, 'BatchGetUnprocessed');
        if (attempt > 0) await new Promise((r) => setTimeout(r, 10 * 2 ** attempt));
        const out = await storageCall(() =>
          this.db.send(
            new BatchGetCommand({
              RequestItems: { [this.tableName]: { Keys: keys, ConsistentRead: true } },
            }),
          ),
        );
        for (const item of out.Responses?.[this.tableName] ?? []) {
          const key = fromKeyItem(item);
          found.set(String(item.SK).slice(KEY_SK_PREFIX.length), key);
        }
        keys = (out.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Record<string, unknown>[];
      }
    }
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  async openShard(account: string): Promise<number> {
    for (;;) {
      const head = await this.head(account);
      if (head) return head.open;
      // The account's first directory write. It is complete from the start unless the account
      // already has keys from before the directory: those wait for the backfill.
      const complete = !(await this.hasKeys(account));
      const created = await this.transact([
        {
          Put: {
            TableName: this.tableName,
            Item: { ...directoryHeadKey(account), type: 'directory-head', open: 0, version: 0, complete },
          },
        },
        { Put: { TableName: this.tableName, Item: emptyShard(account, 0) } },
      ]);
      if (created) return 0;
    }
  }

  async advance(account: string, full: number): Promise<void> {
    // Loses harmlessly to a concurrent advance: the head then already points past `full`.
    await this.transact([
      {
        Update: {
          TableName: this.tableName,
          Key: directoryHeadKey(account),
          // `version` (= the open shard, so it only grows) lets the local write guard's read-back
          // prove the advance landed (write-evidence.ts), whatever creates did to the new shard since.
          UpdateExpression: 'SET #open = :next, #version = :next',
          ConditionExpression: '#open = :full',
          ExpressionAttributeNames: { '#open': 'open', '#version': 'version' },
          ExpressionAttributeValues: { ':next': full + 1, ':full': full },
        },
      },
      { Put: { TableName: this.tableName, Item: emptyShard(account, full + 1) } },
    ]);
  }

  /** Marks the directory complete: every key has its entry (the backfill's last step). */
  async markComplete(account: string): Promise<void> {
    await storageCall(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: directoryHeadKey(account),
          UpdateExpression: 'SET complete = :yes',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':yes': true },
        }),
      ),
    );
  }

  async head(account: string): Promise<{ open: number; complete: boolean } | null> {
    const out = await storageCall(() =>
      this.db.send(
        new GetCommand({ TableName: this.tableName, Key: directoryHeadKey(account), ConsistentRead: true }),
      ),
    );
    return out.Item ? { open: Number(out.Item.open), complete: out.Item.complete === true } : null;
  }

  private async hasKeys(account: string): Promise<boolean> {
    const out = await storageCall(() =>
      this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': accountPk(account), ':prefix': KEY_SK_PREFIX },
          ProjectionExpression: 'PK',
          Limit: 1,
          ConsistentRead: true,
        }),
      ),
    );
    return (out.Items ?? []).length > 0;
  }

  /** Whether the writes happened; false when a condition failed (another request got there first). */
  private async transact(
    items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>,
  ): Promise<boolean> {
    const guarded = items.map((item) =>
      item.Put ? { Put: { ...item.Put, ConditionExpression: 'attribute_not_exists(PK)' } } : item,
    );
    try {
      await storageCall(
        () => this.db.send(new TransactWriteCommand({ TransactItems: guarded })),
        () => new LostRace(),
      );
      return true;
    } catch (error) {
      if (error instanceof LostRace) return false;
      throw error;
    }
  }
}

class LostRace extends Error {}
