// PATCH /v1/keys/{appKey}: name, roles, active; If-Match pins the version.
import { TestApi } from '../helpers/api';
import {
  T0,
  absentAppKey,
  expectFieldError,
  expectProblem,
  getKey,
  iso,
  keyPath,
  stateOf,
  verify,
  issueKey,
} from './support';

describe('PATCH /v1/keys/{appKey}', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());
  afterEach(() => api.services.clock.set(T0));

  it('renames a key: 200, version + 1, ETag, updatedAt moves, createdAt and tokens stay', async () => {
    const owner = await api.bootstrap('editname');
    const target = await issueKey(api, owner, ['catalog-read'], 'old name');
    const before = await getKey(api, owner, target.appKey);
    api.services.clock.advanceMs(60_000);

    const reply = await api.request('PATCH', keyPath(target.appKey), {
      as: owner,
      body: { name: '  new name ' },
    });

    expect(reply.status).toBe(200);
    expect(reply.headers.get('etag')).toBe('"2"');
    expect(reply.body).toEqual({
      ...before,
      name: 'new name',
      version: 2,
      updatedAt: iso(T0 + 60_000),
    });
    expect(await getKey(api, owner, target.appKey)).toEqual(reply.body);
    expect(await verify(api, target.appKey, target.token)).toMatchObject({ valid: true, name: 'new name' });
  });

  it('replaces the roles, in the order given, and verification reports them at once', async () => {
    const owner = await api.bootstrap('editroles');
    const target = await issueKey(api, owner, ['catalog-read']);

    const reply = await api.request('PATCH', keyPath(target.appKey), {
      as: owner,
      body: { roles: ['orders-write', 'catalog-write'] },
    });

    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ roles: ['orders-write', 'catalog-write'], version: 2 });
    const verified = await verify(api, target.appKey, target.token);
    expect(verified.roles).toEqual(['orders-write', 'catalog-write']);
    expect([...verified.permissions].sort()).toEqual([
      'catalog:read',
      'catalog:write',
      'orders:read',
      'orders:write',
    ]);
  });

  it('can remove every role', async () => {
    const owner = await api.bootstrap('editnoroles');
    const target = await issueKey(api, owner, ['catalog-read']);

    const reply = await api.request('PATCH', keyPath(target.appKey), { as: owner, body: { roles: [] } });

    expect(reply.body.roles).toEqual([]);
    expect(await verify(api, target.appKey, target.token)).toMatchObject({ valid: true, permissions: [] });
  });

  it('deactivates and reactivates with active', async () => {
    const owner = await api.bootstrap('editactive');
    const target = await issueKey(api, owner, []);

    const off = await api.request('PATCH', keyPath(target.appKey), { as: owner, body: { active: false } });
    const whileOff = await verify(api, target.appKey, target.token);
    const on = await api.request('PATCH', keyPath(target.appKey), { as: owner, body: { active: true } });

    expect(off.body).toMatchObject({ status: 'inactive', version: 2 });
    expect(whileOff).toEqual({ valid: false, reason: 'inactive' });
    expect(on.body).toMatchObject({ status: 'active', version: 3 });
    expect(await verify(api, target.appKey, target.token)).toMatchObject({ valid: true });
  });

  it('changes several fields in one version', async () => {
    const owner = await api.bootstrap('editmany');
    const target = await issueKey(api, owner, []);

    const reply = await api.request('PATCH', keyPath(target.appKey), {
      as: owner,
      body: { name: 'both', roles: ['orders-read'], active: false },
    });

    expect(reply.body).toMatchObject({
      name: 'both',
      roles: ['orders-read'],
      status: 'inactive',
      version: 2,
    });
  });

  describe('If-Match', () => {
    it('applies the change when If-Match is the current version', async () => {
      const owner = await api.bootstrap('editifmatch');
      const target = await issueKey(api, owner, []);

      const reply = await api.request('PATCH', keyPath(target.appKey), {
        as: owner,
        body: { name: 'pinned' },
        headers: { 'if-match': '"1"' },
      });

      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ name: 'pinned', version: 2 });
      expect(reply.headers.get('etag')).toBe('"2"');
    });

    it('is 412 precondition-failed for a stale version and changes nothing', async () => {
      const owner = await api.bootstrap('editstale');
      const target = await issueKey(api, owner, ['catalog-read'], 'original');
      await api.request('PATCH', keyPath(target.appKey), { as: owner, body: { name: 'second' } });
      const before = await getKey(api, owner, target.appKey);

      const reply = await api.request('PATCH', keyPath(target.appKey), {
        as: owner,
        body: { name: 'lost update', roles: [], active: false },
        headers: { 'if-match': '"1"' },
      });

      expectProblem(reply, 'precondition-failed');
      expect(stateOf(await getKey(api, owner, target.appKey))).toEqual(stateOf(before));
      expect(await verify(api, target.appKey, target.token)).toMatchObject({ valid: true });
    });

    it('is 412 for a version from the future too', async () => {
      const owner = await api.bootstrap('editfuture');
      const target = await issueKey(api, owner, []);

      const reply = await api.request('PATCH', keyPath(target.appKey), {
        as: owner,
        body: { name: 'x' },
        headers: { 'if-match': '"7"' },
      });

      expectProblem(reply, 'precondition-failed');
      expect((await getKey(api, owner, target.appKey)).version).toBe(1);
    });
  });

  it.each([
    ['an empty body', {}, ''],
    ['a blank name', { name: ' ' }, 'name'],
    ['a name of 101 characters', { name: 'x'.repeat(101) }, 'name'],
    ['an unknown role', { roles: ['nope'] }, 'roles[0]'],
    ['a duplicate role', { roles: ['orders-read', 'orders-read'] }, 'roles[1]'],
    ['active as a string', { active: 'false' }, 'active'],
    ['an unknown field', { name: 'x', status: 'inactive' }, 'status'],
  ])('rejects %s with 400 and changes nothing', async (_case, body, path) => {
    const owner = await api.bootstrap('editinvalid');
    const target = await issueKey(api, owner, ['catalog-read']);
    const before = await getKey(api, owner, target.appKey);

    const reply = await api.request('PATCH', keyPath(target.appKey), { as: owner, body });

    expectFieldError(reply, path);
    expect(stateOf(await getKey(api, owner, target.appKey))).toEqual(stateOf(before));
  });

  it('is 404 for a key that does not exist', async () => {
    const owner = await api.bootstrap('editmissing');

    const reply = await api.request('PATCH', keyPath(absentAppKey('editmissing')), {
      as: owner,
      body: { name: 'x' },
    });

    expectProblem(reply, 'not-found');
  });

  it('is forbidden to keys:view only, and changes nothing', async () => {
    const owner = await api.bootstrap('editforbidden');
    const viewer = await issueKey(api, owner, ['key-viewer']);
    const target = await issueKey(api, owner, []);

    const reply = await api.request('PATCH', keyPath(target.appKey), {
      as: viewer,
      body: { name: 'hijacked' },
    });

    expectProblem(reply, 'forbidden');
    expect((await getKey(api, owner, target.appKey)).name).toBe('test key');
  });

  it('is 401 without credentials', async () => {
    const owner = await api.bootstrap('editanon');

    const reply = await api.request('PATCH', keyPath(owner.appKey), { body: { name: 'x' } });

    expectProblem(reply, 'unauthorized');
  });
});
