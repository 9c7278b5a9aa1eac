// POST /v1/keys: a new key and its first token, shown once.
import { TestApi } from '../helpers/api';
import {
  DAY_MS,
  ISO_MS,
  T0,
  appKeyPattern,
  expectFieldError,
  expectProblem,
  getKey,
  hasValidChecksum,
  iso,
  listAll,
  verify,
} from './support';

describe('POST /v1/keys', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());
  afterEach(() => api.services.clock.set(T0));
  let badCase = 0;

  it('creates an active key with a token shown once, a Location and an ETag', async () => {
    const owner = await api.bootstrap('createhappy');

    const reply = await api.request('POST', '/v1/keys', {
      as: owner,
      body: { name: 'ERP', roles: ['orders-read', 'catalog-read'] },
    });

    expect(reply.status).toBe(201);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    const { key, token } = reply.body;
    expect(Object.keys(reply.body).sort()).toEqual(['key', 'token']);
    expect(key.appKey).toMatch(appKeyPattern('createhappy'));
    expect(reply.headers.get('location')).toBe(`/v1/keys/${key.appKey}`);
    expect(reply.headers.get('etag')).toBe('"1"');
    expect(token).toMatch(/^apt_[0-9A-Za-z]{49}$/);
    expect(hasValidChecksum(token)).toBe(true);
    expect(key).toEqual({
      appKey: key.appKey,
      name: 'ERP',
      account: 'createhappy',
      roles: ['orders-read', 'catalog-read'],
      status: 'active',
      createdAt: iso(T0),
      updatedAt: iso(T0),
      version: 1,
      tokens: [
        { id: expect.any(String), createdAt: iso(T0), expiresAt: iso(T0 + 90 * DAY_MS), state: 'active' },
      ],
      renewal: null,
      alert: 'none',
      renewalFlag: null,
      lastUsedAt: null,
      share: null,
      leak: null,
    });
  });

  it('issues a token that verifies with the roles and permissions of the key', async () => {
    const owner = await api.bootstrap('createverify');
    const created = await api.request('POST', '/v1/keys', {
      as: owner,
      body: { name: 'Shop', roles: ['catalog-write'] },
    });

    const result = await verify(api, created.body.key.appKey, created.body.token);

    expect(result).toEqual({
      valid: true,
      account: 'createverify',
      owner: 'createverify',
      appKey: created.body.key.appKey,
      name: 'Shop',
      roles: ['catalog-write'],
      permissions: expect.arrayContaining(['catalog:read', 'catalog:write']),
      tokenExpiresAt: iso(T0 + 90 * DAY_MS),
    });
    expect(result.permissions).toHaveLength(2);
  });

  it('defaults roles to [] and trims the name', async () => {
    const owner = await api.bootstrap('createdefaults');

    const reply = await api.request('POST', '/v1/keys', { as: owner, body: { name: '  Report job  ' } });

    expect(reply.status).toBe(201);
    expect(reply.body.key).toMatchObject({ name: 'Report job', roles: [] });
    expect(await verify(api, reply.body.key.appKey, reply.body.token)).toMatchObject({
      valid: true,
      roles: [],
      permissions: [],
    });
  });

  it('accepts a 100-character name and rejects 101 characters', async () => {
    const owner = await api.bootstrap('createnamelen');

    const ok = await api.request('POST', '/v1/keys', { as: owner, body: { name: 'n'.repeat(100) } });
    const tooLong = await api.request('POST', '/v1/keys', { as: owner, body: { name: 'n'.repeat(101) } });

    expect(ok.status).toBe(201);
    expectFieldError(tooLong, 'name');
  });

  it('gives every key its own appKey and token, and uses the current token duration', async () => {
    const owner = await api.bootstrap('createunique');
    await api.request('PUT', '/v1/settings', {
      as: owner,
      body: { tokenDurationDays: 30, expiryWarningDays: 7, enforceExpiry: true },
    });

    const a = await api.request('POST', '/v1/keys', { as: owner, body: { name: 'a' } });
    const b = await api.request('POST', '/v1/keys', { as: owner, body: { name: 'b' } });

    expect(a.body.key.appKey).not.toBe(b.body.key.appKey);
    expect(a.body.token).not.toBe(b.body.token);
    expect(a.body.key.tokens[0].id).not.toBe(b.body.key.tokens[0].id);
    expect(a.body.key.tokens[0].expiresAt).toBe(iso(T0 + 30 * DAY_MS));
  });

  it('never shows the token again: neither GET nor the list contain it', async () => {
    const owner = await api.bootstrap('createonce');
    const created = await api.request('POST', '/v1/keys', { as: owner, body: { name: 'secret' } });
    const { appKey } = created.body.key;

    const one = await api.request('GET', `/v1/keys/${appKey}`, { as: owner });
    const list = await api.request('GET', '/v1/keys', { as: owner });

    for (const reply of [one, list]) {
      expect(reply.status).toBe(200);
      expect(reply.text).not.toContain(created.body.token);
      expect(reply.text).not.toContain(created.body.token.slice(4, 47));
      expect(reply.text).not.toMatch(/apt_[0-9A-Za-z]{49}/);
    }
    expect(one.body).not.toHaveProperty('token');
    expect(Object.keys(one.body.tokens[0]).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'state']);
    expect(one.body.tokens[0].createdAt).toMatch(ISO_MS);
  });

  it.each([
    ['missing name', { roles: [] }, 'name'],
    ['blank name', { name: '   ' }, 'name'],
    ['name of the wrong type', { name: 42 }, 'name'],
    ['roles not an array', { name: 'x', roles: 'owner' }, 'roles'],
    ['a role that is not a string', { name: 'x', roles: [7] }, 'roles[0]'],
    ['an unknown role id', { name: 'x', roles: ['catalog-read', 'superuser'] }, 'roles[1]'],
    ['a duplicate role', { name: 'x', roles: ['catalog-read', 'catalog-read'] }, 'roles[1]'],
    ['more than 20 roles', { name: 'x', roles: Array(21).fill('catalog-read') }, 'roles'],
    ['an unknown field', { name: 'x', colour: 'red' }, 'colour'],
  ])('rejects %s with 400 naming the field, and creates nothing', async (_case, body, path) => {
    const owner = await api.bootstrap(`createbad${++badCase}`);
    const before = await listAll(api, owner);

    const reply = await api.request('POST', '/v1/keys', { as: owner, body });

    expectFieldError(reply, path);
    expect(await listAll(api, owner)).toHaveLength(before.length);
  });

  it('rejects malformed JSON with 400', async () => {
    const owner = await api.bootstrap('createjson');

    const reply = await api.request('POST', '/v1/keys', { as: owner, rawBody: '{"name": "x",' });

    expectProblem(reply, 'validation-error');
    expect(reply.body.errors).toEqual(expect.any(Array));
  });

  it('is forbidden to a key without keys:edit, and creates nothing', async () => {
    const owner = await api.bootstrap('createforbidden');
    const viewer = await api.createKey(owner, ['key-viewer']);
    const before = await listAll(api, owner);

    const reply = await api.request('POST', '/v1/keys', { as: viewer, body: { name: 'x' } });

    expectProblem(reply, 'forbidden');
    expect(await listAll(api, owner)).toHaveLength(before.length);
  });

  it('needs credentials: none, or a wrong token, is 401', async () => {
    const owner = await api.bootstrap('createauth');

    const none = await api.request('POST', '/v1/keys', { body: { name: 'x' } });
    const wrong = await api.request('POST', '/v1/keys', {
      as: { appKey: owner.appKey, token: owner.token.slice(0, -1) + 'x' },
      body: { name: 'x' },
    });

    expectProblem(none, 'unauthorized');
    expectProblem(wrong, 'unauthorized');
    expect(await listAll(api, owner)).toHaveLength(1);
  });

  it('creates the key in the account of the caller', async () => {
    const owner = await api.bootstrap('createaccount');

    const created = await api.createKey(owner, []);

    const key = await getKey(api, owner, created.appKey);
    expect(key.account).toBe('createaccount');
    expect(created.appKey.startsWith('apk-createaccount-')).toBe(true);
  });
});
