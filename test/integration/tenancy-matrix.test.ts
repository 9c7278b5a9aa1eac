// One matrix: every route that takes {appKey} x a key of another account -> 404, exactly as for a
// key that does not exist in one's own account, and the foreign key is left untouched. Lists and
// searches never show another account's keys.
import { TestApi, type Credentials } from '../helpers/api';
import { routes, type RouteDefinition } from '../../shared/routes';
import { absentAppKey, expectProblem, getKey, keyPath, listAll, verify, issueKey } from './support';
import { readXlsx } from '../helpers/spreadsheets';

const all = routes as readonly RouteDefinition[];
const grantRoutes = all.filter((r) => r.path.startsWith('/v1/external-keys/{appKey}'));
const keyRoutes = all.filter((r) => r.path.includes('{appKey}') && !grantRoutes.includes(r));
const roleRoutes = all.filter((r) => r.path.includes('{roleId}'));

/** A request that would succeed on a key of one's own account in the prepared state. */
function requestFor(
  route: RouteDefinition,
  appKey: string,
): { path: string; body?: unknown; headers?: Record<string, string> } {
  const path = route.path.replace('{appKey}', appKey);
  switch (route.handler) {
    case 'update-external-key':
      return { path, body: { roles: ['catalog-write'], active: false } };
    case 'remove-external-key':
      return { path: `${path}?confirm=true` };
    case 'update-key':
      return { path, body: { name: 'taken over', roles: ['owner'], active: false } };
    case 'delete-key':
      return { path: `${path}?confirm=true` };
    case 'renew-token':
      return { path, body: { deleteOldToken: 'now' }, headers: { 'idempotency-key': `tenancy-${appKey}` } };
    default:
      return { path };
  }
}

describe('tenancy matrix', () => {
  let api: TestApi;
  let mine: Credentials; // owner of account "tenanta"
  let theirs: Credentials; // owner of account "tenantb"
  beforeAll(async () => {
    api = await TestApi.start();
    mine = await api.bootstrap('tenanta');
    theirs = await api.bootstrap('tenantb');
  });
  afterAll(() => api.stop());

  /** A key of the other account in a state every route could change (inactive for activate, renewing for finish/undo). */
  async function foreignKey(route: RouteDefinition): Promise<Credentials> {
    const key = await issueKey(api, theirs, ['catalog-read'], `foreign ${route.handler}`);
    if (route.handler === 'activate-key')
      await api.request('POST', keyPath(key.appKey, '/deactivate'), { as: theirs });
    if (route.handler === 'finish-renewal' || route.handler === 'undo-renewal') {
      const renewed = await api.request('POST', keyPath(key.appKey, '/token/renew'), { as: theirs });
      return { appKey: key.appKey, token: renewed.body.token };
    }
    return key;
  }

  it.each(keyRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s on a key of another account: 404 like a missing key, and the key is unchanged',
    async (_name, route) => {
      const foreign = await foreignKey(route);
      const before = await getKey(api, theirs, foreign.appKey);
      const missing = requestFor(route, absentAppKey('tenanta'));
      const attack = requestFor(route, foreign.appKey);

      const reference = await api.request(route.method, missing.path, {
        as: mine,
        body: missing.body,
        headers: missing.headers,
      });
      const reply = await api.request(route.method, attack.path, {
        as: mine,
        body: attack.body,
        headers: attack.headers,
      });

      expectProblem(reference, 'not-found');
      expectProblem(reply, 'not-found');
      expect(reply.body).toEqual(reference.body);
      expect(reply.text).not.toContain(foreign.appKey);
      expect(reply.text).not.toContain('tenantb');
      expect(await getKey(api, theirs, foreign.appKey)).toEqual(before);
      expect((await verify(api, foreign.appKey, foreign.token)).valid).toBe(before.status === 'active');
    },
  );

  it.each(grantRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    "%s on another account's grant: 404 like a missing grant, and the grant is unchanged",
    async (_name, route) => {
      const partner = absentAppKey('tenantpartner');
      const made = await api.request('POST', '/v1/external-keys', {
        as: theirs,
        body: { appKey: partner, roles: ['catalog-read'] },
      });
      expect(made.status).toBe(201);
      const missing = requestFor(route, absentAppKey('tenantpartner'));
      const attack = requestFor(route, partner);

      const reference = await api.request(route.method, missing.path, { as: mine, body: missing.body });
      const reply = await api.request(route.method, attack.path, { as: mine, body: attack.body });

      expectProblem(reference, 'not-found');
      expectProblem(reply, 'not-found');
      expect(reply.body).toEqual(reference.body);
      expect(reply.text).not.toContain('tenantb');
      expect((await api.request('GET', `/v1/external-keys/${partner}`, { as: theirs })).body).toEqual(
        made.body,
      );
    },
  );

  let roleCount = 0;
  it.each(roleRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    "%s on another account's custom role: 404 like a missing role, and the role is unchanged",
    async (_name, route) => {
      const id = `theirs-${roleCount++}`;
      const made = await api.request('POST', '/v1/roles', {
        as: theirs,
        body: { id, name: 'Theirs', permissions: ['their:thing'] },
      });
      expect(made.status).toBe(201);
      const requestOn = (roleId: string) => ({
        path: `/v1/roles/${roleId}${route.method === 'DELETE' ? '?confirm=true' : ''}`,
        body:
          route.method === 'PUT'
            ? { name: 'Mine now', description: '', permissions: ['my:thing'] }
            : undefined,
      });

      const reference = await api.request(route.method, requestOn('never-made').path, {
        as: mine,
        body: requestOn('never-made').body,
      });
      const reply = await api.request(route.method, requestOn(id).path, {
        as: mine,
        body: requestOn(id).body,
      });

      expectProblem(reference, 'not-found');
      expectProblem(reply, 'not-found');
      expect(reply.body).toEqual(reference.body);
      expect((await api.request('GET', `/v1/roles/${id}`, { as: theirs })).body).toEqual(made.body);
    },
  );

  it("another account's custom roles cannot be given to one's own keys, nor listed", async () => {
    const made = await api.request('POST', '/v1/roles', {
      as: theirs,
      body: { id: 'theirs-only', name: 'Theirs', permissions: ['their:thing'] },
    });
    expect(made.status).toBe(201);
    const reply = await api.request('POST', '/v1/keys', {
      as: mine,
      body: { name: 'x', roles: ['theirs-only'] },
    });
    expectProblem(reply, 'validation-error');
    const roles = await api.request('GET', '/v1/roles', { as: mine });
    expect(roles.body.items.map((r: any) => r.id)).not.toContain('theirs-only');
    const grants = await api.request('GET', '/v1/external-keys', { as: mine });
    expect(grants.body.items.every((g: any) => !JSON.stringify(g).includes('tenantb'))).toBe(true);
  });

  it('a key-admin (not only the owner) of another account gets 404 too', async () => {
    const admin = await issueKey(api, mine, ['key-admin']);
    const foreign = await issueKey(api, theirs, []);

    const reply = await api.request('POST', keyPath(foreign.appKey, '/deactivate'), { as: admin });

    expectProblem(reply, 'not-found');
    expect((await getKey(api, theirs, foreign.appKey)).status).toBe('active');
  });

  it("an appKey with one's own account name and a foreign key's ULID is a missing key", async () => {
    const foreign = await issueKey(api, theirs, []);
    const spoofed = foreign.appKey.replace('apk-tenantb-', 'apk-tenanta-');

    const read = await api.request('GET', keyPath(spoofed), { as: mine });
    const remove = await api.request('DELETE', keyPath(spoofed) + '?confirm=true', { as: mine });

    expectProblem(read, 'not-found');
    expectProblem(remove, 'not-found');
    expect((await getKey(api, theirs, foreign.appKey)).version).toBe(1);
  });

  it("lists and searches never show another account's keys", async () => {
    const foreign = await issueKey(api, theirs, [], 'Zebra unique name');
    const own = await issueKey(api, mine, [], 'Own key');

    const all = await listAll(api, mine);
    const byName = await listAll(api, mine, 'search=zebra');
    const byAppKey = await listAll(api, mine, `search=${foreign.appKey}`);
    const byAccount = await listAll(api, mine, 'search=tenantb');
    const inactive = await listAll(api, mine, 'status=active');

    expect(all.map((k) => k.appKey)).toContain(own.appKey);
    expect(all.every((k) => k.account === 'tenanta' && k.appKey.startsWith('apk-tenanta-'))).toBe(true);
    expect(inactive.every((k) => k.account === 'tenanta')).toBe(true);
    expect(inactive.map((k) => k.appKey)).toContain(own.appKey);
    expect(byName).toEqual([]);
    expect(byAppKey).toEqual([]);
    expect(byAccount).toEqual([]);
    // The same searches find the key in its own account: the empty answers above are tenancy,
    // not a search that finds nothing at all.
    const theirSearch = (query: string) => listAll(api, theirs, query).then((ks) => ks.map((k) => k.appKey));
    expect(await theirSearch('search=zebra')).toContain(foreign.appKey);
    expect(await theirSearch(`search=${foreign.appKey}`)).toEqual([foreign.appKey]);
    expect(await theirSearch('search=tenantb')).toContain(foreign.appKey);
    expect((await listAll(api, mine, 'search=own%20key')).map((k) => k.appKey)).toContain(own.appKey);
  });

  it("the export (CSV and XLSX, any filter) never holds another account's keys", async () => {
    const foreign = await issueKey(api, theirs, [], 'Zebra exported');
    const own = await issueKey(api, mine, [], 'Own exported');

    for (const query of [
      'format=csv',
      'format=xlsx',
      'search=zebra',
      `search=${foreign.appKey}`,
      'search=tenantb',
    ]) {
      const reply = await api.request('GET', `/v1/keys/export?${query}`, { as: mine });
      // Both formats carry the appKeys as UTF-8 text (the XLSX inside its deflated XML, so unzip it).
      const text = query === 'format=xlsx' ? JSON.stringify([...readXlsx(reply.bytes).sheets]) : reply.text;

      expect(reply.status).toBe(200);
      expect(text).not.toContain(foreign.appKey);
      expect(text).not.toContain('apk-tenantb-');
      if (!query.startsWith('search')) expect(text).toContain(own.appKey);
      // The same export by the other account holds the key: the absence above is tenancy.
      const theirsReply = await api.request('GET', `/v1/keys/export?${query}`, { as: theirs });
      const theirText =
        query === 'format=xlsx' ? JSON.stringify([...readXlsx(theirsReply.bytes).sheets]) : theirsReply.text;
      expect(theirText).toContain(foreign.appKey);
    }
  });

  it("another account's cursor only moves within one's own account", async () => {
    for (let i = 0; i < 3; i++) await issueKey(api, theirs, [], `paged ${i}`);
    const theirPage = await api.request('GET', '/v1/keys?limit=1', { as: theirs });
    expect(theirPage.body.nextCursor).toEqual(expect.any(String));

    const reply = await api.request(
      'GET',
      `/v1/keys?cursor=${encodeURIComponent(theirPage.body.nextCursor)}`,
      {
        as: mine,
      },
    );

    expect(reply.status).toBe(200);
    expect(reply.body.items.length).toBeGreaterThan(0);
    expect(reply.body.items.every((k: any) => k.account === 'tenanta')).toBe(true);
  });

  it('a key of another account cannot be verified as belonging to this one', async () => {
    const foreign = await issueKey(api, theirs, ['catalog-read']);

    const result = await verify(api, foreign.appKey, foreign.token);
    const renamed = await verify(api, foreign.appKey.replace('tenantb', 'tenanta'), foreign.token);

    expect(result).toMatchObject({ valid: true, account: 'tenantb' });
    expect(renamed).toEqual({ valid: false, reason: 'invalid' });
  });
});
