// RoleStore and GrantStore on the table (see access-item.ts and grant-item.ts for the layout).
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RoleCatalog } from '../../domain/roles';
import type { ExternalGrant } from '../../domain/external-grant';
import type { GrantStore, RoleStore } from '../../ports/roles';
import { accessItemKey, toCatalog } from './access-item';
import { fromGrantItem, grantItemKey, GRANT_SK_PREFIX } from './grant-item';
import { accountPk } from './item-keys';
import { partitionPages } from './partition-pages';
import { storageCall } from './storage-errors';

export class DynamoDbAccess implements RoleStore, GrantStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getCatalog(account: string): Promise<RoleCatalog> {
    // Consistent: a use case judges a change on it, and the cache in front of it keeps reads rare.
    const out = await storageCall(() =>
      this.db.send(
        new GetCommand({ TableName: this.tableName, Key: accessItemKey(account), ConsistentRead: true }),
      ),
    );
    return toCatalog(out.Item);
  }

  async getGrant(account: string, appKey: string): Promise<ExternalGrant | null> {
    const out = await storageCall(() =>
      this.db.send(
        new GetCommand({
          TableName: this.tableName,
          Key: grantItemKey(account, appKey),
          ConsistentRead: true,
        }),
      ),
    );
    return out.Item ? fromGrantItem(out.Item) : null;
  }

  async listGrants(account: string): Promise<ExternalGrant[]> {
    const grants: ExternalGrant[] = [];
    for await (const page of partitionPages(this.db, this.tableName, accountPk(account), GRANT_SK_PREFIX))
      grants.push(...page.map(fromGrantItem));
    return grants;
  }
}
