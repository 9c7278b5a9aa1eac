// The races issue 13 names, each run many times with both requests in flight at once:
// - deleting a role while a request grants it (to a key, or to an external key): exactly one wins,
//   and no key or grant is ever left holding a role that no longer exists;
// - two replacements of a role with the same If-Match: exactly one 200, the other 412;
// - granting vs revoking an external key: the outcome is one of the serial orders, and the role
//   holder counts stay exact (the role is deletable once nothing holds it).
// The deletions race their grant for real: both read the account's role catalog at a barrier, so
// both judge the same catalog, and the loser's commit fails its condition and is judged again.
import { TestApi, type Credentials } from '../helpers/api';
import { readBarrier } from '../helpers/read-barrier';
import { absentAppKey, expectFieldError, expectProblem, keyPath, verify } from './support';

const ROUNDS = 12;

describe('races on roles and grants', () => {
  let api: TestApi;
  let owner: Credentials;
  const barrier = readBarrier();
  beforeAll(async () => {
    api = await TestApi.start({ access: (inner) => barrier.wrap(inner, 'getCatalog') });
    owner = await api.bootstrap('races');
  });
  afterAll(() => api.stop());

  const createRole = async (id: string) => {
    const reply = await api.request('POST', '/v1/roles', {
      as: owner,
      body: { id, name: id, permissions: ['shop:read'] },
    });
    expect(reply.status).toBe(201);
  };
  const roleExists = async (id: string) =>
    (await api.request('GET', `/v1/roles/${id}`, { as: owner })).status === 200;
  const deleteRole = (id: string) => api.request('DELETE', `/v1/roles/${id}?confirm=true`, { as: owner });

  it('delete role vs grant it to a key: exactly one succeeds, and the key never holds a deleted role', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = `race-key-${round}`;
      await createRole(id);
      const key = await api.createKey(owner, ['catalog-read']);
      barrier.arm('races', 2);
      const [deleted, granted] = await Promise.all([
        deleteRole(id),
        api.request('PATCH', keyPath(key.appKey), { as: owner, body: { roles: ['catalog-read', id] } }),
      ]);
      const keyAfter = (await api.request('GET', keyPath(key.appKey), { as: owner })).body;
      if (deleted.status === 204) {
        // The grant lost: judged again on the catalog without the role, it is an unknown role.
        expectFieldError(granted, 'roles[1]');
        expect(keyAfter.roles).toEqual(['catalog-read']);
        expect(await roleExists(id)).toBe(false);
      } else {
        expectProblem(deleted, 'role-in-use');
        expect(granted.status).toBe(200);
        expect(keyAfter.roles).toEqual(['catalog-read', id]);
        expect(await roleExists(id)).toBe(true);
        expect((await verify(api, key.appKey, key.token)).permissions).toContain('shop:read');
      }
    }
  });

  it('delete role vs create a key with it: exactly one succeeds', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = `race-new-${round}`;
      await createRole(id);
      barrier.arm('races', 2);
      const [deleted, created] = await Promise.all([
        deleteRole(id),
        api.request('POST', '/v1/keys', { as: owner, body: { name: 'racer', roles: [id] } }),
      ]);
      expect([deleted.status === 204, created.status === 201].filter(Boolean)).toHaveLength(1);
      if (deleted.status === 204) expectFieldError(created, 'roles[0]');
      else expectProblem(deleted, 'role-in-use');
    }
  });

  it('delete role vs grant it to an external key: exactly one succeeds', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = `race-ext-${round}`;
      await createRole(id);
      const partnerKey = absentAppKey('racepartner');
      barrier.arm('races', 2);
      const [deleted, granted] = await Promise.all([
        deleteRole(id),
        api.request('POST', '/v1/external-keys', { as: owner, body: { appKey: partnerKey, roles: [id] } }),
      ]);
      expect([deleted.status === 204, granted.status === 201].filter(Boolean)).toHaveLength(1);
      if (deleted.status === 204) {
        expectFieldError(granted, 'roles[0]');
        expectProblem(
          await api.request('GET', `/v1/external-keys/${partnerKey}`, { as: owner }),
          'not-found',
        );
      } else {
        expectProblem(deleted, 'role-in-use');
      }
    }
  });

  it('two replacements with the same If-Match: exactly one 200, the other 412', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = `race-put-${round}`;
      await createRole(id);
      const put = (permission: string) =>
        api.request('PUT', `/v1/roles/${id}`, {
          as: owner,
          body: { name: id, description: '', permissions: [permission] },
          headers: { 'if-match': '"1"' },
        });
      const replies = await Promise.all([put('shop:a'), put('shop:b')]);
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 412]);
      const winner = replies.find((r) => r.status === 200)!;
      const stored = (await api.request('GET', `/v1/roles/${id}`, { as: owner })).body;
      expect(stored).toMatchObject({ version: 2, permissions: winner.body.permissions });
    }
  });

  it('grant vs revoke of an external key: a serial outcome, and exact holder counts', async () => {
    await createRole('race-grant');
    for (let round = 0; round < ROUNDS; round++) {
      const partnerKey = absentAppKey('racegrant');
      const added = await api.request('POST', '/v1/external-keys', {
        as: owner,
        body: { appKey: partnerKey, roles: [] },
      });
      expect(added.status).toBe(201);
      const [granted, revoked] = await Promise.all([
        api.request('PATCH', `/v1/external-keys/${partnerKey}`, {
          as: owner,
          body: { roles: ['race-grant'] },
        }),
        api.request('DELETE', `/v1/external-keys/${partnerKey}?confirm=true`, { as: owner }),
      ]);
      expect(revoked.status).toBe(204); // a removal never loses: it re-reads and removes what is there
      expect([200, 404]).toContain(granted.status);
      expectProblem(await api.request('GET', `/v1/external-keys/${partnerKey}`, { as: owner }), 'not-found');
      // Nothing holds the role after each round: a count off by one either way shows here.
      expect((await api.services.access.getCatalog('races')).findCustom('race-grant')!.holders).toBe(0);
    }
    // Every grant of the role was revoked: if any count had been left behind, this would be 409.
    expect((await deleteRole('race-grant')).status).toBe(204);
  });
});
