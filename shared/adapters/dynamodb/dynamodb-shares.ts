// ShareLinks on the table: one strongly consistent GetItem by id (an opened link must read as gone
// at once).
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ShareRecord } from '../../domain/share';
import type { ShareLinks } from '../../ports';
import { fromShareItem, shareItemKey } from './share-item';
import { storageCall } from './storage-errors';

export class DynamoDbShares implements ShareLinks {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getShare(id: string): Promise<ShareRecord | null> {
    const out = await storageCall(() =>
      this.db.send(
        new GetCommand({ TableName: this.tableName, Key: shareItemKey(id), ConsistentRead: true }),
      ),
    );
    return out.Item ? fromShareItem(out.Item) : null;
  }
}
