// The local write guard's decisions, against the run's DynamoDB Local, without a real full disk:
// the free-space reader is injected, and DynamoDB Local's false 200 on a full disk (a write
// acknowledged and not stored) is played by a middleware that answers a write without sending it.
// Reads always reach the real DynamoDB Local. test/faults/full-disk.test.ts does it for real.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { guardLocalWrites, installLocalWriteGuard } from '../../shared/adapters/dynamodb/local-write-guard';
import { assignedNumber, canonical } from '../../shared/adapters/dynamodb/write-evidence';
import { minFreeBytesFrom } from '../../shared/adapters/free-space';
import { loadConfig } from '../../shared/config';
import { UnavailableError } from '../../shared/domain/errors';
import { createTestTable, testEndpoint } from '../helpers/services';

const MIB = 1024 * 1024;
const MARGIN = 16 * MIB;

let tableName: string;
const dataDir = mkdtempSync(join(tmpdir(), 'apikeys-write-guard-'));
const clients: DynamoDBDocumentClient[] = [];

const documentClient = (): DynamoDBDocumentClient => {
  const db = createDocumentClient({ region: 'us-east-1', endpoint: testEndpoint() });
  clients.push(db);
  return db;
};

/** Unguarded: arranges and inspects the table behind the guard's back. */
let direct: DynamoDBDocumentClient;

beforeAll(async () => {
  tableName = await createTestTable();
  direct = documentClient();
});

afterAll(() => {
  for (const db of clients) db.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

let next = 0;
const pk = (): string => `ACCOUNT#guard-${process.pid}-${++next}`;

/** A key item as the store writes it: versioned. */
const keyItem = (PK: string, version: number) => ({
  PK,
  SK: 'KEY#1',
  type: 'key',
  version,
  name: `v${version}`,
});
/** An item written once and never changed (an idempotency record, an audit entry). */
const recordItem = (PK: string) => ({
  PK,
  SK: 'IDEM#caller#hash',
  type: 'idempotency',
  sealedResponse: 'sealed',
  tags: new Set(['b', 'a', 'c']),
  nested: { z: 1, a: [1, 'two', null] },
  createdAtMs: 1_700_000_000_000,
});
const read = async (PK: string, SK: string) =>
  (await direct.send(new GetCommand({ TableName: tableName, Key: { PK, SK }, ConsistentRead: true }))).Item;

/** Every command a client sends (the guard's own reads included), by name. */
function recordCommands(db: DynamoDBDocumentClient): string[] {
  const sent: string[] = [];
  db.middlewareStack.add(
    (nextHandler, context) => async (args) => {
      sent.push(context.commandName ?? '?');
      return nextHandler(args);
    },
    { step: 'initialize', name: 'recordCommands' },
  );
  return sent;
}

/**
 * Plays DynamoDB Local on a full disk: a TransactWriteItems or BatchWriteItem is answered 200 and
 * not sent. Inside the guard (finalizeRequest runs after build), as the real database would be.
 */
function dropTransactionsAndBatches(db: DynamoDBDocumentClient): void {
  db.middlewareStack.add(
    (nextHandler, context) => async (args) => {
      if (
        context.commandName !== 'TransactWriteItemsCommand' &&
        context.commandName !== 'BatchWriteItemCommand'
      )
        return nextHandler(args);
      return { response: { statusCode: 200, headers: {} }, output: { $metadata: { httpStatusCode: 200 } } };
    },
    { step: 'finalizeRequest', name: 'fullDiskFalse200' },
  );
}

/** Runs `change` (another request, unguarded) once a write has committed and before the guard reads it back. */
function changeRightAfterEachWrite(db: DynamoDBDocumentClient, change: () => Promise<unknown>): void {
  db.middlewareStack.add(
    (nextHandler, context) => async (args) => {
      const result = await nextHandler(args);
      if (context.commandName === 'TransactWriteItemsCommand') await change();
      return result;
    },
    { step: 'finalizeRequest', name: 'concurrentChange' },
  );
}

const guarded = (free: () => number, minFreeBytes = MARGIN) =>
  installLocalWriteGuard(documentClient(), { dataDir, minFreeBytes, freeBytes: free });

async function refusal(promise: Promise<unknown>): Promise<UnavailableError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnavailableError);
  return error as UnavailableError;
}

describe('the free-space margin', () => {
  it('refuses every kind of write below the margin, with 503 and nothing changed', async () => {
    const PK = pk();
    await direct.send(new PutCommand({ TableName: tableName, Item: keyItem(PK, 1) }));
    const db = guarded(() => MARGIN - 1);
    const Key = { PK, SK: 'KEY#1' };
    const writes = [
      new PutCommand({ TableName: tableName, Item: keyItem(PK, 9) }),
      new UpdateCommand({
        TableName: tableName,
        Key,
        UpdateExpression: 'SET #n = :n',
        ExpressionAttributeNames: { '#n': 'name' },
        ExpressionAttributeValues: { ':n': 'changed' },
      }),
      new DeleteCommand({ TableName: tableName, Key }),
      new TransactWriteCommand({ TransactItems: [{ Put: { TableName: tableName, Item: keyItem(PK, 9) } }] }),
      new BatchWriteCommand({ RequestItems: { [tableName]: [{ DeleteRequest: { Key } }] } }),
    ];
    for (const write of writes) {
      const error = await refusal(db.send(write as PutCommand));
      expect(error).toMatchObject({ code: 'service-unavailable', cause_: 'LocalDiskFull' });
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
    }
    expect(await read(PK, 'KEY#1')).toEqual(keyItem(PK, 1));
  });

  it('still serves reads below the margin', async () => {
    const PK = pk();
    await direct.send(new PutCommand({ TableName: tableName, Item: keyItem(PK, 1) }));
    const db = guarded(() => 0);
    const got = await db.send(new GetCommand({ TableName: tableName, Key: { PK, SK: 'KEY#1' } }));
    expect(got.Item).toEqual(keyItem(PK, 1));
    const listed = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': PK },
      }),
    );
    expect(listed.Items).toHaveLength(1);
  });

  it('accepts a write with exactly the margin free', async () => {
    const PK = pk();
    const db = guarded(() => MARGIN);
    await db.send(new PutCommand({ TableName: tableName, Item: keyItem(PK, 1) }));
    expect(await read(PK, 'KEY#1')).toEqual(keyItem(PK, 1));
  });

  it('refuses when DATA_DIR cannot be measured', async () => {
    const db = guarded(() => {
      throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    });
    const error = await refusal(db.send(new PutCommand({ TableName: tableName, Item: keyItem(pk(), 1) })));
    expect(error.cause_).toBe('LocalDataDirUnmeasurable');
  });

  it('does not measure at all when LOCAL_MIN_FREE_MB is 0', async () => {
    let measured = 0;
    const db = guarded(() => (measured++, 0), 0);
    await db.send(new PutCommand({ TableName: tableName, Item: keyItem(pk(), 1) }));
    expect(measured).toBe(0);
  });

  it('follows the rule start-up uses: LOCAL_MIN_FREE_MB in MiB, 16 by default, 0 for off', () => {
    expect(minFreeBytesFrom({})).toBe(16 * MIB);
    expect(minFreeBytesFrom({ LOCAL_MIN_FREE_MB: '0.5' })).toBe(MIB / 2);
    expect(minFreeBytesFrom({ LOCAL_MIN_FREE_MB: '0' })).toBe(0);
    expect(() => minFreeBytesFrom({ LOCAL_MIN_FREE_MB: 'lots' })).toThrow(/LOCAL_MIN_FREE_MB/);
  });
});

describe('where the guard is installed', () => {
  const installed = (db: DynamoDBDocumentClient) =>
    db.middlewareStack.identify().some((entry) => entry.startsWith('localWriteGuard'));

  it('on DynamoDB Local in local mode only: never in AWS (kms, no endpoint)', () => {
    const local = loadConfig({ KEY_PROVIDER: 'local', DYNAMODB_ENDPOINT: testEndpoint(), DATA_DIR: dataDir });
    const aws = loadConfig({ KEY_PROVIDER: 'kms', HMAC_KEY_ID: 'h', SECRETS_KEY_ID: 's' });
    const localWithoutEndpoint = loadConfig({ KEY_PROVIDER: 'local', DATA_DIR: dataDir });
    expect(installed(guardLocalWrites(documentClient(), local))).toBe(true);
    expect(installed(guardLocalWrites(documentClient(), aws))).toBe(false);
    expect(installed(guardLocalWrites(documentClient(), localWithoutEndpoint))).toBe(false);
  });
});

describe('the read-back after a transaction', () => {
  const plenty = () => 1024 * MIB;

  it('acknowledges a stored transaction after one read, and reads nothing after a lone write', async () => {
    const PK = pk();
    const db = guarded(plenty);
    const sent = recordCommands(db);
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: keyItem(PK, 1),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          { Put: { TableName: tableName, Item: recordItem(PK) } },
        ],
      }),
    );
    expect(sent).toEqual(['TransactWriteItemsCommand', 'GetItemCommand']);
    sent.length = 0;
    await db.send(new PutCommand({ TableName: tableName, Item: keyItem(pk(), 1) }));
    await db.send(new DeleteCommand({ TableName: tableName, Key: { PK, SK: 'KEY#1' } }));
    expect(sent).toEqual(['PutItemCommand', 'DeleteItemCommand']);
  });

  it('acknowledges a stored change and a stored deletion (key items with the admin-key set)', async () => {
    const PK = pk();
    await direct.send(new PutCommand({ TableName: tableName, Item: keyItem(PK, 1) }));
    const db = guarded(plenty);
    const adminSet = {
      Update: {
        TableName: tableName,
        Key: { PK, SK: 'ACCOUNT' },
        UpdateExpression: 'ADD adminKeys :k',
        ExpressionAttributeValues: { ':k': new Set(['apk-1']) },
      },
    };
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: { PK, SK: 'KEY#1' },
              UpdateExpression: 'SET #v = :v',
              ExpressionAttributeNames: { '#v': 'version' },
              ExpressionAttributeValues: { ':v': 2 },
            },
          },
          adminSet,
        ],
      }),
    );
    expect((await read(PK, 'KEY#1'))?.version).toBe(2);
    await db.send(
      new TransactWriteCommand({
        TransactItems: [{ Delete: { TableName: tableName, Key: { PK, SK: 'KEY#1' } } }, adminSet],
      }),
    );
    expect(await read(PK, 'KEY#1')).toBeUndefined();
  });

  it.each([
    [
      'a create (key Put + idempotency record)',
      (PK: string) => [
        {
          Put: {
            TableName: tableName,
            Item: keyItem(PK, 1),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        { Put: { TableName: tableName, Item: recordItem(PK) } },
      ],
    ],
    [
      'a change (key Update to version 2 + admin-key set)',
      (PK: string) => [
        {
          Update: {
            TableName: tableName,
            Key: { PK, SK: 'KEY#1' },
            UpdateExpression: 'SET #a0 = :a0, #a1 = :a1',
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#a0': 'name', '#a1': 'version', '#version': 'version' },
            ExpressionAttributeValues: { ':a0': 'renamed', ':a1': 2, ':expected': 1 },
          },
        },
        {
          Update: {
            TableName: tableName,
            Key: { PK, SK: 'ACCOUNT' },
            UpdateExpression: 'ADD adminKeys :k',
            ExpressionAttributeValues: { ':k': new Set(['apk-1']) },
          },
        },
      ],
    ],
    [
      'a deletion (key Delete + admin-key set)',
      (PK: string) => [
        { Delete: { TableName: tableName, Key: { PK, SK: 'KEY#1' } } },
        {
          Update: {
            TableName: tableName,
            Key: { PK, SK: 'ACCOUNT' },
            UpdateExpression: 'DELETE adminKeys :k',
            ExpressionAttributeValues: { ':k': new Set(['apk-1']) },
          },
        },
      ],
    ],
  ])('answers 503 for %s that DynamoDB Local acknowledged without storing', async (_what, items) => {
    const PK = pk();
    const existing = keyItem(PK, 1);
    if (!_what.startsWith('a create'))
      await direct.send(new PutCommand({ TableName: tableName, Item: existing }));
    const db = guarded(plenty);
    dropTransactionsAndBatches(db);
    const error = await refusal(db.send(new TransactWriteCommand({ TransactItems: items(PK) as never })));
    expect(error).toMatchObject({ code: 'service-unavailable', cause_: 'LocalWriteNotStored' });
    expect(await read(PK, 'KEY#1')).toEqual(_what.startsWith('a create') ? undefined : existing);
  });

  it('does not misfire when another request changes the key right after (version only grows)', async () => {
    const PK = pk();
    await direct.send(new PutCommand({ TableName: tableName, Item: keyItem(PK, 1) }));
    const db = guarded(plenty);
    changeRightAfterEachWrite(db, () =>
      direct.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { PK, SK: 'KEY#1' },
          UpdateExpression: 'SET version = :three, #n = :n',
          ConditionExpression: 'version = :two',
          ExpressionAttributeNames: { '#n': 'name' },
          ExpressionAttributeValues: { ':three': 3, ':two': 2, ':n': 'changed by someone else' },
        }),
      ),
    );
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: { PK, SK: 'KEY#1' },
              UpdateExpression: 'SET #v = :v',
              ConditionExpression: '#v = :expected',
              ExpressionAttributeNames: { '#v': 'version' },
              ExpressionAttributeValues: { ':v': 2, ':expected': 1 },
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: { PK, SK: 'ACCOUNT' },
              UpdateExpression: 'ADD adminKeys :k',
              ExpressionAttributeValues: { ':k': new Set(['apk-1']) },
            },
          },
        ],
      }),
    );
    expect((await read(PK, 'KEY#1'))?.version).toBe(3);
  });

  it('does not misfire when the key is deleted right after, as long as the record written with it is there', async () => {
    const PK = pk();
    const db = guarded(plenty);
    changeRightAfterEachWrite(db, () =>
      direct.send(new DeleteCommand({ TableName: tableName, Key: { PK, SK: 'KEY#1' } })),
    );
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: keyItem(PK, 1),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          { Put: { TableName: tableName, Item: recordItem(PK) } },
        ],
      }),
    );
    expect(await read(PK, 'KEY#1')).toBeUndefined();
  });

  it('answers 503 when every trace of a stored transaction is gone before the read-back (it cannot be proven)', async () => {
    const PK = pk();
    await direct.send(new PutCommand({ TableName: tableName, Item: keyItem(PK, 1) }));
    const db = guarded(plenty);
    changeRightAfterEachWrite(db, () =>
      direct.send(new DeleteCommand({ TableName: tableName, Key: { PK, SK: 'KEY#1' } })),
    );
    const update = {
      Update: {
        TableName: tableName,
        Key: { PK, SK: 'KEY#1' },
        UpdateExpression: 'SET version = :v',
        ExpressionAttributeValues: { ':v': 2 },
      },
    };
    const adminSet = {
      Update: {
        TableName: tableName,
        Key: { PK, SK: 'ACCOUNT' },
        UpdateExpression: 'ADD adminKeys :k',
        ExpressionAttributeValues: { ':k': new Set(['apk-1']) },
      },
    };
    const error = await refusal(db.send(new TransactWriteCommand({ TransactItems: [update, adminSet] })));
    expect(error.cause_).toBe('LocalWriteNotStored');
  });

  it('checks every request of a batch (not atomic), and answers 503 when one was not stored', async () => {
    const [a, b] = [pk(), pk()];
    const stored = guarded(plenty);
    const items = [{ PutRequest: { Item: recordItem(a) } }, { PutRequest: { Item: keyItem(b, 4) } }];
    await stored.send(new BatchWriteCommand({ RequestItems: { [tableName]: items } }));
    expect(await read(b, 'KEY#1')).toEqual(keyItem(b, 4));

    const dropped = guarded(plenty);
    dropTransactionsAndBatches(dropped);
    const [c, d] = [pk(), pk()];
    const error = await refusal(
      dropped.send(
        new BatchWriteCommand({
          RequestItems: {
            [tableName]: [
              { PutRequest: { Item: recordItem(c) } },
              { DeleteRequest: { Key: { PK: d, SK: 'KEY#1' } } },
            ],
          },
        }),
      ),
    );
    expect(error.cause_).toBe('LocalWriteNotStored');
  });
});

describe('write evidence', () => {
  it('finds the version an UpdateExpression assigns, through a name placeholder or not', () => {
    const values = { ':a5': { N: '7' }, ':x': { S: 'x' } };
    expect(
      assignedNumber('SET #a0 = :x, #a5 = :a5 REMOVE #x0', { '#a0': 'name', '#a5': 'version' }, values),
    ).toBe(7);
    expect(assignedNumber('REMOVE #r SET version = :a5', {}, values)).toBe(7);
    expect(assignedNumber('SET #l = list_append(#l, :x), version = :a5', { '#l': 'tags' }, values)).toBe(7);
    expect(assignedNumber('ADD adminKeys :k', {}, values)).toBeUndefined();
    expect(assignedNumber('SET #v = #v + :one', { '#v': 'version' }, { ':one': { N: '1' } })).toBeUndefined();
  });

  it('compares items whatever the order of map keys and set members', () => {
    const one = { M: { a: { SS: ['x', 'y'] }, b: { N: '1' }, c: { L: [{ NULL: true as const }] } } };
    const same = { M: { c: { L: [{ NULL: true as const }] }, b: { N: '1' }, a: { SS: ['y', 'x'] } } };
    const other = { M: { a: { SS: ['x', 'y'] }, b: { N: '2' }, c: { L: [{ NULL: true as const }] } } };
    expect(canonical(one)).toBe(canonical(same));
    expect(canonical(one)).not.toBe(canonical(other));
  });
});
