// GET and PUT /v1/settings, and what a change does to existing tokens and to verification.
import { TestApi, type Credentials } from '../helpers/api';
import { DAY_MS, T0, expectFieldError, expectProblem, getKey, iso, verify, issueKey } from './support';

const DEFAULTS = { tokenDurationDays: 90, expiryWarningDays: 14, enforceExpiry: true, updatedAt: null };

describe('settings', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());
  afterEach(() => api.services.clock.set(T0));

  const put = (as: Credentials, body: unknown) => api.request('PUT', '/v1/settings', { as, body });
  const settingsOf = async (as: Credentials) => (await api.request('GET', '/v1/settings', { as })).body;

  it('starts with the defaults: 90 days, 14 days warning, expiry enforced, never updated', async () => {
    const owner = await api.bootstrap('settingsdefault');

    const reply = await api.request('GET', '/v1/settings', { as: owner });

    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(DEFAULTS);
  });

  it('PUT stores all three fields and stamps updatedAt; GET reads them back', async () => {
    const owner = await api.bootstrap('settingsput');
    api.services.clock.advanceMs(1_234);

    const reply = await put(owner, { tokenDurationDays: 180, expiryWarningDays: 30, enforceExpiry: false });

    const expected = {
      tokenDurationDays: 180,
      expiryWarningDays: 30,
      enforceExpiry: false,
      updatedAt: iso(T0 + 1_234),
    };
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(expected);
    expect(await settingsOf(owner)).toEqual(expected);
  });

  it.each([30, 60, 90, 180, 365])('accepts a duration of %i days', async (days) => {
    const owner = await api.bootstrap(`settingsdays${days}`);

    const reply = await put(owner, { tokenDurationDays: days, expiryWarningDays: 1, enforceExpiry: true });

    expect(reply.status).toBe(200);
    expect(reply.body.tokenDurationDays).toBe(days);
  });

  it('accepts a warning period equal to the duration', async () => {
    const owner = await api.bootstrap('settingsequal');

    const reply = await put(owner, { tokenDurationDays: 30, expiryWarningDays: 30, enforceExpiry: true });

    expect(reply.status).toBe(200);
  });

  it.each([
    [
      'a duration not in the set',
      { tokenDurationDays: 45, expiryWarningDays: 14, enforceExpiry: true },
      'tokenDurationDays',
    ],
    [
      'a duration as a string',
      { tokenDurationDays: '90', expiryWarningDays: 14, enforceExpiry: true },
      'tokenDurationDays',
    ],
    [
      'a warning longer than the duration',
      { tokenDurationDays: 30, expiryWarningDays: 31, enforceExpiry: true },
      'expiryWarningDays',
    ],
    [
      'a warning of 0 days',
      { tokenDurationDays: 90, expiryWarningDays: 0, enforceExpiry: true },
      'expiryWarningDays',
    ],
    [
      'a warning of 61 days',
      { tokenDurationDays: 365, expiryWarningDays: 61, enforceExpiry: true },
      'expiryWarningDays',
    ],
    [
      'a fractional warning',
      { tokenDurationDays: 90, expiryWarningDays: 1.5, enforceExpiry: true },
      'expiryWarningDays',
    ],
    ['a missing field', { tokenDurationDays: 90, expiryWarningDays: 14 }, 'enforceExpiry'],
    [
      'enforceExpiry as a string',
      { tokenDurationDays: 90, expiryWarningDays: 14, enforceExpiry: 'no' },
      'enforceExpiry',
    ],
    [
      'an unknown field',
      { tokenDurationDays: 90, expiryWarningDays: 14, enforceExpiry: true, updatedAt: null },
      'updatedAt',
    ],
  ])('rejects %s with 400 naming the field, and changes nothing', async (_case, body, path) => {
    const owner = await api.bootstrap('settingsinvalid');
    const before = await settingsOf(owner);

    const reply = await put(owner, body);

    expectFieldError(reply, path);
    expect(await settingsOf(owner)).toEqual(before);
  });

  it('rejects an empty and a malformed body with 400', async () => {
    const owner = await api.bootstrap('settingsmalformed');

    expectProblem(await put(owner, {}), 'validation-error');
    expectProblem(
      await api.request('PUT', '/v1/settings', { as: owner, rawBody: '{"tokenDurationDays":' }),
      'validation-error',
    );
    expect(await settingsOf(owner)).toEqual(DEFAULTS);
  });

  describe('permissions', () => {
    it('GET needs keys:view, PUT needs settings:edit', async () => {
      const owner = await api.bootstrap('settingsperm');
      const viewer = await issueKey(api, owner, ['key-viewer']);
      const admin = await issueKey(api, owner, ['key-admin']);
      const catalog = await issueKey(api, owner, ['catalog-write']);
      const body = { tokenDurationDays: 60, expiryWarningDays: 10, enforceExpiry: true };

      expect((await api.request('GET', '/v1/settings', { as: viewer })).status).toBe(200);
      expectProblem(await api.request('GET', '/v1/settings', { as: catalog }), 'forbidden');
      expectProblem(await put(viewer, body), 'forbidden');
      expect(await settingsOf(owner)).toEqual(DEFAULTS);
      expect((await put(admin, body)).status).toBe(200);
      expectProblem(await api.request('GET', '/v1/settings'), 'unauthorized');
      expectProblem(await api.request('PUT', '/v1/settings', { body }), 'unauthorized');
    });

    it('settings belong to one account', async () => {
      const a = await api.bootstrap('settingsowna');
      const b = await api.bootstrap('settingsownb');

      await put(a, { tokenDurationDays: 30, expiryWarningDays: 5, enforceExpiry: false });

      expect(await settingsOf(b)).toEqual(DEFAULTS);
    });
  });

  describe('a change applies to existing tokens', () => {
    it('lengthening: every token expires at createdAt + the new duration', async () => {
      const owner = await api.bootstrap('settingslonger');
      const key = await issueKey(api, owner, []);
      api.services.clock.advanceDays(20);

      await put(owner, { tokenDurationDays: 365, expiryWarningDays: 14, enforceExpiry: true });

      const stored = await getKey(api, owner, key.appKey);
      expect(stored.tokens[0].expiresAt).toBe(iso(T0 + 365 * DAY_MS));
      expect(await verify(api, key.appKey, key.token)).toMatchObject({
        valid: true,
        tokenExpiresAt: iso(T0 + 365 * DAY_MS),
      });
      // New tokens follow too.
      const fresh = await api.request('POST', '/v1/keys', { as: owner, body: { name: 'new' } });
      expect(fresh.body.key.tokens[0].expiresAt).toBe(iso(T0 + 20 * DAY_MS + 365 * DAY_MS));
    });

    it('applies to both tokens of a pending renewal', async () => {
      const owner = await api.bootstrap('settingsrenewal');
      const key = await issueKey(api, owner, []);
      api.services.clock.advanceDays(5);
      await api.request('POST', `/v1/keys/${key.appKey}/token/renew`, { as: owner });

      await put(owner, { tokenDurationDays: 180, expiryWarningDays: 14, enforceExpiry: true });

      const stored = await getKey(api, owner, key.appKey);
      expect(stored.tokens.map((t: any) => t.expiresAt)).toEqual([
        iso(T0 + 5 * DAY_MS + 180 * DAY_MS),
        iso(T0 + 180 * DAY_MS),
      ]);
    });

    it('shortening: a token never expires earlier than the change + the warning period', async () => {
      const owner = await api.bootstrap('settingsshorter');
      const old = await issueKey(api, owner, [], 'created at T0'); // expires T0 + 90
      api.services.clock.set(T0 + 45 * DAY_MS);
      const recent = await issueKey(api, owner, [], 'created at T0+45'); // expires T0 + 135
      api.services.clock.set(T0 + 50 * DAY_MS);
      const changeAt = T0 + 50 * DAY_MS;

      await put(owner, { tokenDurationDays: 30, expiryWarningDays: 14, enforceExpiry: true });

      // createdAt + 30 = T0 + 30 is already past: held at change + 14 days instead.
      const oldKey = await getKey(api, owner, old.appKey);
      expect(oldKey.tokens[0].expiresAt).toBe(iso(changeAt + 14 * DAY_MS));
      expect(oldKey.alert).toBe('expiring');
      expect(await verify(api, old.appKey, old.token)).toMatchObject({ valid: true });
      // createdAt + 30 = T0 + 75 is later than change + 14 = T0 + 64: the plain rule applies.
      const recentKey = await getKey(api, owner, recent.appKey);
      expect(recentKey.tokens[0].expiresAt).toBe(iso(T0 + 75 * DAY_MS));
      // The grace runs out like any expiry.
      api.services.clock.set(changeAt + 14 * DAY_MS);
      expect(await verify(api, old.appKey, old.token)).toEqual({ valid: false, reason: 'expired' });
      expect(await verify(api, recent.appKey, recent.token)).toMatchObject({ valid: true });
    });

    it('shortening uses the new warning period for the grace', async () => {
      const owner = await api.bootstrap('settingsgrace');
      const key = await issueKey(api, owner, []);
      api.services.clock.set(T0 + 60 * DAY_MS);

      await put(owner, { tokenDurationDays: 30, expiryWarningDays: 20, enforceExpiry: true });

      expect((await getKey(api, owner, key.appKey)).tokens[0].expiresAt).toBe(iso(T0 + 80 * DAY_MS));
    });
  });

  describe('enforceExpiry', () => {
    it('when false, an expired token verifies and authenticates; when true again, it does not', async () => {
      const owner = await api.bootstrap('settingsenforce');
      const viewer = await issueKey(api, owner, ['key-viewer']);
      api.services.clock.advanceDays(91);
      const admin = await api.bootstrap('settingsenforce'); // the first owner's token expired too
      expect(await verify(api, viewer.appKey, viewer.token)).toEqual({ valid: false, reason: 'expired' });
      expectProblem(await api.request('GET', '/v1/keys', { as: viewer }), 'unauthorized');

      await put(admin, { tokenDurationDays: 90, expiryWarningDays: 14, enforceExpiry: false });

      expect(await verify(api, viewer.appKey, viewer.token)).toMatchObject({ valid: true });
      expect((await api.request('GET', '/v1/keys', { as: viewer })).status).toBe(200);
      expect((await getKey(api, admin, viewer.appKey)).alert).toBe('expired');

      await put(admin, { tokenDurationDays: 90, expiryWarningDays: 14, enforceExpiry: true });

      expect(await verify(api, viewer.appKey, viewer.token)).toEqual({ valid: false, reason: 'expired' });
    });

    it('a token expires exactly at expiresAt', async () => {
      const owner = await api.bootstrap('settingsinstant');
      const key = await issueKey(api, owner, []);

      api.services.clock.set(T0 + 90 * DAY_MS - 1);
      const justBefore = await verify(api, key.appKey, key.token);
      api.services.clock.set(T0 + 90 * DAY_MS);
      const atExpiry = await verify(api, key.appKey, key.token);

      expect(justBefore).toMatchObject({ valid: true });
      expect(atExpiry).toEqual({ valid: false, reason: 'expired' });
    });
  });
});

describe('settings with the verification cache on', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ cacheTtlSeconds: 10 });
  });
  afterAll(() => api.stop());
  afterEach(() => api.services.clock.set(T0));

  it('a change of enforceExpiry applies at once to verifications already cached', async () => {
    const owner = await api.bootstrap('settingscache');
    const key = await issueKey(api, owner, []);
    const body = { tokenDurationDays: 90, expiryWarningDays: 14, enforceExpiry: false };
    await api.request('PUT', '/v1/settings', { as: owner, body });
    api.services.clock.advanceDays(91);
    const admin = await api.bootstrap('settingscache');
    expect(await verify(api, key.appKey, key.token)).toMatchObject({ valid: true });

    await api.request('PUT', '/v1/settings', { as: admin, body: { ...body, enforceExpiry: true } });

    expect(await verify(api, key.appKey, key.token)).toEqual({ valid: false, reason: 'expired' });
  });

  it('a change of duration applies at once to verifications already cached', async () => {
    const owner = await api.bootstrap('settingscachedays');
    const key = await issueKey(api, owner, []);
    expect(await verify(api, key.appKey, key.token)).toMatchObject({ tokenExpiresAt: iso(T0 + 90 * DAY_MS) });

    await api.request('PUT', '/v1/settings', {
      as: owner,
      body: { tokenDurationDays: 365, expiryWarningDays: 14, enforceExpiry: true },
    });

    expect(await verify(api, key.appKey, key.token)).toMatchObject({
      tokenExpiresAt: iso(T0 + 365 * DAY_MS),
    });
  });
});
