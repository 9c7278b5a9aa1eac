// Fast seeding. Key items are built by the real domain functions and toKeyItem, so every attribute
// (dueAt and dueShard of the sparse expiry index included) is what the service itself would write;
// they are written with BatchWriteItem, 25 a request, several requests in flight. Going through
// KeyService.issue would cost one conditional write per key: minutes for 100,000 keys, measuring
// nothing the suite reports.
import { randomBytes } from 'node:crypto';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createKey, newTokenRecord, type ApiKey } from '../shared/domain/key';
import { newAppKey, newTokenId } from '../shared/domain/ids';
import { watchExpiry } from '../shared/domain/expiry-watch';
import type { Settings } from '../shared/domain/settings';
import { iso } from '../shared/domain/time';
import { accountItemKey } from '../shared/adapters/dynamodb/item-keys';
import { toKeyItem } from '../shared/adapters/dynamodb/key-item';

type Item = Record<string, unknown>;

export interface KeySpec {
  account: string;
  settings: Settings;
  createdAtMs: number;
}

/**
 * A key as KeyService.issue would create it at `createdAtMs`. Its stored hash is random bytes of a
 * MAC's size: nobody presents these tokens, and computing real ones would only slow seeding.
 */
export function seededKey(spec: KeySpec, hashKeyId: string, name: string): ApiKey {
  const token = newTokenRecord(
    newTokenId(spec.createdAtMs),
    { mac: randomBytes(32).toString('base64'), keyId: hashKeyId },
    spec.createdAtMs,
    spec.settings.tokenDurationDays,
  );
  const key = createKey({
    appKey: newAppKey(spec.account, spec.createdAtMs),
    account: spec.account,
    name,
    roles: ['orders-read'],
    token,
    nowMs: spec.createdAtMs,
  });
  return watchExpiry(key, spec.settings.expiryWarningDays, spec.createdAtMs);
}

/** The account item as ensureAccount + putSettings leave it. */
export function accountItem(account: string, settings: Settings, createdAtMs: number): Item {
  return { ...accountItemKey(account), type: 'account', account, createdAt: iso(createdAtMs), settings };
}

export const keyItem = (key: ApiKey): Item => toKeyItem(key) as unknown as Item;

const BATCH = 25;

/** Writes `items` (consumed lazily, so 100,000 items need not exist at once). */
export async function writeItems(
  db: DynamoDBDocumentClient,
  tableName: string,
  items: Iterable<Item>,
  concurrency = 6,
): Promise<number> {
  const source = items[Symbol.iterator]();
  let written = 0;
  const nextBatch = (): Item[] => {
    const batch: Item[] = [];
    while (batch.length < BATCH) {
      const next = source.next();
      if (next.done) break;
      batch.push(next.value);
    }
    return batch;
  };
  const worker = async (): Promise<void> => {
    for (let batch = nextBatch(); batch.length > 0; batch = nextBatch()) {
      await writeBatch(db, tableName, batch);
      written += batch.length;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return written;
}

/** One BatchWriteItem, re-sending what DynamoDB left unprocessed until nothing is left. */
async function writeBatch(db: DynamoDBDocumentClient, tableName: string, batch: Item[]): Promise<void> {
  let requests = batch.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; requests.length > 0; attempt++) {
    if (attempt > 10) throw new Error(`BatchWriteItem left ${requests.length} items unprocessed`);
    if (attempt > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    const out = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
    requests = (out.UnprocessedItems?.[tableName] ?? []) as typeof requests;
  }
}
