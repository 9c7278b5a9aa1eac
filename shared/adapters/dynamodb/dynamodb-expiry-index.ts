// The expiry scan's access to the table: Query on the sparse expiry index (never a Scan), the
// scan's conditional bookkeeping writes, and the re-expiry job records.
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../domain/audit';
import { toAuditItems } from './audit-item';
import type { ApiKey } from '../../domain/key';
import { WriteConflict, type DueEntry, type ExpiryIndex, type JobStore, type ReexpiryJob } from '../../ports';
import { JOBS_PK, keyItemKey, REEXPIRY_JOB_SK_PREFIX, reexpiryJobSk } from './item-keys';
import { dueShardOf } from './key-item';
import { partitionPages } from './partition-pages';
import { storageCall } from './storage-errors';
import { EXPIRY_INDEX, EXPIRY_SHARDS, TTL_ATTRIBUTE } from './table-definition';
import { fromJobItem, ttlOf } from './job-item';

/** Where a walk over the due entries stands: the shard, and the position inside it. */
interface DueCursor {
  shard: number;
  key?: Record<string, unknown>;
}

export class DynamoDbExpiryIndex implements ExpiryIndex, JobStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** For the audit entries of raised flags (config AUDIT_RETENTION_DAYS). */
    private readonly auditRetentionDays = 400,
  ) {}

  async queryDue(
    until: string,
    after: unknown,
    limit: number,
  ): Promise<{ entries: DueEntry[]; next: unknown }> {
    let cursor: DueCursor = (after as DueCursor | undefined) ?? { shard: 0 };
    for (;;) {
      const out = await storageCall(() =>
        this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: EXPIRY_INDEX.name,
            KeyConditionExpression: '#shard = :shard AND #due <= :until',
            ExpressionAttributeNames: { '#shard': EXPIRY_INDEX.partitionKey, '#due': EXPIRY_INDEX.sortKey },
            ExpressionAttributeValues: { ':shard': `DUE#${cursor.shard}`, ':until': until },
            ProjectionExpression: 'appKey, #due',
            ExclusiveStartKey: cursor.key,
            Limit: limit,
          }),
        ),
      );
      const entries = (out.Items ?? []).map((i) => ({
        appKey: String(i.appKey),
        dueAt: String(i[EXPIRY_INDEX.sortKey]),
      }));
      const next: DueCursor | undefined = out.LastEvaluatedKey
        ? { shard: cursor.shard, key: out.LastEvaluatedKey }
        : cursor.shard + 1 < EXPIRY_SHARDS
          ? { shard: cursor.shard + 1 }
          : undefined;
      // An empty shard is no page: go on to the next one within this call.
      if (entries.length > 0 || !next) return { entries, next };
      cursor = next;
    }
  }

  async recordWatch(key: ApiKey, expectedVersion: number, flagged?: AuditEntry): Promise<boolean> {
    const values: Record<string, unknown> = { ':flag': key.renewalFlag, ':v': expectedVersion };
    let update = 'SET renewalFlag = :flag';
    if (key.dueAt) {
      update += ', dueAt = :due, dueShard = :shard';
      values[':due'] = key.dueAt;
      values[':shard'] = dueShardOf(key.appKey);
    } else {
      update += ' REMOVE dueAt, dueShard';
    }
    const watch = {
      TableName: this.tableName,
      Key: keyItemKey(key.appKey)!,
      UpdateExpression: update,
      ConditionExpression: 'attribute_exists(PK) AND version = :v',
      ExpressionAttributeValues: values,
    };
    // A raised flag and its audit entry are one transaction; bookkeeping alone stays one update.
    const entries = flagged ? toAuditItems(flagged, this.auditRetentionDays) : [];
    try {
      await storageCall<unknown>(
        () =>
          entries.length === 0
            ? this.db.send(new UpdateCommand(watch))
            : this.db.send(
                new TransactWriteCommand({
                  TransactItems: [
                    { Update: watch },
                    ...entries.map((Item) => ({
                      Put: {
                        TableName: this.tableName,
                        Item,
                        ConditionExpression: 'attribute_not_exists(PK)',
                      },
                    })),
                  ],
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

  async getReexpiryJob(account: string): Promise<ReexpiryJob | null> {
    const out = await storageCall(() =>
      this.db.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { PK: JOBS_PK, SK: reexpiryJobSk(account) },
          ConsistentRead: true,
        }),
      ),
    );
    return out.Item ? fromJobItem(out.Item) : null;
  }

  async listReexpiryJobs(): Promise<ReexpiryJob[]> {
    const jobs: ReexpiryJob[] = [];
    // Records without work only remember a recent wake-up until their TTL removes them.
    const withWork = { expression: 'attribute_exists(#pass)', names: { '#pass': 'pass' } };
    for await (const page of partitionPages(this.db, this.tableName, JOBS_PK, REEXPIRY_JOB_SK_PREFIX, {
      filter: withWork,
    }))
      jobs.push(...page.map(fromJobItem));
    return jobs;
  }

  async saveReexpiryJob(job: ReexpiryJob, expectedRevision: string | null): Promise<boolean> {
    const names: Record<string, string> = {
      '#account': 'account',
      '#revision': 'revision',
      '#requestedAt': 'requestedAt',
      '#pass': 'pass',
      '#ttl': TTL_ATTRIBUTE,
    };
    const values: Record<string, unknown> = {
      ':account': job.account,
      ':revision': job.revision,
      ':requestedAt': job.requestedAt,
    };
    const sets = ['#account = :account', '#revision = :revision', '#requestedAt = :requestedAt'];
    const removes: string[] = [];
    if (job.pass) {
      sets.push('#pass = :pass');
      values[':pass'] = job.pass;
    } else removes.push('#pass');
    if (job.forgetAt) {
      sets.push('#ttl = :ttl');
      values[':ttl'] = ttlOf(job.forgetAt);
    } else removes.push('#ttl');
    let condition = 'attribute_not_exists(PK)';
    if (expectedRevision !== null) {
      condition = '#revision = :expected';
      values[':expected'] = expectedRevision;
    }
    const update = `SET ${sets.join(', ')}` + (removes.length ? ` REMOVE ${removes.join(', ')}` : '');
    return this.conditionalJobUpdate(job.account, update, condition, names, values);
  }

  async claimReexpiryWake(account: string, at: string, notAfter: string): Promise<boolean> {
    return this.conditionalJobUpdate(
      account,
      'SET #wake = :at',
      'attribute_exists(PK) AND (attribute_not_exists(#wake) OR #wake <= :notAfter)',
      { '#wake': 'lastWakeAt' },
      { ':at': at, ':notAfter': notAfter },
    );
  }

  /** True when written, false when the condition failed (someone else's change won). */
  private async conditionalJobUpdate(
    account: string,
    update: string,
    condition: string,
    names: Record<string, string>,
    values: Record<string, unknown>,
  ): Promise<boolean> {
    try {
      await storageCall(
        () =>
          this.db.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: { PK: JOBS_PK, SK: reexpiryJobSk(account) },
              UpdateExpression: update,
              ConditionExpression: condition,
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            }),
          ),
        () => new WriteConflict('version'),
      );
      return true;
    } catch (error) {
      if (error instanceof WriteConflict) return false;
      throw error;
    }
  }
}
