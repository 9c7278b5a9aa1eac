// API.md 1.1 "Acting on other keys": a caller may change a key only if it holds every management
// permission that key holds. One table: every key-changing route x every (caller role, target role)
// pair of the seven predefined roles -> allowed or 403; after each refusal the target is unchanged
// (version, tokens, status) and its token still authenticates exactly as before.
// The expectations are computed here from the contract, not from the product's access module.
import { TestApi, type Credentials, type Reply } from '../helpers/api';
import { expectProblem, getKey, issueKey, keyPath, stateOf, verify } from './support';

/** API.md 1.1: the predefined roles and their permissions. */
const CONTRACT_ROLES: Record<string, string[]> = {
  owner: ['keys:view', 'keys:edit', 'keys:renew', 'settings:edit', 'roles:edit', 'audit:view'],
  'key-admin': ['keys:view', 'keys:edit', 'keys:renew', 'settings:edit', 'audit:view'],
  'key-viewer': ['keys:view'],
  'catalog-read': ['catalog:read'],
  'catalog-write': ['catalog:read', 'catalog:write'],
  'orders-read': ['orders:read'],
  'orders-write': ['orders:read', 'orders:write'],
};
const MANAGEMENT = ['keys:view', 'keys:edit', 'keys:renew', 'settings:edit', 'roles:edit', 'audit:view'];
const ROLE_IDS = Object.keys(CONTRACT_ROLES);

interface KeyChange {
  name: string;
  permission: string;
  /** Puts a fresh target in the state where the change would alter it. */
  prepare?: 'deactivate' | 'renew' | 'link';
  request: (appKey: string) => { method: string; path: string; body?: unknown };
  success: number;
}

const CHANGES: KeyChange[] = [
  {
    name: 'PATCH (rename)',
    permission: 'keys:edit',
    request: (k) => ({ method: 'PATCH', path: keyPath(k), body: { name: 'renamed' } }),
    success: 200,
  },
  {
    name: 'PATCH (remove every role)',
    permission: 'keys:edit',
    request: (k) => ({ method: 'PATCH', path: keyPath(k), body: { roles: [] } }),
    success: 200,
  },
  {
    name: 'activate',
    permission: 'keys:edit',
    prepare: 'deactivate',
    request: (k) => ({ method: 'POST', path: keyPath(k, '/activate') }),
    success: 200,
  },
  {
    name: 'deactivate',
    permission: 'keys:edit',
    request: (k) => ({ method: 'POST', path: keyPath(k, '/deactivate') }),
    success: 200,
  },
  {
    name: 'DELETE',
    permission: 'keys:edit',
    request: (k) => ({ method: 'DELETE', path: keyPath(k, '?confirm=true') }),
    success: 204,
  },
  {
    name: 'revoke the share link',
    permission: 'keys:edit',
    prepare: 'link',
    request: (k) => ({ method: 'DELETE', path: keyPath(k, '/share') }),
    success: 204,
  },
  {
    name: 'renew (deleteOldToken now)',
    permission: 'keys:renew',
    request: (k) => ({ method: 'POST', path: keyPath(k, '/token/renew'), body: { deleteOldToken: 'now' } }),
    success: 200,
  },
  {
    name: 'finish-renewal',
    permission: 'keys:renew',
    prepare: 'renew',
    request: (k) => ({ method: 'POST', path: keyPath(k, '/token/finish-renewal') }),
    success: 200,
  },
  {
    name: 'undo-renewal',
    permission: 'keys:renew',
    prepare: 'renew',
    request: (k) => ({ method: 'POST', path: keyPath(k, '/token/undo-renewal') }),
    success: 200,
  },
];

const allowed = (change: KeyChange, callerRole: string, targetRole: string): boolean => {
  const held = new Set(CONTRACT_ROLES[callerRole]);
  const targetManagement = CONTRACT_ROLES[targetRole]!.filter((p) => MANAGEMENT.includes(p));
  return held.has(change.permission) && targetManagement.every((p) => held.has(p));
};

describe('acting on other keys: no escalation, no demotion', () => {
  let api: TestApi;
  let owner: Credentials;
  const callers: Record<string, Credentials> = {};

  beforeAll(async () => {
    api = await TestApi.start({ cacheTtlSeconds: 60 });
    owner = await api.bootstrap('acting');
    for (const role of ROLE_IDS) callers[role] = await issueKey(api, owner, [role], `caller ${role}`);
  });
  afterAll(() => api.stop());

  const cells = CHANGES.flatMap((change) =>
    ROLE_IDS.flatMap((caller) =>
      ROLE_IDS.map(
        (target) =>
          [change.name, caller, target, allowed(change, caller, target) ? 'allowed' : '403', change] as const,
      ),
    ),
  );

  it('covers the escalations the audit found', () => {
    const verdict = (name: string, caller: string, target: string) =>
      cells.find(([n, c, t]) => n === name && c === caller && t === target)?.[3];
    expect(verdict('renew (deleteOldToken now)', 'key-admin', 'owner')).toBe('403');
    expect(verdict('PATCH (remove every role)', 'key-admin', 'owner')).toBe('403');
    expect(verdict('deactivate', 'key-admin', 'owner')).toBe('403');
    expect(verdict('DELETE', 'key-admin', 'owner')).toBe('403');
    expect(verdict('renew (deleteOldToken now)', 'owner', 'key-admin')).toBe('allowed');
    expect(cells.filter((c) => c[3] === 'allowed').length).toBeGreaterThan(50);
  });

  it.each(cells)('%s by %s on %s: %s', async (_name, callerRole, targetRole, expected, change) => {
    const target = await issueKey(api, owner, [targetRole], `target ${targetRole}`);
    if (change.prepare === 'deactivate') {
      expect((await api.request('POST', keyPath(target.appKey, '/deactivate'), { as: owner })).status).toBe(
        200,
      );
    }
    if (change.prepare === 'link') {
      const linked = await api.request('POST', keyPath(target.appKey, '/token/renew'), {
        as: owner,
        // later: the target's own token stays valid, so the check below still means something.
        body: { delivery: 'link', deleteOldToken: 'later' },
      });
      expect(linked.body.key.share).not.toBeNull();
    }
    if (change.prepare === 'renew') {
      const renewed = await api.request('POST', keyPath(target.appKey, '/token/renew'), { as: owner });
      expect(renewed.status).toBe(200);
    }
    const before = await getKey(api, owner, target.appKey);
    const verdictBefore = await verify(api, target.appKey, target.token);
    const { method, path, body } = change.request(target.appKey);

    const reply: Reply = await api.request(method, path, { as: callers[callerRole], body });

    if (expected === 'allowed') {
      expect({ status: reply.status, body: reply.body }).toMatchObject({ status: change.success });
      return;
    }
    expectProblem(reply, 'forbidden');
    const after = await getKey(api, owner, target.appKey);
    expect(stateOf(after)).toEqual(stateOf(before));
    expect(await verify(api, target.appKey, target.token)).toEqual(verdictBefore);
  });

  it('a renewal refused on an owner key hands out no token that works', async () => {
    const target = await issueKey(api, owner, ['owner'], 'owner target');
    const reply = await api.request('POST', keyPath(target.appKey, '/token/renew'), {
      as: callers['key-admin'],
      body: { deleteOldToken: 'now' },
    });
    expectProblem(reply, 'forbidden');
    expect(reply.text).not.toMatch(/apt_[0-9A-Za-z]{49}/);
    // The refused caller still cannot create an owner key directly either (the old rule).
    const direct = await api.request('POST', '/v1/keys', {
      as: callers['key-admin'],
      body: { name: 'escalated', roles: ['owner'] },
    });
    expectProblem(direct, 'forbidden');
  });

  it('a key may still act on itself, except renewing its own token', async () => {
    const self = await issueKey(api, owner, ['key-admin'], 'self');
    expect(
      (await api.request('PATCH', keyPath(self.appKey), { as: self, body: { name: 'me' } })).status,
    ).toBe(200);
    expectProblem(await api.request('POST', keyPath(self.appKey, '/token/renew'), { as: self }), 'forbidden');
  });
});
