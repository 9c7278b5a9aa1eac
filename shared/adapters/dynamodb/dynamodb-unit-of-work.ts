// UnitOfWork on one DynamoDB table: the writes of one change become the items of one
// TransactWriteItems (or, for a lone write, one plain conditional write, which costs half as much),
// so no partial change and no change without its audit entry can ever exist.
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { ApiKey, RenewalFlag } from '../../domain/key';
import { WriteConflict, type WriteConflictReason } from '../../ports';
import type { UnitOfWork, Write } from '../../ports/unit-of-work';
import { toAuditItems } from './audit-item';
import { shareItemKey, toShareItem } from './share-item';
import { iso } from '../../domain/time';
import { accountItemKey, accountPk, idempotencySk, keyItemKey } from './item-keys';
import { EXPIRY_INDEX_ATTRIBUTES, LIFECYCLE_ATTRIBUTES, toKeyItem } from './key-item';
import { IN_PROGRESS, storageCall } from './storage-errors';
import { TTL_ATTRIBUTE } from './table-definition';
import { tokenLookupKey, toTokenLookupItem } from './token-lookup-item';
import { countsUpdate, roleDefinitionUpdate, roleRemoval } from './access-item';
import { grantItemKey, toGrantItem } from './grant-item';
import {
  bucketOf,
  bucketsUpdate,
  entryBytes,
  hasRoom,
  rewriteBucket,
  shardRead,
  shardState,
} from './directory-item';

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

/** One DynamoDB item write, and what its failed condition means. */
interface ItemWrite {
  item: TransactItem;
  onConflict: WriteConflictReason;
}

export class DynamoDbUnitOfWork implements UnitOfWork {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly auditRetentionDays: number,
  ) {}

  async commit(writes: readonly Write[]): Promise<void> {
    const items: ItemWrite[] = [];
    for (const w of writes)
      items.push(...(w.type === 'directory-entry' ? [await this.entryWrite(w)] : this.itemWrites(w)));
    if (items.length === 1) {
      const [only] = items;
      await storageCall(
        () => this.sendSingle(only!.item),
        () => new WriteConflict(only!.onConflict),
      );
      return;
    }
    await storageCall(
      () => this.db.send(new TransactWriteCommand({ TransactItems: items.map((w) => w.item) })),
      (failedIndex) =>
        new WriteConflict(
          failedIndex === IN_PROGRESS ? 'in-progress' : (items[failedIndex ?? 0]?.onConflict ?? 'version'),
        ),
    );
  }

  private itemWrites(write: Write): ItemWrite[] {
    const TableName = this.tableName;
    switch (write.type) {
      case 'key':
        return [
          {
            item: this.keyWrite(write.key, write.expectedVersion, write.expectedFlag),
            onConflict: 'version',
          },
        ];
      case 'delete-key': {
        const deleteNames: Record<string, string> = { '#v': 'version' };
        return [
          {
            item: {
              Delete: {
                TableName,
                Key: keyItemKey(write.key.appKey)!,
                ConditionExpression: `#v = :v${unshardedCondition(write.key, deleteNames)}`,
                ExpressionAttributeNames: deleteNames,
                ExpressionAttributeValues: { ':v': write.expectedVersion },
              },
            },
            onConflict: 'version',
          },
        ];
      }
      case 'directory-entry':
        throw new Error('a directory entry is written by entryWrite');
      case 'admin-keys':
        return [
          {
            item: this.adminSetChange(write.account, write.appKey, write.change, write.force),
            onConflict: 'last-admin',
          },
        ];
      case 'idempotency': {
        const { record } = write;
        return [
          {
            item: {
              Put: {
                TableName,
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
            },
            onConflict: 'idempotency',
          },
        ];
      }
      case 'audit':
        // Entry ids are ULIDs: a collision is a defect, never a race to retry.
        return toAuditItems(write.entry, this.auditRetentionDays).map((Item) => ({
          item: { Put: { TableName, Item, ConditionExpression: 'attribute_not_exists(PK)' } },
          onConflict: 'version',
        }));
      case 'share':
        return [
          {
            item: {
              Put: {
                TableName,
                Item: toShareItem(write.record),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            onConflict: 'version',
          },
        ];
      case 'delete-share':
        return [{ item: { Delete: { TableName, Key: shareItemKey(write.shareId) } }, onConflict: 'version' }];
      case 'open-share':
        // One conditional delete: of concurrent opens with the right secret exactly one wins, and a
        // record past its expiry (TTL deletes late) cannot be opened.
        return [
          {
            item: {
              Delete: {
                TableName,
                Key: shareItemKey(write.record.id),
                ConditionExpression: 'secretHash = :h AND expiresAt > :now',
                ExpressionAttributeValues: { ':h': write.record.secretHash, ':now': iso(write.nowMs) },
              },
            },
            onConflict: 'version',
          },
        ];
      case 'clear-key-share':
        return [
          {
            item: {
              Update: {
                TableName,
                Key: keyItemKey(write.appKey)!,
                // A new version, so a change read before the open cannot write the link back.
                UpdateExpression: 'SET #share = :null, #v = #v + :one, #updated = :at',
                ConditionExpression: '#share.#id = :id',
                ExpressionAttributeNames: {
                  '#share': 'share',
                  '#id': 'id',
                  '#v': 'version',
                  '#updated': 'updatedAt',
                },
                ExpressionAttributeValues: {
                  ':null': null,
                  ':id': write.shareId,
                  ':one': 1,
                  ':at': iso(write.nowMs),
                },
              },
            },
            onConflict: 'version',
          },
        ];
      case 'settings':
        return [
          {
            item: {
              Update: {
                TableName,
                Key: accountItemKey(write.account),
                UpdateExpression: 'SET settings = :s',
                ConditionExpression: 'attribute_exists(PK)',
                ExpressionAttributeValues: { ':s': write.settings },
              },
            },
            onConflict: 'version',
          },
        ];
      case 'token-lookup':
        // A MAC is 256 bits of a fresh random token: an existing entry is a defect, never a race.
        return [
          {
            item: {
              Put: {
                TableName,
                Item: toTokenLookupItem(write.entry),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            onConflict: 'version',
          },
        ];
      case 'role':
        return [
          {
            item: roleDefinitionUpdate(TableName, write.account, write.role, write.expected),
            onConflict: 'roles',
          },
        ];
      case 'delete-role':
        return [
          { item: roleRemoval(TableName, write.account, write.roleId, write.expected), onConflict: 'roles' },
        ];
      case 'role-holders':
        return [{ item: countsUpdate(TableName, write), onConflict: 'roles' }];
      case 'grant':
        return [
          {
            item: {
              Put: {
                TableName,
                Item: toGrantItem(write.grant),
                ConditionExpression:
                  write.expectedVersion === undefined ? 'attribute_not_exists(PK)' : '#v = :v',
                ...(write.expectedVersion === undefined
                  ? {}
                  : {
                      ExpressionAttributeNames: { '#v': 'version' },
                      ExpressionAttributeValues: { ':v': write.expectedVersion },
                    }),
              },
            },
            onConflict: 'version',
          },
        ];
      case 'delete-grant':
        return [
          {
            item: {
              Delete: {
                TableName,
                Key: grantItemKey(write.grant.account, write.grant.appKey),
                ConditionExpression: '#v = :v',
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':v': write.expectedVersion },
              },
            },
            onConflict: 'version',
          },
        ];
      case 'delete-token-lookup':
        // Unconditional: an entry the re-index has not written yet is simply not there.
        return [
          {
            item: { Delete: { TableName, Key: tokenLookupKey(write.entry.hashKeyId, write.entry.mac) } },
            onConflict: 'version',
          },
        ];
    }
  }

  /**
   * A directory entry rewrites its bucket on the condition that the bucket is still as read here:
   * a concurrent change to a key of the same bucket makes one of the two fail and be retried (as
   * a lost race, 'in-progress'). A new entry finding its shard full fails as 'directory-full'.
   */
  private async entryWrite(write: Extract<Write, { type: 'directory-entry' }>): Promise<ItemWrite> {
    const bucket = bucketOf(write.id);
    const out = await storageCall(() =>
      this.db.send(new GetCommand(shardRead(this.tableName, write.account, write.shard, [bucket]))),
    );
    const state = shardState(out.Item);
    const bytes = entryBytes(write.id, write.entry) - entryBytes(write.id, write.was);
    const entries = (write.entry ? 1 : 0) - (write.was ? 1 : 0);
    if (entries > 0 && !hasRoom(state, entries, bytes)) throw new WriteConflict('directory-full');
    const next = { [bucket]: rewriteBucket(state.buckets[bucket] ?? '', write.id, write.entry) };
    return {
      item: {
        Update: bucketsUpdate(this.tableName, write.account, write.shard, state, next, { entries, bytes }),
      },
      onConflict: 'in-progress',
    };
  }

  /** A create is a Put that requires absence; a change is an Update of the lifecycle attributes. */
  private keyWrite(
    key: ApiKey,
    expectedVersion: number | undefined,
    expectedFlag?: RenewalFlag | null,
  ): TransactItem {
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
        ConditionExpression: `attribute_exists(PK) AND #version = :expected${flagCondition(expectedFlag, names, values)}${unshardedCondition(key, names)}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  }

  /**
   * The account item holds the set of active admin keys. Removing one is conditional on another
   * remaining, which makes the last-admin-key rule hold even under concurrent requests.
   */
  private adminSetChange(
    account: string,
    appKey: string,
    change: 'add' | 'remove',
    force = false,
  ): TransactItem {
    const base = { TableName: this.tableName, Key: accountItemKey(account) };
    if (change === 'add') {
      return {
        Update: {
          ...base,
          UpdateExpression: 'ADD adminKeys :k',
          ExpressionAttributeValues: { ':k': new Set([appKey]) },
        },
      };
    }
    if (force) {
      return {
        Update: {
          ...base,
          UpdateExpression: 'DELETE adminKeys :k',
          ExpressionAttributeValues: { ':k': new Set([appKey]) },
        },
      };
    }
    return {
      Update: {
        ...base,
        UpdateExpression: 'DELETE adminKeys :k',
        ConditionExpression: 'size(adminKeys) > :one OR NOT contains(adminKeys, :appKey)',
        ExpressionAttributeValues: { ':k': new Set([appKey]), ':one': 1, ':appKey': appKey },
      },
    };
  }

  /** A lone write needs no transaction: the same item as a plain conditional Put/Update/Delete. */
  private async sendSingle(item: TransactItem): Promise<unknown> {
    if (item.Put) return this.db.send(new PutCommand(item.Put));
    if (item.Update)
      return this.db.send(new UpdateCommand(item.Update as ConstructorParameters<typeof UpdateCommand>[0]));
    return this.db.send(new DeleteCommand(item.Delete as ConstructorParameters<typeof DeleteCommand>[0]));
  }
}

/**
 * A key read without a directory shard is changed only while it still has none: otherwise the
 * backfill gave it an entry meanwhile, which this change (writing no entry) would leave stale.
 */
function unshardedCondition(key: ApiKey, names: Record<string, string>): string {
  if (key.directoryShard !== undefined) return '';
  names['#dir'] = 'directoryShard';
  return ' AND attribute_not_exists(#dir)';
}

/** The condition that the renewal flag is still the one read (absent, null, or that very map). */
function flagCondition(
  expected: RenewalFlag | null | undefined,
  names: Record<string, string>,
  values: Record<string, unknown>,
): string {
  if (expected === undefined) return '';
  names['#flag'] = 'renewalFlag';
  if (expected === null) {
    values[':noFlag'] = null;
    return ' AND (attribute_not_exists(#flag) OR #flag = :noFlag)';
  }
  values[':flag'] = expected;
  return ' AND #flag = :flag';
}
