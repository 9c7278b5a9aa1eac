// The search directory under concurrent creates, renames, status changes and deletes (issue 17):
// every change writes its entry in the key's own transaction, conditional on the entry's bucket
// being as read, so afterwards search agrees with the keys themselves: every key found exactly
// once, under its latest name and status, and no deleted key at all.
import { TestApi, type Credentials } from '../helpers/api';
import { countItemReads } from '../helpers/counting';
import { WriteConflict } from '../../shared/ports';
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
    for (let i = 0; i < 36; i++) existing.push((await issueKey(api, owner, [], `Corrida ${i}`)).appKey);

    // All at once: 40 creates, and 12 renames, 12 deactivations and 12 deletes of the existing keys.
    const replies = await Promise.all([
      ...Array.from({ length: 40 }, (_, i) =>
        api.request('POST', '/v1/keys', { as: owner, body: { name: `Carrera nueva ${i}`, roles: [] } }),
      ),
      ...existing
        .slice(0, 12)
        .map((k, i) => api.request('PATCH', keyPath(k), { as: owner, body: { name: `Renombrada Ñ ${i}` } })),
      ...existing.slice(12, 24).map((k) => api.request('POST', keyPath(k, '/deactivate'), { as: owner })),
      ...existing
        .slice(24, 36)
        .map((k) => api.request('DELETE', `${keyPath(k)}?confirm=true`, { as: owner })),
    ]);
    // Races were lost (the bucket or the shard was changed between read and commit) and retried
    // inside the request: none may be left to the client.
    expect(lost.length).toBeGreaterThan(0);
    expect(replies.filter((r) => r.status >= 300).map((r) => [r.status, r.text])).toEqual([]);

    // The truth: the keys themselves, listed without search (a Query of the key items).
    const keys = await listAll(api, owner, 'limit=100');
    expect(keys).toHaveLength(1 + 40 + 24);
    const searched = await search(owner, 'search=r&limit=7');
    const named = (text: string) => keys.filter((k) => k.name.toLowerCase().includes(text));
    expect(searched.map((k) => k.appKey)).toEqual(named('r').map((k) => k.appKey));
    expect(new Set(searched.map((k) => k.appKey)).size).toBe(searched.length);

    expect((await search(owner, 'search=renombrada%20n')).map((k) => k.name).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `Renombrada Ñ ${i}`).sort(),
    );
    expect(await search(owner, 'search=corrida&status=inactive')).toHaveLength(12);
    expect((await search(owner, 'search=nueva')).map((k) => k.name).sort()).toEqual(
      Array.from({ length: 40 }, (_, i) => `Carrera nueva ${i}`).sort(),
    );
    for (const deleted of existing.slice(24, 36))
      expect(await search(owner, `search=${deleted.slice(-12)}`)).toEqual([]);
    for (const k of keys)
      expect((await search(owner, `search=${k.appKey}`)).map((f) => f.appKey)).toEqual([k.appKey]);
  }, 90_000);

  it('a search that matches nothing reads the directory (head + one shard) and no key', async () => {
    const owner = await api.bootstrap('costs');
    for (let i = 0; i < 5; i++) await issueKey(api, owner, [], `Coste ${i}`);
    const counter = countItemReads(api.services.db);

    const reply = await api.request('GET', '/v1/keys?search=nothing%20here', { as: owner });

    expect(reply.body.items).toEqual([]);
    expect(counter.reads.QueryCommand).toBe(2);
    expect(counter.reads.BatchGetCommand).toBe(0);
    expect(counter.reads.sortKeys).toEqual(['DIR#000000', 'DIRHEAD']);
    // Authentication reads the caller's key and the account (settings, roles): never the key list.
    expect(counter.reads.GetCommand).toBeLessThanOrEqual(3);
  });
});
