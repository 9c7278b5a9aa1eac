// One matrix: every authenticated route x every predefined role -> allowed or 403, derived from
// route.permission (shared/routes.ts) and the role's permissions (shared/domain/access.ts).
// Then authentication failures (401) for every route that authenticates keys itself.
import { TestApi, type Credentials, type Reply } from '../helpers/api';
import { routes, type RouteDefinition } from '../../shared/routes';
import { PREDEFINED_ROLES, findRole } from '../../shared/domain/access';
import {
  DAY_MS,
  T0,
  credentialHeaders,
  expectProblem,
  getKey,
  keyPath,
  listAll,
  strangerToken,
  issueKey,
  absentAppKey,
} from './support';

const ROLE_IDS = [
  'owner',
  'key-admin',
  'key-viewer',
  'catalog-read',
  'catalog-write',
  'orders-read',
  'orders-write',
];

/** API.md: the predefined roles and the endpoint permissions the matrix is derived from. */
const CONTRACT_ROLES: Record<string, string[]> = {
  owner: ['keys:view', 'keys:edit', 'keys:renew', 'settings:edit', 'roles:edit', 'audit:view'],
  'key-admin': ['keys:view', 'keys:edit', 'keys:renew', 'settings:edit', 'audit:view'],
  'key-viewer': ['keys:view'],
  'catalog-read': ['catalog:read'],
  'catalog-write': ['catalog:read', 'catalog:write'],
  'orders-read': ['orders:read'],
  'orders-write': ['orders:read', 'orders:write'],
};
const CONTRACT_PERMISSIONS: Record<string, string | undefined> = {
  'POST /v1/keys': 'keys:edit',
  'GET /v1/keys': 'keys:view',
  'GET /v1/keys/export': 'keys:view',
  'GET /v1/keys/{appKey}': 'keys:view',
  'PATCH /v1/keys/{appKey}': 'keys:edit',
  'POST /v1/keys/{appKey}/activate': 'keys:edit',
  'POST /v1/keys/{appKey}/deactivate': 'keys:edit',
  'DELETE /v1/keys/{appKey}': 'keys:edit',
  'DELETE /v1/keys/{appKey}/share': 'keys:edit',
  'POST /v1/keys/{appKey}/token/renew': 'keys:renew',
  'POST /v1/keys/{appKey}/token/finish-renewal': 'keys:renew',
  'POST /v1/keys/{appKey}/token/undo-renewal': 'keys:renew',
  'GET /v1/settings': 'keys:view',
  'PUT /v1/settings': 'settings:edit',
  'GET /v1/audit': 'audit:view',
  'GET /v1/roles': 'keys:view',
  'POST /v1/roles': 'roles:edit',
  'GET /v1/roles/{roleId}': 'keys:view',
  'PUT /v1/roles/{roleId}': 'roles:edit',
  'DELETE /v1/roles/{roleId}': 'roles:edit',
  'GET /v1/external-keys': 'keys:view',
  'POST /v1/external-keys': 'keys:edit',
  'GET /v1/external-keys/{appKey}': 'keys:view',
  'PATCH /v1/external-keys/{appKey}': 'keys:edit',
  'DELETE /v1/external-keys/{appKey}': 'keys:edit',
  'GET /v1/whoami': undefined,
};

const guarded = (routes as readonly RouteDefinition[]).filter((r) => r.auth !== 'none');
const keyAuthenticated = guarded.filter((r) => r.auth === 'key');
const routeName = (r: RouteDefinition): string => `${r.method} ${r.path}`;

/** What a request acts on: a key, and for role and external-key routes a role or a grant. */
interface Target {
  appKey: string;
  roleId?: string;
  grantKey?: string;
}

let made = 0;
/** A fresh role id or partner appKey for the routes that create one. */
const fresh = (): string => `m${Date.now().toString(36)}${(made++).toString(36)}`;

/** A valid request for each route; `target` is a fresh key (role, grant) the request may act on. */
function requestFor(route: RouteDefinition, target: Target): { path: string; body?: unknown } {
  const path = route.path
    .replace(
      '{appKey}',
      route.path.startsWith('/v1/external-keys') ? (target.grantKey ?? target.appKey) : target.appKey,
    )
    .replace('{roleId}', target.roleId ?? 'some-role');
  switch (route.handler) {
    case 'create-role':
      return { path, body: { id: fresh(), name: 'made by the matrix', permissions: ['matrix:run'] } };
    case 'replace-role':
      return { path, body: { name: 'renamed by the matrix', description: '', permissions: ['matrix:walk'] } };
    case 'delete-role':
    case 'remove-external-key':
      return { path: `${path}?confirm=true` };
    case 'add-external-key':
      return { path, body: { appKey: absentAppKey(`partner${fresh()}`), roles: ['catalog-read'] } };
    case 'update-external-key':
      return { path, body: { active: false } };
    case 'create-key':
      return { path, body: { name: 'made by the matrix', roles: ['catalog-read'] } };
    case 'update-key':
      return { path, body: { name: 'renamed by the matrix' } };
    case 'delete-key':
      return { path: `${path}?confirm=true` };
    case 'renew-token':
      return { path, body: { deleteOldToken: 'later' } };
    case 'put-settings':
      return { path, body: { tokenDurationDays: 90, expiryWarningDays: 14, enforceExpiry: true } };
    default:
      return { path };
  }
}

const roleAllows = (roleId: string, route: RouteDefinition): boolean =>
  route.permission === undefined || (findRole(roleId)?.permissions ?? []).includes(route.permission);

describe('permission matrix', () => {
  let api: TestApi;
  let owner: Credentials;
  const callers: Record<string, Credentials> = {};

  beforeAll(async () => {
    // The verification cache is on, as in production (VERIFY_CACHE_TTL_SECONDS defaults to 10):
    // the callers authenticate hundreds of times; the other suites cover the uncached path.
    api = await TestApi.start({ cacheTtlSeconds: 60 });
    owner = await api.bootstrap('matrix');
    for (const role of ROLE_IDS) callers[role] = await issueKey(api, owner, [role], `caller ${role}`);
  });
  afterAll(() => api.stop());

  it('derives from the roles and route permissions of API.md', () => {
    expect(Object.fromEntries(PREDEFINED_ROLES.map((r) => [r.id, [...r.permissions].sort()]))).toEqual(
      Object.fromEntries(Object.entries(CONTRACT_ROLES).map(([id, p]) => [id, [...p].sort()])),
    );
    expect(Object.fromEntries(guarded.map((r) => [routeName(r), r.permission]))).toEqual(
      CONTRACT_PERMISSIONS,
    );
  });

  const cells = guarded.flatMap((route) =>
    ROLE_IDS.map(
      (role) => [routeName(route), role, roleAllows(role, route) ? 'allowed' : 'forbidden', route] as const,
    ),
  );

  /** A key in the state where `route` would change it (so a wrongly allowed call shows). */
  async function prepareTarget(route: RouteDefinition): Promise<any> {
    const created = await api.request('POST', '/v1/keys', {
      as: owner,
      body: {
        name: `target of ${route.handler}`,
        roles: ['orders-read'],
        // A link to revoke, for DELETE /v1/keys/{appKey}/share.
        ...(route.handler === 'revoke-share' ? { delivery: 'link' } : {}),
      },
    });
    const { appKey } = created.body.key;
    if (route.path.startsWith('/v1/roles/')) {
      const roleId = fresh();
      const role = await api.request('POST', '/v1/roles', {
        as: owner,
        body: { id: roleId, name: 'target role', permissions: ['matrix:run'] },
      });
      return { ...created.body.key, roleId, watched: `/v1/roles/${roleId}`, watchedBefore: role.body };
    }
    if (route.path.startsWith('/v1/external-keys/')) {
      const grantKey = absentAppKey(`partner${fresh()}`);
      const grant = await api.request('POST', '/v1/external-keys', {
        as: owner,
        body: { appKey: grantKey, roles: ['catalog-read'] },
      });
      return {
        ...created.body.key,
        grantKey,
        watched: `/v1/external-keys/${grantKey}`,
        watchedBefore: grant.body,
      };
    }
    if (route.handler === 'activate-key') {
      return (await api.request('POST', keyPath(appKey, '/deactivate'), { as: owner })).body;
    }
    if (route.handler === 'finish-renewal' || route.handler === 'undo-renewal') {
      return (await api.request('POST', keyPath(appKey, '/token/renew'), { as: owner })).body.key;
    }
    return created.body.key;
  }
  const sharedTargets = new Map<string, any>();

  it.each(cells)('%s as %s: %s', async (_name, role, expected, route) => {
    // Allowed writes get a fresh target each (they change it); everything else shares one per route.
    const fresh = expected === 'allowed' && route.access === 'write';
    if (!fresh && !sharedTargets.has(route.handler))
      sharedTargets.set(route.handler, await prepareTarget(route));
    const before = fresh ? await prepareTarget(route) : sharedTargets.get(route.handler);
    const { path, body } = requestFor(route, before);

    const reply: Reply =
      route.auth === 'authorizer'
        ? await api.request(route.method, path, { headers: credentialHeaders(callers[role]!) })
        : await api.request(route.method, path, { as: callers[role], body });

    if (expected === 'allowed') {
      expect({ status: reply.status, body: reply.body }).toMatchObject({ status: route.success });
    } else {
      expectProblem(reply, 'forbidden');
    }
  });

  it('the forbidden calls changed none of their targets', async () => {
    expect(sharedTargets.size).toBeGreaterThan(5);
    for (const before of sharedTargets.values()) {
      const { watched, watchedBefore, ...key } = before;
      delete key.roleId;
      delete key.grantKey;
      expect(await getKey(api, owner, before.appKey)).toEqual(key);
      if (watched) expect((await api.request('GET', watched, { as: owner })).body).toEqual(watchedBefore);
    }
  });

  describe('authentication (401 unauthorized) on every key-authenticated route', () => {
    let inactive: Credentials;
    let expired: Credentials;
    let untouched: Credentials;
    let untouchedBefore: any;
    let keyCount: number;
    beforeAll(async () => {
      untouched = await issueKey(api, owner, ['orders-read'], 'untouched');
      await api.request('POST', keyPath(untouched.appKey, '/token/renew'), { as: owner });
      untouchedBefore = await getKey(api, owner, untouched.appKey);
      inactive = await issueKey(api, owner, ['owner'], 'inactive owner');
      await api.request('POST', keyPath(inactive.appKey, '/deactivate'), { as: owner });
      // A token created 100 days ago, with 90-day tokens and expiry enforced.
      api.services.clock.set(T0 - 100 * DAY_MS);
      expired = await issueKey(api, owner, ['owner'], 'expired owner');
      api.services.clock.set(T0);
      keyCount = (await listAll(api, owner)).length;
    });

    // API.md's four causes of 401 on every route; further malformed credentials on one route.
    const failures: Array<[string, (o: Credentials) => Record<string, string>]> = [
      ['no credentials', () => ({})],
      ['a wrong token', (o) => credentialHeaders({ ...o, token: strangerToken() })],
      ['an inactive key', () => credentialHeaders(inactive)],
      ['an expired token', () => credentialHeaders(expired)],
    ];
    const authCells = keyAuthenticated.flatMap((route) =>
      failures.map(([what, headers]) => [routeName(route), what, route, headers] as const),
    );

    it.each(authCells)('%s with %s', async (_name, _what, route, headersOf) => {
      const { path, body } = requestFor(route, { appKey: untouched.appKey });

      const reply = await api.request(route.method, path, { headers: headersOf(owner), body });

      expectProblem(reply, 'unauthorized');
      expect(reply.text).not.toContain(owner.token);
    });

    it.each([
      ['only the appKey', (o: Credentials) => ({ 'x-api-appkey': o.appKey })],
      ['only the token', (o: Credentials) => ({ 'x-api-apptoken': o.token })],
      ['a malformed token', (o: Credentials) => credentialHeaders({ ...o, token: 'apt_short' })],
      [
        'an unknown appKey',
        (o: Credentials) => credentialHeaders({ ...o, appKey: 'apk-matrix-01ARZ3NDEKTSV4RRFFQ69G5FAV' }),
      ],
      ['the token of another key', (o: Credentials) => credentialHeaders({ ...o, token: expired.token })],
    ])('PATCH /v1/keys/{appKey} with %s', async (_what, headersOf) => {
      const reply = await api.request('PATCH', keyPath(untouched.appKey), {
        headers: headersOf(owner),
        body: { name: 'hijacked' },
      });

      expectProblem(reply, 'unauthorized');
    });

    it('none of the rejected requests changed anything', async () => {
      expect(await getKey(api, owner, untouched.appKey)).toEqual(untouchedBefore);
      expect(await listAll(api, owner)).toHaveLength(keyCount);
    });

    it('the same keys pass once they are fine again (control)', async () => {
      expect((await api.request('GET', '/v1/keys', { as: owner })).status).toBe(200);
      api.services.clock.set(T0 - 50 * DAY_MS);
      expect((await api.request('GET', '/v1/keys', { as: expired })).status).toBe(200);
      api.services.clock.set(T0);
      await api.request('POST', keyPath(inactive.appKey, '/activate'), { as: owner });
      expect((await api.request('GET', '/v1/keys', { as: inactive })).status).toBe(200);
    });
  });
});
