// AccountRepository on the table: the account item (its settings and its set of admin keys).
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_SETTINGS, type Settings } from '../../domain/settings';
import { iso } from '../../domain/time';
import { WriteConflict, type Account, type AccountRepository } from '../../ports';
import { accountItemKey } from './item-keys';
import { storageCall } from './storage-errors';

export class DynamoDbAccounts implements AccountRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

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
}
