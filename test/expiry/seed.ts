// Seeds many keys quickly with BatchWriteItem, built by the same domain and item functions the
// service uses, so dueAt and the expiry index are exactly what real writes would produce.
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createKey, newTokenRecord } from '../../shared/domain/key';
import { watchExpiry } from '../../shared/domain/expiry-watch';
import { newAppKey, newTokenId } from '../../shared/domain/ids';
import { toKeyItem } from '../../shared/adapters/dynamodb/key-item';
import { accountItemKey } from '../../shared/adapters/dynamodb/item-keys';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { iso } from '../../shared/domain/time';

export interface SeedSpec {
  account: string;
  count: number;
  /** When each key's token was created (epoch ms), by index. */
  createdAt: (i: number) => number;
}

export async function seedKeys(db: DynamoDBDocumentClient, table: string, specs: SeedSpec[], nowMs: number) {
  const items: Record<string, unknown>[] = [];
  const appKeys = new Map<string, number>();
  for (const spec of specs) {
    items.push({
      ...accountItemKey(spec.account),
      type: 'account',
      account: spec.account,
      createdAt: iso(nowMs),
      settings: DEFAULT_SETTINGS,
    });
    for (let i = 0; i < spec.count; i++) {
      const created = spec.createdAt(i);
      const token = newTokenRecord(
        newTokenId(created),
        { mac: 'AAAA', keyId: 'seed' },
        created,
        DEFAULT_SETTINGS.tokenDurationDays,
      );
      const key = watchExpiry(
        createKey({
          appKey: newAppKey(spec.account, created),
          account: spec.account,
          name: `key ${i}`,
          roles: [],
          token,
          nowMs: created,
        }),
        DEFAULT_SETTINGS.expiryWarningDays,
        created,
      );
      appKeys.set(key.appKey, created);
      items.push(toKeyItem(key));
    }
  }
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  // A few writers in parallel; unprocessed items are retried until none are left.
  await Promise.all(
    [0, 1, 2, 3].map(async (lane) => {
      for (let b = lane; b < batches.length; b += 4) {
        let pending = batches[b]!.map((Item) => ({ PutRequest: { Item } }));
        while (pending.length) {
          const out = await db.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
          pending = (out.UnprocessedItems?.[table] ?? []) as typeof pending;
        }
      }
    }),
  );
  return appKeys;
}
