// GET /v1/roles, POST /v1/verify, and GET /v1/whoami behind the Lambda authorizer.
import { TestApi, type Credentials } from '../helpers/api';
import type { KeyRepository } from '../../shared/ports';
import {
  DAY_MS,
  T0,
  absentAppKey,
  credentialHeaders,
  expectFieldError,
  expectProblem,
  iso,
  keyPath,
  strangerToken,
  verify,
  withBadChecksum,
  issueKey,
} from './support';

/** API.md's table of predefined roles. */
const CONTRACT_ROLES: Record<string, string[]> = {
  owner: ['keys:view', 'keys:edit', 'keys:renew', 'settings:edit', 'roles:edit', 'audit:view'],
  'key-admin': ['keys:view', 'keys:edit', 'keys:renew', 'settings:edit', 'audit:view'],
  'key-viewer': ['keys:view'],
  'catalog-read': ['catalog:read'],
  'catalog-write': ['catalog:read', 'catalog:write'],
  'orders-read': ['orders:read'],
  'orders-write': ['orders:read', 'orders:write'],
};

/** Counts storage reads of keys, to see which verifications touch the database. */
let keyReads = 0;
const countingStore = (inner: KeyRepository): KeyRepository =>
  new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === 'getKey') {
        return (appKey: string) => {
          keyReads++;
          return target.getKey(appKey);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

describe('roles, verification and whoami', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ keys: countingStore });
  });
  afterAll(() => api.stop());
  afterEach(() => api.services.clock.set(T0));

  describe('GET /v1/roles', () => {
    it('lists the predefined roles of API.md with their permissions', async () => {
      const owner = await api.bootstrap('rolesall');

      const reply = await api.request('GET', '/v1/roles', { as: owner });

      expect(reply.status).toBe(200);
      expect(Object.keys(reply.body)).toEqual(['items']);
      const byId = Object.fromEntries(reply.body.items.map((r: any) => [r.id, [...r.permissions].sort()]));
      expect(byId).toEqual(
        Object.fromEntries(Object.entries(CONTRACT_ROLES).map(([id, p]) => [id, [...p].sort()])),
      );
      for (const role of reply.body.items) {
        expect(role).toEqual({
          id: expect.stringMatching(/^[a-z][a-z0-9-]{1,39}$/),
          name: expect.any(String),
          description: expect.any(String),
          predefined: true,
          permissions: expect.any(Array),
        });
      }
    });

    it('needs keys:view and credentials', async () => {
      const owner = await api.bootstrap('rolesperm');
      const viewer = await issueKey(api, owner, ['key-viewer']);
      const catalog = await issueKey(api, owner, ['catalog-read']);

      expect((await api.request('GET', '/v1/roles', { as: viewer })).status).toBe(200);
      expectProblem(await api.request('GET', '/v1/roles', { as: catalog }), 'forbidden');
      expectProblem(await api.request('GET', '/v1/roles'), 'unauthorized');
    });
  });

  describe('POST /v1/verify', () => {
    it('reports a valid key with its identity, roles, permissions and token expiry', async () => {
      const owner = await api.bootstrap('verifyvalid');
      const key = await issueKey(api, owner, ['orders-write', 'key-viewer'], 'Warehouse');

      const reply = await api.request('POST', '/v1/verify', {
        body: { appKey: key.appKey, appToken: key.token },
      });

      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({
        valid: true,
        account: 'verifyvalid',
        owner: 'verifyvalid',
        appKey: key.appKey,
        name: 'Warehouse',
        roles: ['orders-write', 'key-viewer'],
        permissions: expect.any(Array),
        tokenExpiresAt: iso(T0 + 90 * DAY_MS),
      });
      expect([...reply.body.permissions].sort()).toEqual(['keys:view', 'orders:read', 'orders:write']);
      expect(reply.text).not.toContain(key.token);
    });

    it('needs no credentials, and ignores any that are sent', async () => {
      const owner = await api.bootstrap('verifypublic');
      const key = await issueKey(api, owner, []);

      const reply = await api.request('POST', '/v1/verify', {
        body: { appKey: key.appKey, appToken: key.token },
        headers: { 'x-api-appkey': key.appKey, 'x-api-apptoken': 'apt_garbage' },
      });

      expect(reply.body).toMatchObject({ valid: true });
    });

    describe('reasons', () => {
      it('invalid: the token of another key', async () => {
        const owner = await api.bootstrap('verifyother');
        const a = await issueKey(api, owner, []);
        const b = await issueKey(api, owner, []);

        expect(await verify(api, a.appKey, b.token)).toEqual({ valid: false, reason: 'invalid' });
      });

      it('invalid: a well-formed token that belongs to no key', async () => {
        const owner = await api.bootstrap('verifystranger');
        const a = await issueKey(api, owner, []);

        expect(await verify(api, a.appKey, strangerToken())).toEqual({ valid: false, reason: 'invalid' });
      });

      it('invalid: the right token with a wrong checksum, rejected without reading storage', async () => {
        const owner = await api.bootstrap('verifychecksum');
        const a = await issueKey(api, owner, []);
        const reads = keyReads;

        const result = await verify(api, a.appKey, withBadChecksum(a.token));

        expect(result).toEqual({ valid: false, reason: 'invalid' });
        expect(keyReads).toBe(reads);
      });

      it.each([
        ['too short', (t: string) => t.slice(0, -1)],
        ['without prefix', (t: string) => t.slice(4)],
        ['with a bad character', (t: string) => t.slice(0, 10) + '-' + t.slice(11)],
        ['empty', () => ''],
      ])('invalid: a token %s, rejected without reading storage', async (_case, mangle) => {
        const owner = await api.bootstrap('verifyshape');
        const a = await issueKey(api, owner, []);
        const reads = keyReads;

        const result = await verify(api, a.appKey, mangle(a.token));

        expect(result).toEqual({ valid: false, reason: 'invalid' });
        expect(keyReads).toBe(reads);
      });

      it.each([
        ['an appKey that does not exist', (account: string) => absentAppKey(account)],
        ['a malformed appKey', () => 'apk-NOPE'],
        ['an empty appKey', () => ''],
      ])('invalid: %s', async (_case, makeAppKey) => {
        const owner = await api.bootstrap('verifyappkey');
        const a = await issueKey(api, owner, []);

        expect(await verify(api, makeAppKey('verifyappkey'), a.token)).toEqual({
          valid: false,
          reason: 'invalid',
        });
      });

      it('inactive: only with the right token', async () => {
        const owner = await api.bootstrap('verifyinactive');
        const a = await issueKey(api, owner, []);
        await api.request('POST', keyPath(a.appKey, '/deactivate'), { as: owner });

        expect(await verify(api, a.appKey, a.token)).toEqual({ valid: false, reason: 'inactive' });
        expect(await verify(api, a.appKey, strangerToken())).toEqual({ valid: false, reason: 'invalid' });
        expect(await verify(api, a.appKey, owner.token)).toEqual({ valid: false, reason: 'invalid' });
      });

      it('expired: only with the right token', async () => {
        const owner = await api.bootstrap('verifyexpired');
        const a = await issueKey(api, owner, []);
        api.services.clock.advanceDays(90);

        expect(await verify(api, a.appKey, a.token)).toEqual({ valid: false, reason: 'expired' });
        expect(await verify(api, a.appKey, strangerToken())).toEqual({ valid: false, reason: 'invalid' });
      });

      it('an inactive and expired key with a wrong token is still only invalid', async () => {
        const owner = await api.bootstrap('verifyboth');
        const a = await issueKey(api, owner, []);
        await api.request('POST', keyPath(a.appKey, '/deactivate'), { as: owner });
        api.services.clock.advanceDays(200);

        expect(await verify(api, a.appKey, withBadChecksum(a.token))).toEqual({
          valid: false,
          reason: 'invalid',
        });
        expect(await verify(api, a.appKey, strangerToken())).toEqual({ valid: false, reason: 'invalid' });
        expect((await verify(api, a.appKey, a.token)).valid).toBe(false);
      });

      it('invalid: a deleted key', async () => {
        const owner = await api.bootstrap('verifydeleted');
        const a = await issueKey(api, owner, []);
        await api.request('DELETE', keyPath(a.appKey) + '?confirm=true', { as: owner });

        expect(await verify(api, a.appKey, a.token)).toEqual({ valid: false, reason: 'invalid' });
      });
    });

    it.each([
      ['an empty body', undefined, ''],
      ['malformed JSON', '{"appKey": ', ''],
      ['a missing appToken', JSON.stringify({ appKey: 'apk-abc-x' }), 'appToken'],
      ['a missing appKey', JSON.stringify({ appToken: 'apt_x' }), 'appKey'],
      ['a number as appKey', JSON.stringify({ appKey: 1, appToken: 'apt_x' }), 'appKey'],
      ['an unknown field', JSON.stringify({ appKey: 'a', appToken: 'b', account: 'c' }), 'account'],
      ['an array', '[]', ''],
      ['null', 'null', ''],
    ])('rejects %s with 400', async (_case, rawBody, path) => {
      const reply = await api.request('POST', '/v1/verify', {
        rawBody: rawBody ?? '',
        headers: { 'content-type': 'application/json' },
      });

      expectProblem(reply, 'validation-error');
      if (path) expectFieldError(reply, path);
    });
  });

  describe('GET /v1/whoami (behind the Lambda authorizer)', () => {
    const whoami = (headers: Record<string, string> = {}) => api.request('GET', '/v1/whoami', { headers });

    it("reports the authorizer's context for the calling key", async () => {
      const owner = await api.bootstrap('whoamiok');
      const key = await issueKey(api, owner, ['catalog-write', 'orders-read']);

      const reply = await whoami(credentialHeaders(key));

      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({
        account: 'whoamiok',
        owner: 'whoamiok',
        appKey: key.appKey,
        roles: ['catalog-write', 'orders-read'],
        permissions: expect.any(Array),
      });
      expect([...reply.body.permissions].sort()).toEqual(['catalog:read', 'catalog:write', 'orders:read']);
    });

    it('works for a key without any role', async () => {
      const owner = await api.bootstrap('whoaminone');
      const key = await issueKey(api, owner, []);

      const reply = await whoami(credentialHeaders(key));

      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({
        account: 'whoaminone',
        owner: 'whoaminone',
        appKey: key.appKey,
        roles: [],
        permissions: [],
      });
    });

    it('accepts the header names in any case', async () => {
      const owner = await api.bootstrap('whoamicase');

      const reply = await whoami({ 'X-API-APPKEY': owner.appKey, 'x-Api-AppToken': owner.token });

      expect(reply.status).toBe(200);
    });

    it.each([
      ['no credentials', () => ({})],
      ['no token', (k: Credentials) => ({ 'x-api-appkey': k.appKey })],
      ['no appKey', (k: Credentials) => ({ 'x-api-apptoken': k.token })],
    ])(
      '%s: 401 {message}, as API Gateway answers without calling the authorizer',
      async (_case, headersOf) => {
        const owner = await api.bootstrap('whoamimissing');

        const reply = await whoami(headersOf(owner));

        expect(reply.status).toBe(401);
        expect(reply.body).toEqual({ message: expect.any(String) });
      },
    );

    it.each([
      [
        'a wrong token',
        (k: Credentials) => ({ 'x-api-appkey': k.appKey, 'x-api-apptoken': strangerToken() }),
      ],
      ['a bad checksum', (k: Credentials) => credentialHeaders({ ...k, token: withBadChecksum(k.token) })],
      [
        'an unknown appKey',
        (k: Credentials) => credentialHeaders({ ...k, appKey: absentAppKey('whoamibad') }),
      ],
      ['garbage', () => ({ 'x-api-appkey': 'x', 'x-api-apptoken': 'y' })],
    ])('%s: 403 {message}, as API Gateway answers when the authorizer denies', async (_case, headersOf) => {
      const owner = await api.bootstrap('whoamibad');

      const reply = await whoami(headersOf(owner));

      expect(reply.status).toBe(403);
      expect(reply.body).toEqual({ message: expect.any(String) });
      expect(reply.text).not.toContain(owner.token);
    });

    it('denies an inactive key and an expired token (403)', async () => {
      const owner = await api.bootstrap('whoamistate');
      const inactive = await issueKey(api, owner, []);
      const expiring = await issueKey(api, owner, []);
      await api.request('POST', keyPath(inactive.appKey, '/deactivate'), { as: owner });

      const whileInactive = await whoami(credentialHeaders(inactive));
      api.services.clock.advanceDays(90);
      const whileExpired = await whoami(credentialHeaders(expiring));

      expect(whileInactive.status).toBe(403);
      expect(whileExpired.status).toBe(403);
    });
  });
});
