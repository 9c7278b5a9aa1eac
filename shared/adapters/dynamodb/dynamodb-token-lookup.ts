// TokenLookup on the table: one strongly consistent GetItem per MAC, so a token committed a moment
// ago (its entry is written in the same transaction) is found by the very next report.
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TokenLookup } from '../../ports/token-lookup';
import { storageCall } from './storage-errors';
import { appKeyOfLookupItem, tokenLookupKey } from './token-lookup-item';

export class DynamoDbTokenLookup implements TokenLookup {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async find(hashKeyId: string, mac: string): Promise<string | null> {
    const out = await storageCall(() =>
      this.db.send(
        new GetCommand({
          TableName: this.tableName,
          Key: tokenLookupKey(hashKeyId, mac),
          ConsistentRead: true,
        }),
      ),
    );
    return appKeyOfLookupItem(out.Item);
  }
}
