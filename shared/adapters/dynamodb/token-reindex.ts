// The re-index of the token lookup for tokens issued before it existed (npm run reindex-tokens).
// Key items live in their accounts' partitions and nothing lists the accounts, so this one-off
// admin command walks the table with a paginated Scan (filtered to key items, projected to what
// it needs): never in a request path, resumable from the cursor printed after every page.
// Safe while the service serves: each entry is put in a transaction with a check that the key
// still has the version read, so a token deleted meanwhile never gets a stale entry; an entry
// that exists already (written by the key's own change, or by an earlier run) is left alone.
import {
  GetCommand,
  ScanCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { ApiKey } from '../../domain/key';
import { WriteConflict } from '../../ports';
import { keyItemKey } from './item-keys';
import { fromKeyItem } from './key-item';
import { storageCall } from './storage-errors';
import { toTokenLookupItem } from './token-lookup-item';

export interface ReindexPage {
  keys: number;
  written: number;
  /** Where the next page starts; null when the table is done. */
  next: string | null;
}

const KEY_CHECK = 0;
const ATTEMPTS = 5;

export class DynamoDbTokenReindex {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async page(cursor: string | null, pageSize = 100): Promise<ReindexPage> {
    const out = await storageCall(() =>
      this.db.send(
        new ScanCommand({
          TableName: this.tableName,
          FilterExpression: '#type = :key',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':key': 'key' },
          ExclusiveStartKey: cursor
            ? (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as never)
            : undefined,
          Limit: pageSize,
        }),
      ),
    );
    let written = 0;
    for (const item of out.Items ?? []) written += await this.indexKey(fromKeyItem(item));
    const next = out.LastEvaluatedKey
      ? Buffer.from(JSON.stringify(out.LastEvaluatedKey)).toString('base64url')
      : null;
    return { keys: out.Items?.length ?? 0, written, next };
  }

  /** Writes the missing entries of one key's tokens; re-reads the key if it changes meanwhile. */
  private async indexKey(first: ApiKey): Promise<number> {
    let key: ApiKey | null = first;
    let written = 0;
    for (let attempt = 0; key && attempt < ATTEMPTS; attempt++) {
      try {
        for (const token of key.tokens) written += await this.put(key, token.hashKeyId, token.hash);
        return written;
      } catch (error) {
        if (!(error instanceof WriteConflict)) throw error;
        key = await this.read(key.appKey);
      }
    }
    if (key) throw new Error(`key ${key.appKey} kept changing; run the re-index again`);
    return written;
  }

  /** 1 when the entry was written, 0 when it existed; WriteConflict when the key changed. */
  private async put(key: ApiKey, hashKeyId: string, mac: string): Promise<number> {
    let failed: number | undefined;
    await storageCall(
      () =>
        this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                ConditionCheck: {
                  TableName: this.tableName,
                  Key: keyItemKey(key.appKey)!,
                  ConditionExpression: '#v = :v',
                  ExpressionAttributeNames: { '#v': 'version' },
                  ExpressionAttributeValues: { ':v': key.version },
                },
              },
              {
                Put: {
                  TableName: this.tableName,
                  Item: toTokenLookupItem({ hashKeyId, mac, appKey: key.appKey }),
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
            ],
          }),
        ),
      (index) => ((failed = index), new WriteConflict('version')),
    ).catch((error: unknown) => {
      // Only the entry's own condition failing means "already there"; anything else is a change.
      if (error instanceof WriteConflict && failed !== undefined && failed !== KEY_CHECK && failed >= 0)
        return;
      throw error;
    });
    return failed === undefined ? 1 : 0;
  }

  private async read(appKey: string): Promise<ApiKey | null> {
    const out = await storageCall(() =>
      this.db.send(
        new GetCommand({ TableName: this.tableName, Key: keyItemKey(appKey)!, ConsistentRead: true }),
      ),
    );
    return out.Item ? fromKeyItem(out.Item) : null;
  }
}
