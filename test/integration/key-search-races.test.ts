// The search directory under concurrent creates, renames, status changes and deletes (issue 17):
// every change writes its entry in the key's own transaction, conditional on the entry's bucket
// being as read, so afterwards search agrees with the keys themselves: every key found exactly
// once, under its latest name and status, and no deleted key at all.
import { TestApi, type Credentials } from '../helpers/api';
import { countItemReads } from '../helpers/counting';
import { WriteConflict } from '../../shared/ports';
import { bucketOf } from '../../shared/adapters/dynamodb/directory-item';
import { keyPath, listAll, issueKey } from './support';

describe('search under concurrent changes', () => {
  let api: TestApi;
  /** The conditions that failed at commit (each one retried inside its request). */
  const lost: string[] = [];
  beforeAll(async () => {
    api = await TestApi.start({
      work: (inner) => ({
        commit: async (writes) => {
          try {
            await inner.commit(writes);
          } catch (error) {
            if (error instanceof WriteConflict) lost.push(error.reason);
            throw error;
          }
        },
      }),
    });
  });
  afterAll(() => api.stop());

  const search = async (owner: Credentials, query: string): Promise<any[]> => listAll(api, owner, query);

  it('finds every key exactly once under its latest name and status, and no deleted one', async () => {
    const owner = await api.bootstrap('races');
    const existing: string[] = [];
    for (let i = 0; i < 24; i++) existing.push((await issueKey(api, owner, [], `Corrida ${i}`)).appKey);
    const [renamed, deactivated, deleted] = [existing.slice(0, 8), existing.slice(8, 16), existing.slice(16)];

    // All at once: 24 creates, and 8 renames, 8 deactivations and 8 deletes of the existing keys.
    const [creates, renames, deactivations, deletes] = await Promise.all([
      Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          api.request('POST', '/v1/keys', { as: owner, body: { name: `Carrera nueva ${i}`, roles: [] } }),
        ),
      ),
      Promise.all(
        renamed.map((k, i) =>
          api.request('PATCH', keyPath(k), { as: owner, body: { name: `Renombrada Ñ ${i}` } }),
        ),
      ),
      Promise.all(deactivated.map((k) => api.request('POST', keyPath(k, '/deactivate'), { as: owner }))),
      Promise.all(deleted.map((k) => api.request('DELETE', `${keyPath(k)}?confirm=true`, { as: owner }))),
    ]);
    // Lost races are retried inside the request. On a machine this busy a request may still run
    // out of time (503: nothing changed); anything else is a defect. Most must have succeeded.
    const all = [...creates, ...renames, ...deactivations, ...deletes];
    expect(all.filter((r) => r.status >= 300 && r.status !== 503).map((r) => [r.status, r.text])).toEqual([]);
    expect(all.filter((r) => r.status < 300).length).toBeGreaterThanOrEqual(all.length * 0.75);
    const ok = <T>(items: T[], replies: Array<{ status: number }>): T[] =>
      items.filter((_, i) => replies[i]!.status < 300);

    // The truth: the keys themselves, listed without search (a Query of the key items).
    const keys = await listAll(api, owner, 'limit=100');
    const byKey = new Map(keys.map((k) => [k.appKey, k]));
    const created = creates.filter((r) => r.status === 201).map((r) => r.body.key.appKey as string);
    expect(keys).toHaveLength(1 + created.length + 24 - ok(deleted, deletes).length);
    const searched = await search(owner, 'search=r&limit=7');
    const named = (text: string) => keys.filter((k) => k.name.toLowerCase().includes(text));
    expect(searched.map((k) => k.appKey)).toEqual(named('r').map((k) => k.appKey));
    expect(new Set(searched.map((k) => k.appKey)).size).toBe(searched.length);

    const appKeys = (found: any[]) => found.map((k) => k.appKey).sort();
    expect(appKeys(await search(owner, 'search=renombrada%20n'))).toEqual(ok(renamed, renames).sort());
    expect(appKeys(await search(owner, 'search=corrida&status=inactive'))).toEqual(
      ok(deactivated, deactivations).sort(),
    );
    expect(appKeys(await search(owner, 'search=nueva'))).toEqual([...created].sort());
    for (const gone of ok(deleted, deletes)) {
      expect(byKey.has(gone)).toBe(false);
      expect(await search(owner, `search=${gone.slice(-12)}`)).toEqual([]);
    }
    for (const k of keys)
      expect((await search(owner, `search=${k.appKey}`)).map((f) => f.appKey)).toEqual([k.appKey]);
  }, 90_000);

  it('a change whose bucket changed between its read and its commit loses, is retried and lands', async () => {
    const owner = await api.bootstrap('bucket');
    // Two keys whose entries share a bucket (64 buckets: a pair turns up within a few keys).
    const byBucket = new Map<string, string>();
    let pair: [string, string] | undefined;
    while (!pair) {
      const { appKey } = await issueKey(api, owner, [], 'Cubo');
      const bucket = bucketOf(appKey.slice(-26));
      const other = byBucket.get(bucket);
      if (other) pair = [other, appKey];
      byBucket.set(bucket, appKey);
    }
    const [first, second] = pair;
    // Just before the first rename's transaction is sent, the second key is renamed through the
    // API: the first read its bucket before that, so its condition must fail.
    let interfered = false;
    api.services.db.middlewareStack.add(
      (next, context) => async (args) => {
        if (!interfered && context.commandName === 'TransactWriteItemsCommand') {
          interfered = true;
          const reply = await api.request('PATCH', keyPath(second), { as: owner, body: { name: 'Segundo' } });
          expect(reply.status).toBe(200);
        }
        return next(args);
      },
      { step: 'initialize', name: 'interfere' },
    );
    lost.length = 0;

    const reply = await api.request('PATCH', keyPath(first), { as: owner, body: { name: 'Primero' } });

    api.services.db.middlewareStack.remove('interfere');
    expect(reply.status).toBe(200);
    expect(lost).toEqual(['in-progress']);
    expect((await search(owner, 'search=primero')).map((k) => k.appKey)).toEqual([first]);
    expect((await search(owner, 'search=segundo')).map((k) => k.appKey)).toEqual([second]);
    expect(await search(owner, 'search=cubo')).toHaveLength(byBucket.size + 1 - 2);
  });

  it('a search that matches nothing reads the directory (head + one shard) and no key', async () => {
    const owner = await api.bootstrap('costs');
    for (let i = 0; i < 5; i++) await issueKey(api, owner, [], `Coste ${i}`);
    const counter = countItemReads(api.services.db);

    const reply = await api.request('GET', '/v1/keys?search=nothing%20here', { as: owner });

    expect(reply.body.items).toEqual([]);
    expect(counter.reads.QueryCommand).toBe(2);
    expect(counter.reads.BatchGetCommand).toBe(0);
    // The head first (read backwards): it says whether the shards are worth reading.
    expect(counter.reads.sortKeys).toEqual(['DIRHEAD', 'DIR#000000']);
    // Authentication reads the caller's key and the account (settings, roles): never the key list.
    expect(counter.reads.GetCommand).toBeLessThanOrEqual(3);
  });
});
