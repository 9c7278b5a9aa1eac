// KeyRepository on the table: a key is one GetItem (its partition derived from the appKey), a
// page of an account's keys is one Query (no Scan anywhere), lastUsedAt a best-effort update, and
// the scan's re-expiry bookkeeping a conditional write committed like any other unit of work.
import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ApiKey } from '../../domain/key';
import { iso } from '../../domain/time';
import type { KeyPage, KeyRepository } from '../../ports';
import { DynamoDbUnitOfWork } from './dynamodb-unit-of-work';
import { accountPk, KEY_SK_PREFIX, keyItemKey, keySk } from './item-keys';
import { fromKeyItem } from './key-item';
import { storageCall } from './storage-errors';

export class DynamoDbKeys implements KeyRepository {
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

  async saveKey(key: ApiKey, expectedVersion: number, expectedFlag: ApiKey['renewalFlag']): Promise<void> {
    await this.work.commit([{ type: 'key', key, expectedVersion, expectedFlag }]);
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
}

const idOf = (items: ApiKey[]): string | null => {
  const last = items[items.length - 1];
  return last ? last.appKey.slice(last.appKey.lastIndexOf('-') + 1) : null;
};
