// API.md 1.1 "Custom roles": create, replace (If-Match), delete with confirmation; predefined roles
// immutable; no escalation; role-in-use; the 100-role limit; holders get non-management changes at
// once; a custom role with keys:edit makes an admin key for the last-admin rule.
import { TestApi, type Credentials } from '../helpers/api';
import { expectFieldError, expectProblem, keyPath, verify } from './support';

const role = (id: string, permissions: string[], extra: Record<string, unknown> = {}) => ({
  id,
  name: `Role ${id}`,
  description: `About ${id}`,
  permissions,
  ...extra,
});

describe('custom roles', () => {
  let api: TestApi;
  beforeAll(async () => {
    // A long cache: changes must still reach holders at once in this process.
    api = await TestApi.start({ cacheTtlSeconds: 60 });
  });
  afterAll(() => api.stop());

  const createRole = (as: Credentials, body: unknown) => api.request('POST', '/v1/roles', { as, body });
  const replaceRole = (as: Credentials, id: string, body: unknown, ifMatch?: string) =>
    api.request('PUT', `/v1/roles/${id}`, { as, body, headers: ifMatch ? { 'if-match': ifMatch } : {} });
  const deleteRole = (as: Credentials, id: string, confirm = true) =>
    api.request('DELETE', `/v1/roles/${id}${confirm ? '?confirm=true' : ''}`, { as });
  const listRoles = async (as: Credentials) => {
    const reply = await api.request('GET', '/v1/roles', { as });
    expect(reply.status).toBe(200);
    return reply.body.items as Array<Record<string, unknown>>;
  };

  it('creates a role (201, Location, ETag) and lists predefined roles first, then custom ones by id', async () => {
    const owner = await api.bootstrap('rolesmade');
    const zeta = await createRole(owner, role('zeta-ops', ['zeta:run']));
    expect(zeta.status).toBe(201);
    expect(zeta.headers.get('location')).toBe('/v1/roles/zeta-ops');
    expect(zeta.headers.get('etag')).toBe('"1"');
    expect(zeta.body).toMatchObject({
      id: 'zeta-ops',
      predefined: false,
      version: 1,
      permissions: ['zeta:run'],
    });
    expect((await createRole(owner, role('alpha-ops', ['alpha:run']))).status).toBe(201);

    const ids = (await listRoles(owner)).map((r) => [r.id, r.predefined]);
    expect(ids).toEqual([
      ['owner', true],
      ['key-admin', true],
      ['key-viewer', true],
      ['catalog-read', true],
      ['catalog-write', true],
      ['orders-read', true],
      ['orders-write', true],
      ['alpha-ops', false],
      ['zeta-ops', false],
    ]);
    const one = await api.request('GET', '/v1/roles/alpha-ops', { as: owner });
    expect(one.body).toMatchObject({ id: 'alpha-ops', version: 1 });
  });

  it('refuses taken ids, predefined ids and malformed definitions, creating nothing', async () => {
    const owner = await api.bootstrap('rolesbad');
    expect((await createRole(owner, role('taken', ['a:b']))).status).toBe(201);
    expectProblem(await createRole(owner, role('taken', ['a:c'])), 'conflict');
    expectProblem(await createRole(owner, role('owner', ['a:c'])), 'conflict');
    expectFieldError(await createRole(owner, role('fine', ['NotAPermission'])), 'permissions[0]');
    expectFieldError(await createRole(owner, role('fine', ['a:b', 'a:b'])), 'permissions[1]');
    expectFieldError(await createRole(owner, role('fine', [])), 'permissions');
    expectFieldError(await createRole(owner, role('Bad_Id', ['a:b'])), 'id');
    expectFieldError(await createRole(owner, { ...role('fine', ['a:b']), extra: 1 }), 'extra');
    expect((await listRoles(owner)).map((r) => r.id)).not.toContain('fine');
    expect((await api.request('GET', '/v1/roles/taken', { as: owner })).body.permissions).toEqual(['a:b']);
  });

  it('keeps predefined roles immutable', async () => {
    const owner = await api.bootstrap('rolesfixed');
    expectProblem(
      await replaceRole(owner, 'key-viewer', { name: 'x', description: '', permissions: ['keys:edit'] }),
      'role-predefined',
    );
    expectProblem(await deleteRole(owner, 'owner'), 'role-predefined');
    expectProblem(
      await replaceRole(owner, 'nope', { name: 'x', description: '', permissions: ['a:b'] }),
      'not-found',
    );
    expectProblem(await deleteRole(owner, 'nope'), 'not-found');
  });

  it('needs roles:edit, and no key may create or widen a role past its own management permissions', async () => {
    const owner = await api.bootstrap('rolesesc');
    const admin = await api.createKey(owner, ['key-admin']);
    expectProblem(await createRole(admin, role('mine', ['a:b'])), 'forbidden');

    expect((await createRole(owner, role('role-editor', ['roles:edit', 'keys:view']))).status).toBe(201);
    const editor = await api.createKey(owner, ['role-editor']);
    expect((await createRole(editor, role('shop', ['shop:read', 'keys:view']))).status).toBe(201);
    expectProblem(await createRole(editor, role('super', ['keys:edit'])), 'forbidden');
    expectProblem(
      await replaceRole(editor, 'shop', {
        name: 'Shop',
        description: '',
        permissions: ['shop:read', 'keys:renew'],
      }),
      'forbidden',
    );
    // Nor may it change a role stronger than itself.
    expect((await createRole(owner, role('strong', ['settings:edit']))).status).toBe(201);
    expectProblem(
      await replaceRole(editor, 'strong', { name: 'Weaker', description: '', permissions: ['a:b'] }),
      'forbidden',
    );
    expectProblem(await deleteRole(editor, 'strong'), 'forbidden');
    // And a key cannot be given a custom role with management permissions its granter lacks.
    const renewer = await api.request('POST', '/v1/roles', {
      as: owner,
      body: role('renewer', ['keys:renew']),
    });
    expect(renewer.status).toBe(201);
    const viewerAdmin = await api.createKey(owner, ['key-viewer']);
    const grant = await api.request('POST', '/v1/keys', {
      as: admin,
      body: { name: 'x', roles: ['renewer'] },
    });
    expect(grant.status).toBe(201); // key-admin holds keys:renew
    expectProblem(
      await api.request('PATCH', keyPath(viewerAdmin.appKey), { as: editor, body: { roles: ['renewer'] } }),
      'forbidden',
    );
    // The rule itself, reached by a caller allowed to edit keys: a key-admin (keys:edit, no
    // roles:edit) may neither create a key with a role holding roles:edit nor give one to a key.
    expect((await createRole(owner, role('powerful', ['roles:edit']))).status).toBe(201);
    expectProblem(
      await api.request('POST', '/v1/keys', { as: admin, body: { name: 'y', roles: ['powerful'] } }),
      'forbidden',
    );
    const target = grant.body.key.appKey as string;
    expectProblem(
      await api.request('PATCH', keyPath(target), { as: admin, body: { roles: ['powerful'] } }),
      'forbidden',
    );
    expect((await api.request('GET', keyPath(target), { as: owner })).body.roles).toEqual(['renewer']);
    const keys = (await api.request('GET', '/v1/keys?limit=100', { as: owner })).body.items;
    expect(keys.filter((k: { roles: string[] }) => k.roles.includes('powerful'))).toEqual([]);
    // The owner holds roles:edit, so the same change is its to make.
    expect(
      (await api.request('PATCH', keyPath(target), { as: owner, body: { roles: ['powerful'] } })).status,
    ).toBe(200);
  });

  it('gives every holder a changed non-management permission at once; management changes need an unheld role', async () => {
    const owner = await api.bootstrap('rolesflow');
    expect((await createRole(owner, role('shop', ['shop:read']))).status).toBe(201);
    const holder = await api.createKey(owner, ['shop', 'orders-read']);
    expect((await verify(api, holder.appKey, holder.token)).permissions).toEqual([
      'orders:read',
      'shop:read',
    ]);

    const widened = await replaceRole(owner, 'shop', {
      name: 'Shop',
      description: 'Reads and writes the shop',
      permissions: ['shop:read', 'shop:write'],
    });
    expect(widened.status).toBe(200);
    expect(widened.body.version).toBe(2);
    expect((await verify(api, holder.appKey, holder.token)).permissions).toEqual([
      'orders:read',
      'shop:read',
      'shop:write',
    ]);

    expectProblem(
      await replaceRole(owner, 'shop', {
        name: 'Shop',
        description: '',
        permissions: ['shop:read', 'keys:view'],
      }),
      'role-in-use',
    );
    expect((await verify(api, holder.appKey, holder.token)).permissions).not.toContain('keys:view');

    expect((await createRole(owner, role('idle', ['a:b']))).status).toBe(201);
    const managed = await replaceRole(owner, 'idle', {
      name: 'Idle',
      description: '',
      permissions: ['keys:view'],
    });
    expect(managed.status).toBe(200);
  });

  it('honours If-Match on replace (412 on a stale version, nothing changed)', async () => {
    const owner = await api.bootstrap('rolesetag');
    expect((await createRole(owner, role('pinned', ['a:b']))).status).toBe(201);
    const body = { name: 'Pinned', description: '', permissions: ['a:c'] };
    expect((await replaceRole(owner, 'pinned', body, '"1"')).status).toBe(200);
    expectProblem(
      await replaceRole(owner, 'pinned', { ...body, permissions: ['a:d'] }, '"1"'),
      'precondition-failed',
    );
    expect((await api.request('GET', '/v1/roles/pinned', { as: owner })).body.permissions).toEqual(['a:c']);
  });

  it('deletes only with confirmation and only while no key holds the role; then it is unknown', async () => {
    const owner = await api.bootstrap('rolesgone');
    expect((await createRole(owner, role('temp', ['a:b']))).status).toBe(201);
    const holder = await api.createKey(owner, ['temp']);
    expectProblem(await deleteRole(owner, 'temp', false), 'confirmation-required');
    expectProblem(await deleteRole(owner, 'temp'), 'role-in-use');

    expect(
      (await api.request('PATCH', keyPath(holder.appKey), { as: owner, body: { roles: [] } })).status,
    ).toBe(200);
    expect((await deleteRole(owner, 'temp')).status).toBe(204);
    expectFieldError(
      await api.request('POST', '/v1/keys', { as: owner, body: { name: 'x', roles: ['temp'] } }),
      'roles[0]',
    );
    expectProblem(await api.request('GET', '/v1/roles/temp', { as: owner }), 'not-found');
  });

  it('a deleted key gives its roles back', async () => {
    const owner = await api.bootstrap('rolesfree');
    expect((await createRole(owner, role('temp', ['a:b']))).status).toBe(201);
    const holder = await api.createKey(owner, ['temp']);
    expect((await api.request('DELETE', keyPath(holder.appKey, '?confirm=true'), { as: owner })).status).toBe(
      204,
    );
    expect((await deleteRole(owner, 'temp')).status).toBe(204);
  });

  it('holds at most 100 custom roles per account', async () => {
    const owner = await api.bootstrap('rolesfull');
    for (let i = 0; i < 100; i++) {
      const reply = await createRole(owner, role(`r${String(i).padStart(3, '0')}`, ['a:b']));
      expect(reply.status).toBe(201);
    }
    expectProblem(await createRole(owner, role('one-more', ['a:b'])), 'limit-exceeded');
    expect((await deleteRole(owner, 'r000')).status).toBe(204);
    expect((await createRole(owner, role('one-more', ['a:b']))).status).toBe(201);
  });

  it('counts a key holding keys:edit through a custom role as an admin key', async () => {
    const owner = await api.bootstrap('rolesadmin');
    // Without the custom role's keys:edit counted, the owner could not deactivate itself
    // (it would be the last admin key) - and the editor, once alone, could be deactivated.
    expect((await createRole(owner, role('editor', ['keys:view', 'keys:edit']))).status).toBe(201);
    const editor = await api.createKey(owner, ['editor']);
    expect((await api.request('POST', keyPath(owner.appKey, '/deactivate'), { as: owner })).status).toBe(200);
    expectProblem(
      await api.request('POST', keyPath(editor.appKey, '/deactivate'), { as: editor }),
      'last-admin-key',
    );
  });

  it('records role.created, role.updated and role.deleted in the audit log', async () => {
    const owner = await api.bootstrap('rolesaudit');
    expect((await createRole(owner, role('logged', ['a:b']))).status).toBe(201);
    expect(
      (await replaceRole(owner, 'logged', { name: 'Logged', description: '', permissions: ['a:c'] })).status,
    ).toBe(200);
    expect((await deleteRole(owner, 'logged')).status).toBe(204);
    const audit = await api.request('GET', '/v1/audit', { as: owner });
    // The test clock stands still, so entries of the same millisecond have no order to check.
    const entries = audit.body.items.filter((e: any) => e.target.type === 'role');
    const byAction = Object.fromEntries(entries.map((e: any) => [e.action, e]));
    expect(Object.keys(byAction).sort()).toEqual(['role.created', 'role.deleted', 'role.updated']);
    expect(byAction['role.updated'].changes.permissions).toEqual({ from: ['a:b'], to: ['a:c'] });
    expect(byAction['role.created'].changes.permissions).toEqual({ from: null, to: ['a:b'] });
    expect(byAction['role.deleted'].target).toEqual({ type: 'role', id: 'logged' });
    expect(byAction['role.deleted'].actor).toEqual({ type: 'key', appKey: owner.appKey });
  });

  it("keeps one account's roles out of another's", async () => {
    const a = await api.bootstrap('rolesowna');
    const b = await api.bootstrap('rolesownb');
    expect((await createRole(a, role('private', ['a:b']))).status).toBe(201);
    expect((await listRoles(b)).map((r) => r.id)).not.toContain('private');
    expectProblem(await api.request('GET', '/v1/roles/private', { as: b }), 'not-found');
    expectProblem(await deleteRole(b, 'private'), 'not-found');
    expectFieldError(
      await api.request('POST', '/v1/keys', { as: b, body: { name: 'x', roles: ['private'] } }),
      'roles[0]',
    );
  });
});
