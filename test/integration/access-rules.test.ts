// The two access rules that protect an account: never lose the last admin key, never escalate.
import { TestApi, type Credentials } from '../helpers/api';
import {
  expectFieldError,
  expectProblem,
  getKey,
  keyPath,
  listAll,
  stateOf,
  verify,
  issueKey,
} from './support';

const canEdit = (key: any): boolean =>
  key.status === 'active' && key.roles.some((r: string) => r === 'owner' || r === 'key-admin');

describe('access rules', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  describe('last admin key', () => {
    /** The ways to take keys:edit away from a key. */
    const removals: Array<[string, (as: Credentials, appKey: string) => ReturnType<TestApi['request']>]> = [
      ['deactivate', (as, appKey) => api.request('POST', keyPath(appKey, '/deactivate'), { as })],
      ['delete', (as, appKey) => api.request('DELETE', keyPath(appKey) + '?confirm=true', { as })],
      [
        'PATCH roles without keys:edit',
        (as, appKey) => api.request('PATCH', keyPath(appKey), { as, body: { roles: ['key-viewer'] } }),
      ],
      [
        'PATCH active=false',
        (as, appKey) => api.request('PATCH', keyPath(appKey), { as, body: { active: false } }),
      ],
      ['PATCH roles=[]', (as, appKey) => api.request('PATCH', keyPath(appKey), { as, body: { roles: [] } })],
    ];

    it.each(removals)(
      '%s of the only active admin key: 409 last-admin-key, nothing changed',
      async (how, act) => {
        const owner = await api.bootstrap(`lastadmin${removals.findIndex(([h]) => h === how)}`);
        // Other keys that do not count: an inactive admin key and an active viewer.
        const inactiveAdmin = await issueKey(api, owner, ['key-admin']);
        await api.request('POST', keyPath(inactiveAdmin.appKey, '/deactivate'), { as: owner });
        await issueKey(api, owner, ['key-viewer']);
        const before = await getKey(api, owner, owner.appKey);

        const reply = await act(owner, owner.appKey);

        expectProblem(reply, 'last-admin-key');
        expect(stateOf(await getKey(api, owner, owner.appKey))).toEqual(stateOf(before));
        expect(await verify(api, owner.appKey, owner.token)).toMatchObject({ valid: true });
      },
    );

    it.each(removals)('%s is allowed while another active admin key exists', async (how, act) => {
      const owner = await api.bootstrap(`otheradmin${removals.findIndex(([h]) => h === how)}`);
      // A second owner: since API.md 1.1 a key-admin key may not change an owner key at all.
      const admin = await issueKey(api, owner, ['owner']);

      const reply = await act(admin, owner.appKey);

      expect(reply.status).toBeLessThan(300);
      const remaining = (await listAll(api, admin)).filter(canEdit).map((k) => k.appKey);
      expect(remaining).toEqual([admin.appKey]);
      // ...and now the remaining one is protected in turn.
      expectProblem(await act(admin, admin.appKey), 'last-admin-key');
    });

    it('keeps a key that is admin through key-admin as the last one just as well', async () => {
      const owner = await api.bootstrap('lastkeyadmin');
      const admin = await issueKey(api, owner, ['key-admin', 'catalog-read']);
      // The owner steps down itself (a key-admin key may not deactivate an owner key).
      expect((await api.request('POST', keyPath(owner.appKey, '/deactivate'), { as: owner })).status).toBe(
        200,
      );

      const reply = await api.request('PATCH', keyPath(admin.appKey), {
        as: admin,
        body: { roles: ['catalog-read'] },
      });

      expectProblem(reply, 'last-admin-key');
      expect((await getKey(api, admin, admin.appKey)).roles).toEqual(['key-admin', 'catalog-read']);
    });

    it('allows changes to the last admin key that keep keys:edit', async () => {
      const owner = await api.bootstrap('lastadminkeeps');

      const renamed = await api.request('PATCH', keyPath(owner.appKey), {
        as: owner,
        body: { name: 'Root' },
      });
      const swapped = await api.request('PATCH', keyPath(owner.appKey), {
        as: owner,
        body: { roles: ['owner', 'catalog-read'] },
      });

      expect(renamed.status).toBe(200);
      expect(swapped.status).toBe(200);
    });

    it('reactivating an admin key makes it count again', async () => {
      const owner = await api.bootstrap('lastadminback');
      const admin = await issueKey(api, owner, ['key-admin']);
      await api.request('POST', keyPath(admin.appKey, '/deactivate'), { as: owner });
      expectProblem(
        await api.request('POST', keyPath(owner.appKey, '/deactivate'), { as: owner }),
        'last-admin-key',
      );

      await api.request('POST', keyPath(admin.appKey, '/activate'), { as: owner });

      expect((await api.request('POST', keyPath(owner.appKey, '/deactivate'), { as: owner })).status).toBe(
        200,
      );
    });

    // Each key acts on itself, so whichever request comes second still authenticates (its own key
    // is untouched by the other) and meets the rule, whether the two really overlap or not.
    it.each([
      [
        'deactivations',
        1,
        (k: Credentials) => api.request('POST', keyPath(k.appKey, '/deactivate'), { as: k }),
      ],
      [
        'deactivations',
        2,
        (k: Credentials) => api.request('POST', keyPath(k.appKey, '/deactivate'), { as: k }),
      ],
      [
        'deactivations',
        3,
        (k: Credentials) => api.request('POST', keyPath(k.appKey, '/deactivate'), { as: k }),
      ],
      [
        'PATCH active=false',
        4,
        (k: Credentials) => api.request('PATCH', keyPath(k.appKey), { as: k, body: { active: false } }),
      ],
      [
        'deletions',
        5,
        (k: Credentials) => api.request('DELETE', keyPath(k.appKey) + '?confirm=true', { as: k }),
      ],
      [
        'deletions',
        6,
        (k: Credentials) => api.request('DELETE', keyPath(k.appKey) + '?confirm=true', { as: k }),
      ],
    ])(
      'two concurrent %s of the last two admin keys: exactly one succeeds (race %i)',
      async (_what, race, act) => {
        const owner = await api.bootstrap(`raceadmin${race}`);
        const admin = await issueKey(api, owner, ['key-admin']);

        const replies = await Promise.all([act(owner), act(admin)]);

        const succeeded = replies.filter((r) => r.status < 300);
        expect(succeeded).toHaveLength(1);
        expectProblem(
          replies.find((r) => r.status >= 300)!,
          'last-admin-key',
        );
        const keys = [
          await api.services.keys.getKey(owner.appKey),
          await api.services.keys.getKey(admin.appKey),
        ];
        expect(keys.filter((k) => k !== null && canEdit(k))).toHaveLength(1);
      },
    );
  });

  describe('no escalation', () => {
    it('a key-admin cannot create a key with owner (roles:edit): 403, nothing created', async () => {
      const owner = await api.bootstrap('escalatecreate');
      const admin = await issueKey(api, owner, ['key-admin']);
      const before = (await listAll(api, owner)).length;

      const reply = await api.request('POST', '/v1/keys', {
        as: admin,
        body: { name: 'x', roles: ['owner'] },
      });
      const mixed = await api.request('POST', '/v1/keys', {
        as: admin,
        body: { name: 'x', roles: ['catalog-read', 'owner'] },
      });

      expectProblem(reply, 'forbidden');
      expectProblem(mixed, 'forbidden');
      expect(reply.text).not.toMatch(/apt_[0-9A-Za-z]{49}/);
      expect(await listAll(api, owner)).toHaveLength(before);
    });

    it('a key-admin can grant roles whose management permissions it holds', async () => {
      const owner = await api.bootstrap('grantallowed');
      const admin = await issueKey(api, owner, ['key-admin']);

      const catalog = await api.request('POST', '/v1/keys', {
        as: admin,
        body: { name: 'c', roles: ['catalog-write'] },
      });
      const peer = await api.request('POST', '/v1/keys', {
        as: admin,
        body: { name: 'k', roles: ['key-admin', 'key-viewer'] },
      });

      expect(catalog.status).toBe(201);
      expect(peer.status).toBe(201);
      expect(peer.body.key.roles).toEqual(['key-admin', 'key-viewer']);
    });

    it('a key-admin cannot add owner to a key with PATCH: 403, nothing changed', async () => {
      const owner = await api.bootstrap('escalatepatch');
      const admin = await issueKey(api, owner, ['key-admin']);
      const target = await issueKey(api, owner, ['catalog-read']);
      const before = await getKey(api, owner, target.appKey);

      const onOther = await api.request('PATCH', keyPath(target.appKey), {
        as: admin,
        body: { roles: ['catalog-read', 'owner'] },
      });
      const onItself = await api.request('PATCH', keyPath(admin.appKey), {
        as: admin,
        body: { roles: ['owner'] },
      });

      expectProblem(onOther, 'forbidden');
      expectProblem(onItself, 'forbidden');
      expect(stateOf(await getKey(api, owner, target.appKey))).toEqual(stateOf(before));
      expect((await getKey(api, owner, admin.appKey)).roles).toEqual(['key-admin']);
    });

    it('a key-admin can PATCH a key to catalog-write', async () => {
      const owner = await api.bootstrap('grantpatch');
      const admin = await issueKey(api, owner, ['key-admin']);
      const target = await issueKey(api, owner, []);

      const reply = await api.request('PATCH', keyPath(target.appKey), {
        as: admin,
        body: { roles: ['catalog-write'] },
      });

      expect(reply.status).toBe(200);
      expect(reply.body.roles).toEqual(['catalog-write']);
    });

    it('the owner can grant owner', async () => {
      const owner = await api.bootstrap('grantowner');

      const reply = await api.request('POST', '/v1/keys', {
        as: owner,
        body: { name: 'co-owner', roles: ['owner'] },
      });

      expect(reply.status).toBe(201);
    });

    it.each([
      { op: 'create', roles: ['catalog-read', 'superuser'], path: 'roles[1]' },
      { op: 'create', roles: ['Owner'], path: 'roles[0]' },
      { op: 'patch', roles: ['orders-read', 'catalog-read', 'nope'], path: 'roles[2]' },
    ])('an unknown role id on $op is 400 naming $path', async ({ op, roles, path }) => {
      const owner = await api.bootstrap('unknownrole');
      const target = await issueKey(api, owner, []);
      const count = (await listAll(api, owner)).length;

      const reply =
        op === 'create'
          ? await api.request('POST', '/v1/keys', { as: owner, body: { name: 'x', roles } })
          : await api.request('PATCH', keyPath(target.appKey), { as: owner, body: { roles } });

      expectFieldError(reply, path);
      expect(await listAll(api, owner)).toHaveLength(count);
      expect((await getKey(api, owner, target.appKey)).roles).toEqual([]);
    });
  });
});
