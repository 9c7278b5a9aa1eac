// KeyStore on one DynamoDB table: key and account reads (one GetItem, one Query per page; no Scan
// anywhere), the scan's unaudited bookkeeping writes (committed as a unit of work like every other
// change), and the account item's creation and settings.
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { ApiKey } from '../../domain/key';
import { DEFAULT_SETTINGS, type Settings } from '../../domain/settings';
import { iso } from '../../domain/time';
import {
  WriteConflict,
  type Account,
  type IdempotencyRecord,
  type KeyPage,
  type KeyStore,
  type WriteGuards,
} from '../../ports';
import type { Write } from '../../ports/unit-of-work';
import { DynamoDbUnitOfWork } from './dynamodb-unit-of-work';
import { accountItemKey, accountPk, idempotencySk, KEY_SK_PREFIX, keyItemKey, keySk } from './item-keys';
import { fromKeyItem } from './key-item';
import { storageCall } from './storage-errors';

export class DynamoDbKeyStore implements KeyStore {
  private readonly work: DynamoDbUnitOfWork;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    // Audit retention does not matter here: these writes carry no audit entry.
    this.work = new DynamoDbUnitOfWork(db, tableName, 1);
  }

  async getKey(appKey: string): Promise<ApiKey | null> {
    const Key = keyItemKey(appKey);
    if (!Key) return null;
    // Strongly consistent: a deactivation must be seen by the very next verification.
    const out = await storageCall(() =>
      this.db.send(new GetCommand({ TableName: this.tableName, Key, ConsistentRead: true })),
    );
    return out.Item ? fromKeyItem(out.Item) : null;
  }

  /** A guarded write without an audit entry (the scan's bookkeeping): a unit of work all the same. */
  async saveKey(key: ApiKey, guards: WriteGuards): Promise<void> {
    await this.work.commit(
      this.guarded({ type: 'key', key, expectedVersion: guards.expectedVersion }, key, guards),
    );
  }

  async deleteKey(key: ApiKey, guards: WriteGuards): Promise<void> {
    const expectedVersion = guards.expectedVersion ?? key.version;
    await this.work.commit(this.guarded({ type: 'delete-key', key, expectedVersion }, key, guards));
  }

  private guarded(write: Write, key: ApiKey, guards: WriteGuards): Write[] {
    const writes: Write[] = [write];
    if (guards.admin)
      writes.push({ type: 'admin-keys', account: key.account, appKey: key.appKey, change: guards.admin });
    if (guards.idempotency) writes.push({ type: 'idempotency', record: guards.idempotency });
    return writes;
  }

  async listKeys(
    account: string,
    options: { limit: number; after: string | null; budget: number; accept: (key: ApiKey) => boolean },
  ): Promise<KeyPage> {
    const items: ApiKey[] = [];
    let start: Record<string, unknown> | undefined = options.after
      ? { PK: accountPk(account), SK: keySk(options.after) }
      : undefined;
    let read = 0;
    let lastExamined: string | null = null;
    for (;;) {
      const want = options.limit - items.length + 1;
      const out = await storageCall(() =>
        this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
            ExpressionAttributeValues: { ':pk': accountPk(account), ':prefix': KEY_SK_PREFIX },
            ScanIndexForward: false,
            ExclusiveStartKey: start,
            Limit: Math.min(options.budget - read, Math.max(want, 25)),
            ConsistentRead: true,
          }),
        ),
      );
      for (const raw of out.Items ?? []) {
        read++;
        const key = fromKeyItem(raw);
        if (!options.accept(key)) {
          lastExamined = String(raw.SK).slice(KEY_SK_PREFIX.length);
          continue;
        }
        if (items.length === options.limit) {
          // One more match exists: the page is full and the next one starts after the last item.
          return { items, next: idOf(items) };
        }
        items.push(key);
        lastExamined = String(raw.SK).slice(KEY_SK_PREFIX.length);
      }
      if (!out.LastEvaluatedKey) return { items, next: null };
      start = out.LastEvaluatedKey;
      if (read >= options.budget) {
        // Out of budget for a selective filter: hand back what we have and where to go on.
        return { items, next: lastExamined };
      }
    }
  }

  async touchLastUsed(appKey: string, atMs: number, minIntervalMs: number): Promise<void> {
    const Key = keyItemKey(appKey);
    if (!Key) return;
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key,
          UpdateExpression: 'SET lastUsedAt = :at',
          ConditionExpression:
            'attribute_exists(PK) AND (attribute_not_exists(lastUsedAt) OR lastUsedAt = :null OR lastUsedAt < :threshold)',
          ExpressionAttributeValues: {
            ':at': iso(atMs),
            ':null': null,
            ':threshold': iso(atMs - minIntervalMs),
          },
        }),
      );
    } catch {
      // Best effort by design: a lost lastUsedAt update is corrected by the next authentication.
    }
  }

  async getAccount(account: string): Promise<Account | null> {
    const out = await storageCall(() =>
      this.db.send(
        new GetCommand({ TableName: this.tableName, Key: accountItemKey(account), ConsistentRead: true }),
      ),
    );
    if (!out.Item) return null;
    return {
      account,
      createdAt: String(out.Item.createdAt),
      settings: { ...DEFAULT_SETTINGS, ...(out.Item.settings as Partial<Settings> | undefined) },
    };
  }

  async ensureAccount(account: string, nowMs: number): Promise<Account> {
    try {
      await storageCall(
        () =>
          this.db.send(
            new PutCommand({
              TableName: this.tableName,
              Item: { ...accountItemKey(account), type: 'account', account, createdAt: iso(nowMs) },
              ConditionExpression: 'attribute_not_exists(PK)',
            }),
          ),
        () => new WriteConflict('version'),
      );
    } catch (error) {
      if (!(error instanceof WriteConflict)) throw error; // it already exists: fine
    }
    return (await this.getAccount(account))!;
  }

  async getIdempotencyRecord(
    account: string,
    callerAppKey: string,
    idempotencyKeyHash: string,
  ): Promise<IdempotencyRecord | null> {
    const out = await storageCall(() =>
      this.db.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { PK: accountPk(account), SK: idempotencySk(callerAppKey, idempotencyKeyHash) },
          ConsistentRead: true,
        }),
      ),
    );
    return out.Item ? (out.Item as unknown as IdempotencyRecord) : null;
  }
}

const idOf = (items: ApiKey[]): string | null => {
  const last = items[items.length - 1];
  return last ? last.appKey.slice(last.appKey.lastIndexOf('-') + 1) : null;
};
