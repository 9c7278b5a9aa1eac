// KeyStore on one DynamoDB table. Lifecycle changes are one conditional write of the key item;
// only when a change also touches the account's admin-key set or stores an idempotent replay are
// the 2-3 items written in one transaction, so no partial state can ever exist. No Scan anywhere.
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
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
import { accountItemKey, accountPk, idempotencySk, KEY_SK_PREFIX, keyItemKey, keySk } from './item-keys';
import { EXPIRY_INDEX_ATTRIBUTES, fromKeyItem, LIFECYCLE_ATTRIBUTES, toKeyItem } from './key-item';
import { TTL_ATTRIBUTE } from './table-definition';
import { IN_PROGRESS, storageCall } from './storage-errors';

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

export class DynamoDbKeyStore implements KeyStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getKey(appKey: string): Promise<ApiKey | null> {
    const Key = keyItemKey(appKey);
    if (!Key) return null;
    // Strongly consistent: a deactivation must be seen by the very next verification.
    const out = await storageCall(() =>
      this.db.send(new GetCommand({ TableName: this.tableName, Key, ConsistentRead: true })),
    );
    return out.Item ? fromKeyItem(out.Item) : null;
  }

  async saveKey(key: ApiKey, guards: WriteGuards): Promise<void> {
    const keyWrite = this.keyWrite(key, guards.expectedVersion);
    await this.write(keyWrite, key, guards);
  }

  async deleteKey(key: ApiKey, guards: WriteGuards): Promise<void> {
    const deletion: TransactItem = {
      Delete: {
        TableName: this.tableName,
        Key: keyItemKey(key.appKey)!,
        ConditionExpression: '#v = :v',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':v': guards.expectedVersion ?? key.version },
      },
    };
    await this.write(deletion, key, guards);
  }

  /** A create is a Put that requires absence; a change is an Update of the lifecycle attributes. */
  private keyWrite(key: ApiKey, expectedVersion: number | undefined): TransactItem {
    const item = toKeyItem(key);
    if (expectedVersion === undefined) {
      return {
        Put: { TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' },
      };
    }
    const names: Record<string, string> = { '#version': 'version' };
    const values: Record<string, unknown> = { ':expected': expectedVersion };
    const sets = LIFECYCLE_ATTRIBUTES.map((attr, i) => {
      names[`#a${i}`] = attr;
      values[`:a${i}`] = item[attr];
      return `#a${i} = :a${i}`;
    });
    const removes: string[] = [];
    EXPIRY_INDEX_ATTRIBUTES.forEach((attr, i) => {
      names[`#x${i}`] = attr;
      if (item[attr] === undefined) removes.push(`#x${i}`);
      else {
        values[`:x${i}`] = item[attr];
        sets.push(`#x${i} = :x${i}`);
      }
    });
    const update = `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`;
    return {
      Update: {
        TableName: this.tableName,
        Key: { PK: item.PK, SK: item.SK },
        UpdateExpression: update,
        ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  }

  private async write(keyWrite: TransactItem, key: ApiKey, guards: WriteGuards): Promise<void> {
    const items: TransactItem[] = [keyWrite];
    const reasons: Array<'version' | 'last-admin' | 'idempotency'> = ['version'];
    if (guards.admin) {
      items.push(this.adminSetChange(key, guards.admin));
      reasons.push('last-admin');
    }
    if (guards.idempotency) {
      items.push(this.idempotencyPut(guards.idempotency));
      reasons.push('idempotency');
    }
    if (items.length === 1) {
      await storageCall(
        () => this.sendSingle(keyWrite),
        () => new WriteConflict('version'),
      );
      return;
    }
    await storageCall(
      () => this.db.send(new TransactWriteCommand({ TransactItems: items })),
      (failedIndex) =>
        new WriteConflict(
          failedIndex === IN_PROGRESS ? 'in-progress' : (reasons[failedIndex ?? 0] ?? 'version'),
        ),
    );
  }

  /** A lone write needs no transaction: the same item as a plain conditional Put/Update/Delete. */
  private async sendSingle(item: TransactItem): Promise<unknown> {
    if (item.Put) return this.db.send(new PutCommand(item.Put));
    if (item.Update)
      return this.db.send(new UpdateCommand(item.Update as ConstructorParameters<typeof UpdateCommand>[0]));
    return this.db.send(new DeleteCommand(item.Delete as ConstructorParameters<typeof DeleteCommand>[0]));
  }

  /**
   * The account item holds the set of active admin keys. Removing one is conditional on another
   * remaining, which makes the last-admin-key rule hold even under concurrent requests.
   */
  private adminSetChange(key: ApiKey, change: 'add' | 'remove'): TransactItem {
    const base = { TableName: this.tableName, Key: accountItemKey(key.account) };
    if (change === 'add') {
      return {
        Update: {
          ...base,
          UpdateExpression: 'ADD adminKeys :k',
          ExpressionAttributeValues: { ':k': new Set([key.appKey]) },
        },
      };
    }
    return {
      Update: {
        ...base,
        UpdateExpression: 'DELETE adminKeys :k',
        ConditionExpression: 'size(adminKeys) > :one OR NOT contains(adminKeys, :appKey)',
        ExpressionAttributeValues: { ':k': new Set([key.appKey]), ':one': 1, ':appKey': key.appKey },
      },
    };
  }

  private idempotencyPut(record: IdempotencyRecord): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          PK: accountPk(record.account),
          SK: idempotencySk(record.callerAppKey, record.idempotencyKeyHash),
          type: 'idempotency',
          ...record,
          [TTL_ATTRIBUTE]: Math.ceil(record.expiresAtMs / 1000),
        },
        // A record whose TTL passed may still be there (TTL deletes late): it may be replaced.
        ConditionExpression: 'attribute_not_exists(PK) OR expiresAtMs < :now',
        ExpressionAttributeValues: { ':now': record.createdAtMs },
      },
    };
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

  async putSettings(account: string, settings: Settings): Promise<void> {
    await storageCall(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: accountItemKey(account),
          UpdateExpression: 'SET settings = :s',
          ExpressionAttributeValues: { ':s': settings },
        }),
      ),
    );
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
