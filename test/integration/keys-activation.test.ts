// POST /v1/keys/{appKey}/activate and /deactivate: idempotent state changes that act on
// authentication at once here, and everywhere within the verification cache TTL.
import { TestApi } from '../helpers/api';
import { T0, absentAppKey, expectProblem, getKey, keyPath, verify, issueKey } from './support';

describe('activate and deactivate', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());
  afterEach(() => api.services.clock.set(T0));

  it('deactivates: 200, inactive, version + 1, ETag; the token stops authenticating', async () => {
    const owner = await api.bootstrap('deactivate');
    const target = await issueKey(api, owner, ['key-viewer']);

    const reply = await api.request('POST', keyPath(target.appKey, '/deactivate'), { as: owner });

    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ appKey: target.appKey, status: 'inactive', version: 2 });
    expect(reply.headers.get('etag')).toBe('"2"');
    expect(await verify(api, target.appKey, target.token)).toEqual({ valid: false, reason: 'inactive' });
    expectProblem(await api.request('GET', '/v1/keys', { as: target }), 'unauthorized');
  });

  it('is idempotent: deactivating an inactive key is 200 with the same version', async () => {
    const owner = await api.bootstrap('deactivatetwice');
    const target = await issueKey(api, owner, []);
    await api.request('POST', keyPath(target.appKey, '/deactivate'), { as: owner });
    api.services.clock.advanceMs(5_000);

    const again = await api.request('POST', keyPath(target.appKey, '/deactivate'), { as: owner });

    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      status: 'inactive',
      version: 2,
      updatedAt: new Date(T0).toISOString(),
    });
    expect(again.headers.get('etag')).toBe('"2"');
    expect((await getKey(api, owner, target.appKey)).version).toBe(2);
  });

  it('activates an inactive key: 200, active, version + 1; the token authenticates again', async () => {
    const owner = await api.bootstrap('activate');
    const target = await issueKey(api, owner, ['key-viewer']);
    await api.request('POST', keyPath(target.appKey, '/deactivate'), { as: owner });

    const reply = await api.request('POST', keyPath(target.appKey, '/activate'), { as: owner });

    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'active', version: 3 });
    expect(reply.headers.get('etag')).toBe('"3"');
    expect(await verify(api, target.appKey, target.token)).toMatchObject({ valid: true });
    expect((await api.request('GET', '/v1/keys', { as: target })).status).toBe(200);
  });

  it('is idempotent: activating an active key is 200 with the same version', async () => {
    const owner = await api.bootstrap('activatetwice');
    const target = await issueKey(api, owner, []);

    const reply = await api.request('POST', keyPath(target.appKey, '/activate'), { as: owner });

    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'active', version: 1 });
    expect(reply.headers.get('etag')).toBe('"1"');
  });

  it.each(['activate', 'deactivate'])('%s: 404 for a key that does not exist', async (action) => {
    const owner = await api.bootstrap('activationmissing');

    const reply = await api.request('POST', keyPath(absentAppKey('activationmissing'), `/${action}`), {
      as: owner,
    });

    expectProblem(reply, 'not-found');
  });

  it.each(['activate', 'deactivate'])('%s: forbidden without keys:edit, nothing changes', async (action) => {
    const owner = await api.bootstrap(`forbid${action}`);
    const viewer = await issueKey(api, owner, ['key-viewer']);
    const target = await issueKey(api, owner, []);
    if (action === 'activate')
      await api.request('POST', keyPath(target.appKey, '/deactivate'), { as: owner });
    const before = await getKey(api, owner, target.appKey);

    const reply = await api.request('POST', keyPath(target.appKey, `/${action}`), { as: viewer });

    expectProblem(reply, 'forbidden');
    expect(await getKey(api, owner, target.appKey)).toEqual(before);
  });

  it('rejects a body with fields (the body must be empty)', async () => {
    const owner = await api.bootstrap('activationbody');
    const target = await issueKey(api, owner, []);

    const reply = await api.request('POST', keyPath(target.appKey, '/deactivate'), {
      as: owner,
      body: { reason: 'leaked' },
    });

    expectProblem(reply, 'validation-error');
    expect((await getKey(api, owner, target.appKey)).status).toBe('active');
  });

  it('a deactivated key cannot use the API, and inactive is only reported with the right token', async () => {
    const owner = await api.bootstrap('inactivereason');
    const target = await issueKey(api, owner, ['key-admin']);
    await api.request('POST', keyPath(target.appKey, '/deactivate'), { as: owner });

    const wrongToken = await verify(api, target.appKey, owner.token);

    expect(wrongToken).toEqual({ valid: false, reason: 'invalid' });
    expectProblem(
      await api.request('POST', keyPath(owner.appKey, '/deactivate'), { as: target }),
      'unauthorized',
    );
  });
});

describe('activation with the verification cache on', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ cacheTtlSeconds: 10 });
  });
  afterAll(() => api.stop());

  it('deactivation takes effect at once in the process that made it, despite a cached verification', async () => {
    const owner = await api.bootstrap('cachedeactivate');
    const target = await issueKey(api, owner, ['key-viewer']);
    expect(await verify(api, target.appKey, target.token)).toMatchObject({ valid: true });
    expect((await api.request('GET', '/v1/keys', { as: target })).status).toBe(200);

    await api.request('POST', keyPath(target.appKey, '/deactivate'), { as: owner });

    expect(await verify(api, target.appKey, target.token)).toEqual({ valid: false, reason: 'inactive' });
    expectProblem(await api.request('GET', '/v1/keys', { as: target }), 'unauthorized');
  });

  it('activation takes effect at once too', async () => {
    const owner = await api.bootstrap('cacheactivate');
    const target = await issueKey(api, owner, []);
    await api.request('POST', keyPath(target.appKey, '/deactivate'), { as: owner });
    expect(await verify(api, target.appKey, target.token)).toEqual({ valid: false, reason: 'inactive' });

    await api.request('POST', keyPath(target.appKey, '/activate'), { as: owner });

    expect(await verify(api, target.appKey, target.token)).toMatchObject({ valid: true });
  });

  it('a deactivation made elsewhere (not seen by this cache) is seen once the TTL has passed', async () => {
    const owner = await api.bootstrap('cachettl');
    const target = await issueKey(api, owner, []);
    expect(await verify(api, target.appKey, target.token)).toMatchObject({ valid: true });
    // Another container deactivates the key: storage changes, this process's cache is not told.
    const stored = (await api.services.keys.getKey(target.appKey))!;
    await api.services.keys.saveKey(
      { ...stored, status: 'inactive', version: stored.version + 1 },
      stored.version,
      stored.renewalFlag,
    );

    // Within the TTL the cached answer may still be given; using it must not extend its life.
    api.services.clock.advanceMs(9_000);
    await verify(api, target.appKey, target.token);
    api.services.clock.advanceMs(1_001);
    const afterTtl = await verify(api, target.appKey, target.token);

    expect(afterTtl).toEqual({ valid: false, reason: 'inactive' });
  });
});
