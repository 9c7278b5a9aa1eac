// Local mode only: never acknowledge a write that DynamoDB Local did not store. On a full disk it
// fails a PutItem, UpdateItem or DeleteItem properly, but answers 200 to a TransactWriteItems or a
// BatchWriteItem and stores nothing (issue 10: thousands of acknowledged creates vanished). Two
// layers, both as SDK middleware on the document client:
// 1. Below LOCAL_MIN_FREE_MB of free space in DATA_DIR, every write is refused before it is sent
//    (503, nothing changed). This is the cheap, common answer to a filling disk.
// 2. The margin cannot be trusted alone: it is checked before the write, so concurrent writes (or
//    any other program) can use the room between the check and the commit, and SQLite's journal
//    needs a multiple of a transaction's size. So every TransactWriteItems and BatchWriteItem that
//    DynamoDB Local acknowledges is read back (write-evidence.ts) and answered 503 unless stored.
// In AWS (KEY_PROVIDER=kms, no endpoint) nothing is installed: DynamoDB itself never acknowledges
// what it did not store, and a Lambda must not pay a statfs and a read per write for our local
// database's defect.
import { GetItemCommand, type TransactWriteItem, type WriteRequest } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../../config';
import { UnavailableError } from '../../domain/errors';
import { freeBytes, minFreeBytesFrom } from '../free-space';
import { TABLE_KEY } from './table-definition';
import { probeOfTransactItem, probeOfWriteRequest, type Item, type WriteProbe } from './write-evidence';

/** A full disk does not empty itself in a second: a client should wait for an operator. */
const FULL_DISK_RETRY_AFTER_SECONDS = 30;

const WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
  'BatchWriteItemCommand',
]);

export interface LocalWriteGuardOptions {
  /** The directory whose file system holds DynamoDB Local's files (DATA_DIR). */
  dataDir: string;
  /** Writes are refused below this many free bytes; 0 turns the check off (not the read-back). */
  minFreeBytes: number;
  /** Measures free bytes; tests inject one to play a full disk. */
  freeBytes?: (dir: string) => number;
}

/**
 * The composition root's entry: guards `db` when the service runs locally on DynamoDB Local
 * (KEY_PROVIDER=local with an endpoint), and returns it untouched otherwise.
 */
export function guardLocalWrites(db: DynamoDBDocumentClient, config: Config): DynamoDBDocumentClient {
  if (config.KEY_PROVIDER !== 'local' || !config.DYNAMODB_ENDPOINT) return db;
  return installLocalWriteGuard(db, {
    dataDir: config.DATA_DIR,
    minFreeBytes: minFreeBytesFrom(process.env),
  });
}

export function installLocalWriteGuard(
  db: DynamoDBDocumentClient,
  options: LocalWriteGuardOptions,
): DynamoDBDocumentClient {
  const measure = options.freeBytes ?? freeBytes;
  const read = async (probe: WriteProbe): Promise<Item | undefined> => {
    const projection = probe.projection?.map((_, i) => `#p${i}`).join(', ');
    const out = await db.send(
      new GetItemCommand({
        TableName: probe.tableName,
        Key: probe.key,
        ConsistentRead: true,
        ...(projection
          ? {
              ProjectionExpression: projection,
              ExpressionAttributeNames: Object.fromEntries(
                probe.projection!.map((name, i) => [`#p${i}`, name]),
              ),
            }
          : {}),
      }),
    );
    return out.Item;
  };

  db.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      if (!WRITES.has(command)) return next(args);
      if (options.minFreeBytes > 0) refuseWhenLow(measure, options);
      const result = await next(args);
      // At the build step the input is in DynamoDB's own form (the document client has marshalled
      // it), so keys and values read back compare as they are.
      const input = args.input as { TransactItems?: TransactWriteItem[]; RequestItems?: BatchItems };
      if (command === 'TransactWriteItemsCommand') await confirmTransaction(input.TransactItems ?? [], read);
      if (command === 'BatchWriteItemCommand') {
        const output = result.output as { UnprocessedItems?: Record<string, unknown[]> };
        await confirmBatch(input.RequestItems ?? {}, output.UnprocessedItems ?? {}, read);
      }
      return result;
    },
    // Build: after serialisation (input marshalled), outside the retry loop (one check per call).
    { step: 'build', name: 'localWriteGuard', override: true },
  );
  return db;
}

function refuseWhenLow(measure: (dir: string) => number, options: LocalWriteGuardOptions): void {
  let free: number;
  try {
    free = measure(options.dataDir);
  } catch {
    // DATA_DIR gone or unreadable: nothing can be promised about storing anything.
    throw new UnavailableError(FULL_DISK_RETRY_AFTER_SECONDS, 'LocalDataDirUnmeasurable');
  }
  if (free < options.minFreeBytes) throw new UnavailableError(FULL_DISK_RETRY_AFTER_SECONDS, 'LocalDiskFull');
}

type Read = (probe: WriteProbe) => Promise<Item | undefined>;

const notStored = (): UnavailableError =>
  new UnavailableError(FULL_DISK_RETRY_AFTER_SECONDS, 'LocalWriteNotStored');

/**
 * A transaction is all or nothing: the first item whose read-back answers decides. None answering
 * (every item changed or deleted by others since, or none of a provable kind) counts as not stored:
 * a 503 the client retries beats an acknowledgement nobody can back.
 */
async function confirmTransaction(items: TransactWriteItem[], read: Read): Promise<void> {
  const probes = items
    .map(probeOfTransactItem)
    .filter((p): p is WriteProbe => p !== null)
    .sort((a, b) => a.strength - b.strength);
  for (const probe of probes) {
    const evidence = probe.judge(await read(probe));
    if (evidence === 'stored') return;
    if (evidence === 'not-stored') throw notStored();
  }
  throw notStored();
}

type BatchItems = Record<string, WriteRequest[]>;

/** A batch is not atomic: each request the answer did not hand back as unprocessed must be stored. */
async function confirmBatch(
  requests: BatchItems,
  unprocessed: Record<string, unknown[]>,
  read: Read,
): Promise<void> {
  for (const [tableName, writes] of Object.entries(requests)) {
    const skipped = new Set((unprocessed[tableName] ?? []).map(requestKeyId));
    for (const write of writes) {
      if (skipped.has(requestKeyId(write))) continue;
      const probe = probeOfWriteRequest(tableName, write);
      if (!probe || probe.judge(await read(probe)) !== 'stored') throw notStored();
    }
  }
}

/**
 * Identifies a batch request by its key values, whether it comes marshalled (our input) or as the
 * document client hands back unprocessed requests (plain values): the table's keys are strings.
 */
function requestKeyId(request: unknown): string {
  const r = request as {
    PutRequest?: { Item?: Record<string, unknown> };
    DeleteRequest?: { Key?: Record<string, unknown> };
  };
  const item = r.PutRequest?.Item ?? r.DeleteRequest?.Key ?? {};
  return [TABLE_KEY.partitionKey, TABLE_KEY.sortKey]
    .map((name) => {
      const value = item[name] as { S?: string } | string | undefined;
      return typeof value === 'string' ? value : (value?.S ?? '');
    })
    .join('\u0000');
}
