// Whether a write that DynamoDB Local acknowledged was really stored, judged from the item as it
// reads back afterwards. On a full disk DynamoDB Local answers 200 to a TransactWriteItems (and to
// a BatchWriteItem) and stores nothing, so in local mode these writes are read back before being
// acknowledged (local-write-guard.ts).
//
// Other requests may change the same items between the write and the read, so every judgement
// must hold whatever a legitimate writer did in between:
// - `version` only ever grows (1 on creation, +1 on every change, each change conditional on the
//   previous version), so a read-back version >= the one written proves the write landed (a later
//   change could only build on it) and a lower one proves it did not. An item gone since gives
//   no answer: deleted by someone else, or never written.
// - An item without `version` (an idempotency record, an audit entry) is written once and not
//   changed: reading back exactly what was written proves it landed; anything else gives no answer
//   (it may have been replaced or expired since).
// - A deleted key item never comes back (appKeys are never reused), so finding it proves the Delete
//   did not land; its absence is the weakest proof (another request may have deleted it), used only
//   when nothing stronger is available.
// A transaction is all or nothing, so the first item that gives an answer decides for all of them:
// the strongest kind is read first, and usually one read suffices.
import type { AttributeValue, TransactWriteItem, WriteRequest } from '@aws-sdk/client-dynamodb';
import { TABLE_KEY } from './table-definition';

export type Item = Record<string, AttributeValue>;
export type Evidence = 'stored' | 'not-stored' | 'unknown';

/** One write as the confirmation sees it: which item to read back and how to judge it. */
export interface WriteProbe {
  tableName: string;
  key: Item;
  /** Attributes the judgement needs (all when absent). */
  projection?: string[];
  /** Lower is stronger: read first. */
  strength: number;
  judge(current: Item | undefined): Evidence;
}

const VERSION = 'version';
const IMMUTABLE = 0;
const VERSIONED = 1;
const DELETED = 2;

/** What a read-back can prove about one item of a TransactWriteItems; null when it proves nothing. */
export function probeOfTransactItem(item: TransactWriteItem): WriteProbe | null {
  if (item.Put?.TableName && item.Put.Item) return probeOfPut(item.Put.TableName, item.Put.Item);
  if (item.Update?.TableName && item.Update.Key) {
    const { TableName, Key, UpdateExpression, ExpressionAttributeNames, ExpressionAttributeValues } =
      item.Update;
    const version = assignedNumber(
      UpdateExpression ?? '',
      ExpressionAttributeNames,
      ExpressionAttributeValues,
    );
    // An update that does not set the version (the account's admin-key set) proves nothing alone.
    return version === undefined ? null : versionProbe(TableName, Key, version);
  }
  if (item.Delete?.TableName && item.Delete.Key) return deleteProbe(item.Delete.TableName, item.Delete.Key);
  return null; // a ConditionCheck writes nothing
}

/** What a read-back can prove about one request of a BatchWriteItem. */
export function probeOfWriteRequest(tableName: string, request: WriteRequest): WriteProbe | null {
  if (request.PutRequest?.Item) return probeOfPut(tableName, request.PutRequest.Item);
  if (request.DeleteRequest?.Key) return deleteProbe(tableName, request.DeleteRequest.Key);
  return null;
}

function probeOfPut(tableName: string, item: Item): WriteProbe {
  const key = keyOf(item);
  const version = item[VERSION]?.N;
  if (version !== undefined) return versionProbe(tableName, key, Number(version));
  const written = canonical({ M: item });
  return {
    tableName,
    key,
    strength: IMMUTABLE,
    judge: (current) => (current && canonical({ M: current }) === written ? 'stored' : 'unknown'),
  };
}

function versionProbe(tableName: string, key: Item, version: number): WriteProbe {
  return {
    tableName,
    key,
    projection: [VERSION],
    strength: VERSIONED,
    judge: (current) => {
      if (!current) return 'unknown';
      return Number(current[VERSION]?.N ?? Number.NaN) >= version ? 'stored' : 'not-stored';
    },
  };
}

function deleteProbe(tableName: string, key: Item): WriteProbe {
  return {
    tableName,
    key,
    projection: [TABLE_KEY.partitionKey],
    strength: DELETED,
    judge: (current) => (current ? 'not-stored' : 'stored'),
  };
}

const keyOf = (item: Item): Item => {
  const key: Item = {};
  for (const name of [TABLE_KEY.partitionKey, TABLE_KEY.sortKey]) if (item[name]) key[name] = item[name];
  return key;
};

/**
 * The number an UpdateExpression assigns to `version` with a plain `SET <version> = :value`
 * (as every key change does), or undefined when it does not.
 */
export function assignedNumber(
  expression: string,
  names: Record<string, string> | undefined,
  values: Item | undefined,
  attribute = VERSION,
): number | undefined {
  const set = /\bSET\b([\s\S]*?)(?=\b(?:REMOVE|ADD|DELETE)\b|$)/i.exec(expression)?.[1] ?? '';
  // Splitting on commas also splits function calls such as list_append(a, b); their pieces never
  // look like `name = :value`, so they are skipped, which is all that is needed here.
  for (const action of set.split(',')) {
    const match = /^\s*(#?[\w.]+)\s*=\s*(:\w+)\s*$/.exec(action);
    if (!match) continue;
    const [, path, placeholder] = match;
    const name = path!.startsWith('#') ? names?.[path!] : path;
    if (name !== attribute) continue;
    const number = values?.[placeholder!]?.N;
    return number === undefined ? undefined : Number(number);
  }
  return undefined;
}

/** One string per attribute value, the same whatever the order of map keys and set members. */
export function canonical(value: AttributeValue): string {
  if (value.M) {
    const entries = Object.keys(value.M)
      .sort()
      .map((name) => `${JSON.stringify(name)}:${canonical(value.M![name]!)}`);
    return `M{${entries.join(',')}}`;
  }
  if (value.L) return `L[${value.L.map(canonical).join(',')}]`;
  if (value.SS) return `SS${JSON.stringify([...value.SS].sort())}`;
  if (value.NS) return `NS${JSON.stringify(value.NS.map(Number).sort((a, b) => a - b))}`;
  if (value.BS) return `BS${JSON.stringify(value.BS.map((b) => Buffer.from(b).toString('base64')).sort())}`;
  if (value.B) return `B${Buffer.from(value.B).toString('base64')}`;
  if (value.N !== undefined) return `N${Number(value.N)}`;
  if (value.S !== undefined) return `S${JSON.stringify(value.S)}`;
  if (value.BOOL !== undefined) return `BOOL${value.BOOL}`;
  if (value.NULL !== undefined) return 'NULL';
  return JSON.stringify(value);
}
