// Regression test from an adversarial review of custom roles: holder counts under a storm of concurrent, mixed requests on keys
// and grants (PATCH with reordered role lists, deactivate, delete, create, grant edit/remove).
// At rest, every custom role's stored holder count must equal what actually holds it.
import { TestApi, type Credentials } from '../helpers/api';
import { absentAppKey, keyPath, listAll } from './support';

describe('review probe: holder counts at rest after concurrent mixed requests', () => {
  let api: TestApi;
  let owner: Credentials;
  beforeAll(async () => {
    api = await TestApi.start();
    owner = await api.bootstrap('probehold');
  });
  afterAll(() => api.stop());

  it('stored holders = keys + grants holding each role', async () => {
    for (const id of ['hx', 'hy'])
      expect(
        (await api.request('POST', '/v1/roles', { as: owner, body: { id, name: id, permissions: ['h:r'] } }))
          .status,
      ).toBe(201);
    const keys = await Promise.all(
      [0, 1, 2, 3].map((i) => api.createKey(owner, i % 2 ? ['hx'] : [], `k${i}`)),
    );
    const partners = [absentAppKey('probeholdp'), absentAppKey('probeholdp')];
    for (const p of partners)
      expect(
        (await api.request('POST', '/v1/external-keys', { as: owner, body: { appKey: p, roles: ['hy'] } }))
          .status,
      ).toBe(201);

    const sets = [
      [],
      ['hx'],
      ['hy'],
      ['hx', 'hy'],
      ['hy', 'hx'],
      ['catalog-read', 'hx'],
      ['hx', 'catalog-read', 'hy'],
    ];
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const ops: Array<() => Promise<unknown>> = [];
    for (let i = 0; i < 40; i++) {
      const k = keys[rnd(keys.length)]!;
      const p = partners[rnd(partners.length)]!;
      const kind = rnd(7);
      ops.push(() => {
        switch (kind) {
          case 0:
          case 1:
            return api.request('PATCH', keyPath(k.appKey), {
              as: owner,
              body: { roles: sets[rnd(sets.length)] },
            });
          case 2:
            return api.request('POST', keyPath(k.appKey, rnd(2) ? '/deactivate' : '/activate'), {
              as: owner,
            });
          case 3:
            return api.request('PATCH', `/v1/external-keys/${p}`, {
              as: owner,
              body: { roles: sets[rnd(3)] },
            });
          case 4:
            return rnd(4) === 0
              ? api.request('DELETE', `/v1/external-keys/${p}?confirm=true`, { as: owner })
              : api.request('POST', '/v1/external-keys', { as: owner, body: { appKey: p, roles: ['hx'] } });
          case 5:
            return api.request('POST', '/v1/keys', {
              as: owner,
              body: { name: 'n', roles: sets[rnd(sets.length)] },
            });
          default:
            return rnd(5) === 0
              ? api.request('DELETE', keyPath(k.appKey, '?confirm=true'), { as: owner })
              : api.request('PATCH', keyPath(k.appKey), { as: owner, body: { roles: ['hy', 'hx'] } });
        }
      });
    }
    const replies = (await Promise.all(ops.map((op) => op()))) as Array<{ status: number }>;
    expect(replies.filter((r) => r.status >= 500).map((r) => r.status)).toEqual([]);

    const allKeys = await listAll(api, owner);
    const grants = (await api.request('GET', '/v1/external-keys?limit=100', { as: owner })).body
      .items as any[];
    const catalog = await api.services.access.getCatalog('probehold');
    for (const id of ['hx', 'hy']) {
      const actual =
        allKeys.filter((k) => k.roles.includes(id)).length +
        grants.filter((g) => g.roles.includes(id)).length;
      expect({ id, stored: catalog.findCustom(id)!.holders }).toEqual({ id, stored: actual });
    }
  }, 120_000);
});
