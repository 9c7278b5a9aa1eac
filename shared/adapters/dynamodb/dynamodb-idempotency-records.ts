// IdempotencyRecords on the table: a replay record lives in the caller's account partition, keyed
// by the caller's key and a hash of the Idempotency-Key; it is written with its change.
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IdempotencyRecord, IdempotencyRecords } from '../../ports';
import { accountPk, idempotencySk } from './item-keys';
import { storageCall } from './storage-errors';

export class DynamoDbIdempotencyRecords implements IdempotencyRecords {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

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
