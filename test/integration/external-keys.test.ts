// API.md 1.1 "External keys": grants of this account's roles to keys of other accounts; verification
// with `account`, the authorizer's X-API-Account, whoami's owner; a grant never reveals whether the
// key exists; the 1,000-grant limit.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { TestApi, type Credentials } from '../helpers/api';
import { testEndpoint } from '../helpers/services';
import { absentAppKey, expectFieldError, expectProblem, strangerToken } from './support';

const path = (appKey = '', suffix = '') => `/v1/external-keys${appKey ? `/${appKey}` : ''}${suffix}`;

describe('external keys', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ cacheTtlSeconds: 60 });
  });
  afterAll(() => api.stop());

  const grant = (as: Credentials, appKey: string, roles: string[]) =>
    api.request('POST', path(), { as, body: { appKey, roles } });
  const verifyIn = async (account: string | undefined, key: Credentials) => {
    const reply = await api.request('POST', '/v1/verify', {
      body: { appKey: key.appKey, appToken: key.token, ...(account ? { account } : {}) },
    });
    expect(reply.status).toBe(200);
    return reply.body;
  };

  it('grants roles to a partner key: verification in this account reports them with their permissions and the owner', async () => {
    const store = await api.bootstrap('extstore');
    const partner = await api.bootstrap('extpartner');
    const integration = await api.createKey(partner, ['orders-read'], 'partner integration');
    expect(
      (
        await api.request('POST', '/v1/roles', {
          as: store,
          body: { id: 'stock', name: 'Stock', permissions: ['stock:read'] },
        })
      ).status,
    ).toBe(201);

    const added = await grant(store, integration.appKey, ['stock', 'catalog-read']);
    expect(added.status).toBe(201);
    expect(added.headers.get('location')).toBe(path(integration.appKey));
    expect(added.headers.get('etag')).toBe('"1"');
    expect(added.body).toMatchObject({
      appKey: integration.appKey,
      owner: 'extpartner',
      roles: ['stock', 'catalog-read'],
      status: 'active',
      version: 1,
    });

    expect(await verifyIn('extstore', integration)).toMatchObject({
      valid: true,
      account: 'extstore',
      owner: 'extpartner',
      appKey: integration.appKey,
      name: 'partner integration',
      roles: ['stock', 'catalog-read'],
      permissions: ['catalog:read', 'stock:read'],
    });
    // In its own account it is the key it always was.
    expect(await verifyIn(undefined, integration)).toMatchObject({
      account: 'extpartner',
      owner: 'extpartner',
      roles: ['orders-read'],
      permissions: ['orders:read'],
    });
    expect(await verifyIn('extpartner', integration)).toMatchObject({
      account: 'extpartner',
      roles: ['orders-read'],
    });
  });

  it('answers not-granted only to a correct token, and inactive for a deactivated grant or key', async () => {
    const store = await api.bootstrap('extreasons');
    const partner = await api.bootstrap('extreasonp');
    const integration = await api.createKey(partner, ['orders-read']);
    expect(await verifyIn('extreasons', integration)).toEqual({ valid: false, reason: 'not-granted' });
    expect(await verifyIn('extreasons', { ...integration, token: strangerToken() })).toEqual({
      valid: false,
      reason: 'invalid',
    });
    expect(await verifyIn('nosuchaccount', integration)).toEqual({ valid: false, reason: 'not-granted' });

    expect((await grant(store, integration.appKey, ['catalog-read'])).status).toBe(201);
    const off = await api.request('PATCH', path(integration.appKey), { as: store, body: { active: false } });
    expect(off.body).toMatchObject({ status: 'inactive', version: 2 });
    expect(await verifyIn('extreasons', integration)).toEqual({ valid: false, reason: 'inactive' });
    expect(
      (await api.request('PATCH', path(integration.appKey), { as: store, body: { active: true } })).status,
    ).toBe(200);
    expect((await verifyIn('extreasons', integration)).valid).toBe(true);

    expect(
      (await api.request('POST', `/v1/keys/${integration.appKey}/deactivate`, { as: partner })).status,
    ).toBe(200);
    expect(await verifyIn('extreasons', integration)).toEqual({ valid: false, reason: 'inactive' });
  });

  it('takes the target account from X-API-Account behind the authorizer, and whoami reports account and owner', async () => {
    const store = await api.bootstrap('extauthz');
    const partner = await api.bootstrap('extauthzp');
    const integration = await api.createKey(partner, ['orders-read']);
    expect((await grant(store, integration.appKey, ['catalog-write'])).status).toBe(201);
    const headers = { 'x-api-appkey': integration.appKey, 'x-api-apptoken': integration.token };

    const asExternal = await api.request('GET', '/v1/whoami', {
      headers: { ...headers, 'x-api-account': 'extauthz' },
    });
    expect(asExternal.status).toBe(200);
    expect(asExternal.body).toEqual({
      account: 'extauthz',
      owner: 'extauthzp',
      appKey: integration.appKey,
      roles: ['catalog-write'],
      permissions: ['catalog:read', 'catalog:write'],
    });
    const own = await api.request('GET', '/v1/whoami', { headers });
    expect(own.body).toMatchObject({ account: 'extauthzp', owner: 'extauthzp', roles: ['orders-read'] });
    const denied = await api.request('GET', '/v1/whoami', {
      headers: { ...headers, 'x-api-account': 'extnogrant' },
    });
    expect(denied.status).toBe(403);
  });

  it('never lets a grant manage the granting account', async () => {
    const store = await api.bootstrap('extmanage');
    const partner = await api.bootstrap('extmanagep');
    const partnerOwner = await api.createKey(partner, ['owner']);
    expectFieldError(await grant(store, partnerOwner.appKey, ['key-viewer']), 'roles[0]');
    expect(
      (
        await api.request('POST', '/v1/roles', {
          as: store,
          body: { id: 'peek', name: 'Peek', permissions: ['keys:view'] },
        })
      ).status,
    ).toBe(201);
    expectFieldError(await grant(store, partnerOwner.appKey, ['catalog-read', 'peek']), 'roles[1]');
    expect((await grant(store, partnerOwner.appKey, ['catalog-read'])).status).toBe(201);
    // Its management calls still act in its own account only.
    const list = await api.request('GET', '/v1/keys', { as: partnerOwner });
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((k: any) => k.account === 'extmanagep')).toBe(true);
  });

  it('accepts a grant whether or not the key exists, refuses own keys and duplicates', async () => {
    const store = await api.bootstrap('extexists');
    const ghost = absentAppKey('someoneelse');
    const made = await grant(store, ghost, []);
    expect(made.status).toBe(201);
    expect(made.body.owner).toBe('someoneelse');
    expectProblem(await grant(store, ghost, ['catalog-read']), 'conflict');
    expectFieldError(await grant(store, store.appKey, ['catalog-read']), 'appKey');
    expectFieldError(await grant(store, 'not-a-key', []), 'appKey');
    expectFieldError(await grant(store, absentAppKey('other'), ['nope']), 'roles[0]');
  });

  it('lists newest first with search (case- and accent-insensitive, appKey or owner), status and pages', async () => {
    const store = await api.bootstrap('extlist');
    const keys = [absentAppKey('lojaum'), absentAppKey('lojadois'), absentAppKey('parceiro')];
    for (const k of keys) {
      expect((await grant(store, k, [])).status).toBe(201);
      api.services.clock.advanceMs(1000);
    }
    expect((await api.request('PATCH', path(keys[0]), { as: store, body: { active: false } })).status).toBe(
      200,
    );

    const all = await api.request('GET', path(), { as: store });
    expect(all.body.items.map((g: any) => g.appKey)).toEqual([...keys].reverse());
    const loja = await api.request('GET', `${path()}?search=${encodeURIComponent('LOJÁ')}`, { as: store });
    expect(loja.body.items.map((g: any) => g.owner)).toEqual(['lojadois', 'lojaum']);
    const inactive = await api.request('GET', `${path()}?status=inactive`, { as: store });
    expect(inactive.body.items.map((g: any) => g.appKey)).toEqual([keys[0]]);

    const first = await api.request('GET', `${path()}?limit=2`, { as: store });
    expect(first.body.items).toHaveLength(2);
    const second = await api.request('GET', `${path()}?limit=2&cursor=${first.body.nextCursor}`, {
      as: store,
    });
    expect(second.body.items.map((g: any) => g.appKey)).toEqual([keys[0]]);
    expect(second.body.nextCursor).toBeNull();
    expectFieldError(await api.request('GET', `${path()}?cursor=bogus`, { as: store }), 'cursor');
  });

  it('edits with If-Match, removes only with confirmation, and audits every change', async () => {
    const store = await api.bootstrap('extedit');
    const partner = await api.bootstrap('exteditp');
    const integration = await api.createKey(partner, []);
    expect((await grant(store, integration.appKey, ['catalog-read'])).status).toBe(201);
    const edited = await api.request('PATCH', path(integration.appKey), {
      as: store,
      body: { roles: ['orders-write'] },
      headers: { 'if-match': '"1"' },
    });
    expect(edited.body).toMatchObject({ roles: ['orders-write'], version: 2 });
    expect((await verifyIn('extedit', integration)).permissions).toEqual(['orders:read', 'orders:write']);
    expectProblem(
      await api.request('PATCH', path(integration.appKey), {
        as: store,
        body: { roles: [] },
        headers: { 'if-match': '"1"' },
      }),
      'precondition-failed',
    );
    expectProblem(
      await api.request('DELETE', path(integration.appKey), { as: store }),
      'confirmation-required',
    );
    expect(
      (await api.request('DELETE', path(integration.appKey, '?confirm=true'), { as: store })).status,
    ).toBe(204);
    expect(await verifyIn('extedit', integration)).toEqual({ valid: false, reason: 'not-granted' });
    expectProblem(await api.request('GET', path(integration.appKey), { as: store }), 'not-found');

    const audit = await api.request('GET', '/v1/audit', { as: store });
    const actions = audit.body.items
      .filter((e: any) => e.target.type === 'external-key')
      .map((e: any) => e.action)
      .sort();
    expect(actions).toEqual(['external-key.added', 'external-key.removed', 'external-key.updated']);
  });

  it('keeps grants per account: another account sees 404 and its verification is not-granted', async () => {
    const a = await api.bootstrap('extowna');
    const b = await api.bootstrap('extownb');
    const partner = await api.bootstrap('extownp');
    const integration = await api.createKey(partner, []);
    expect((await grant(a, integration.appKey, ['catalog-read'])).status).toBe(201);
    expectProblem(await api.request('GET', path(integration.appKey), { as: b }), 'not-found');
    expectProblem(
      await api.request('PATCH', path(integration.appKey), { as: b, body: { active: false } }),
      'not-found',
    );
    expectProblem(
      await api.request('DELETE', path(integration.appKey, '?confirm=true'), { as: b }),
      'not-found',
    );
    expect((await api.request('GET', path(), { as: b })).body.items).toEqual([]);
    expect(await verifyIn('extownb', integration)).toEqual({ valid: false, reason: 'not-granted' });
  });

  it('holds at most 1,000 grants per account', async () => {
    const store = await api.bootstrap('extlimit');
    expect((await grant(store, absentAppKey('first'), [])).status).toBe(201);
    // 998 more grants through the API would only repeat the first; the counter they would leave
    // is set directly, and the limit is then the product's own condition on it.
    const db = createDocumentClient({ region: 'us-east-1', endpoint: testEndpoint() });
    await db.send(
      new UpdateCommand({
        TableName: api.services.tableName,
        Key: { PK: 'ACCOUNT#extlimit', SK: 'ROLES' },
        UpdateExpression: 'SET grantCount = :n',
        ExpressionAttributeValues: { ':n': 999 },
      }),
    );
    expect((await grant(store, absentAppKey('thousandth'), [])).status).toBe(201);
    expectProblem(await grant(store, absentAppKey('onetoomany'), []), 'limit-exceeded');
    expect(
      (await api.request('DELETE', path(absentAppKey('nothere'), '?confirm=true'), { as: store })).status,
    ).toBe(404);
    db.destroy();
  });
});
