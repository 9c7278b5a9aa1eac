// The expiry scan's access to the table: Query on the sparse expiry index (never a Scan), the
// scan's conditional bookkeeping writes, and the re-expiry job records.
import {
  DeleteCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { ApiKey } from '../../domain/key';
import { WriteConflict, type DueEntry, type ExpiryIndex, type JobStore, type ReexpiryJob } from '../../ports';
import { JOBS_PK, keyItemKey, reexpiryJobSk } from './item-keys';
import { dueShardOf } from './key-item';
import { storageCall } from './storage-errors';
import { EXPIRY_INDEX } from './table-definition';

export class DynamoDbExpiryIndex implements ExpiryIndex, JobStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async queryDue(
    shard: number,
    until: string,
    after: unknown,
    limit: number,
  ): Promise<{ entries: DueEntry[]; next: unknown }> {
    const out = await storageCall(() =>
      this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: EXPIRY_INDEX.name,
          KeyConditionExpression: '#shard = :shard AND #due <= :until',
          ExpressionAttributeNames: { '#shard': EXPIRY_INDEX.partitionKey, '#due': EXPIRY_INDEX.sortKey },
          ExpressionAttributeValues: { ':shard': `DUE#${shard}`, ':until': until },
          ProjectionExpression: 'appKey, #due',
          ExclusiveStartKey: after as Record<string, unknown> | undefined,
          Limit: limit,
        }),
      ),
    );
    const entries = (out.Items ?? []).map((i) => ({
      appKey: String(i.appKey),
      dueAt: String(i[EXPIRY_INDEX.sortKey]),
    }));
    return { entries, next: out.LastEvaluatedKey };
  }

  async recordWatch(key: ApiKey, expectedVersion: number): Promise<boolean> {
    const values: Record<string, unknown> = { ':flag': key.renewalFlag, ':v': expectedVersion };
    let update = 'SET renewalFlag = :flag';
    if (key.dueAt) {
      update += ', dueAt = :due, dueShard = :shard';
      values[':due'] = key.dueAt;
      values[':shard'] = dueShardOf(key.appKey);
    } else {
      update += ' REMOVE dueAt, dueShard';
    }
    try {
      await storageCall(
        () =>
          this.db.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: keyItemKey(key.appKey)!,
              UpdateExpression: update,
              ConditionExpression: 'attribute_exists(PK) AND version = :v',
              ExpressionAttributeValues: values,
            }),
          ),
        () => new WriteConflict('version'),
      );
      return true;
    } catch (error) {
      if (error instanceof WriteConflict) return false; // the key changed: that write re-derived dueAt
      throw error;
    }
  }

  async putReexpiryJob(job: ReexpiryJob): Promise<void> {
    await storageCall(() =>
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { PK: JOBS_PK, SK: reexpiryJobSk(job.account), ...job },
        }),
      ),
    );
  }

  async listReexpiryJobs(): Promise<ReexpiryJob[]> {
    const out = await storageCall(() =>
      this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': JOBS_PK, ':prefix': 'REEXPIRY#' },
          ConsistentRead: true,
        }),
      ),
    );
    return (out.Items ?? []).map((i) => ({
      account: String(i.account),
      after: (i.after as string | null) ?? null,
      requestedAt: String(i.requestedAt),
    }));
  }

  async finishReexpiryJob(job: ReexpiryJob): Promise<void> {
    try {
      await storageCall(
        () =>
          this.db.send(
            new DeleteCommand({
              TableName: this.tableName,
              Key: { PK: JOBS_PK, SK: reexpiryJobSk(job.account) },
              ConditionExpression: 'requestedAt = :at',
              ExpressionAttributeValues: { ':at': job.requestedAt },
            }),
          ),
        () => new WriteConflict('version'),
      );
    } catch (error) {
      if (!(error instanceof WriteConflict)) throw error; // else a newer settings change owns it now
    }
  }
}
