// A search fetches its page of keys with BatchGetItem, which DynamoDB answers in part when a
// partition is throttled (UnprocessedKeys). The real table serves the keys; the client in front of
// it holds back every key for the first N requests, as a throttled partition would. A few rounds
// are retried; a partition that stays throttled is an outage (503), not a loop.
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbKeyDirectory } from '../../shared/adapters/dynamodb/dynamodb-key-directory';
import { UnavailableError } from '../../shared/domain/errors';
import { parseAppKey } from '../../shared/domain/ids';
import { TestApi } from '../helpers/api';

describe('BatchGetItem with unprocessed keys', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  /** The real client, except that its first `throttled` BatchGets process no key. */
  function throttling(throttled: number): { db: DynamoDBDocumentClient; batches: () => number } {
    const real = api.services.db;
    let batches = 0;
    const db = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop !== 'send') return Reflect.get(target, prop, receiver);
        return async (command: unknown) => {
          if (!(command instanceof BatchGetCommand)) return real.send(command as never);
          if (++batches > throttled) return real.send(command);
          return { Responses: {}, UnprocessedKeys: command.input.RequestItems };
        };
      },
    });
    return { db, batches: () => batches };
  }

  it('retries while keys come back unprocessed, and returns them all', async () => {
    const owner = await api.bootstrap('throttledonce');
    const made = [await api.createKey(owner, []), await api.createKey(owner, [])];
    const ids = made.map((k) => parseAppKey(k.appKey)!.id);
    const { db, batches } = throttling(2);

    const keys = await new DynamoDbKeyDirectory(db, api.services.tableName).keys('throttledonce', ids);

    expect(keys.map((k) => k.appKey)).toEqual(made.map((k) => k.appKey));
    expect(batches()).toBe(3);
  });

  it('gives up after 5 requests with 503 when the partition stays throttled', async () => {
    const owner = await api.bootstrap('throttled');
    const made = await api.createKey(owner, []);
    const { db, batches } = throttling(Infinity);

    const reading = new DynamoDbKeyDirectory(db, api.services.tableName).keys('throttled', [
      parseAppKey(made.appKey)!.id,
    ]);

    await expect(reading).rejects.toBeInstanceOf(UnavailableError);
    expect(batches()).toBe(5);
  });
});
