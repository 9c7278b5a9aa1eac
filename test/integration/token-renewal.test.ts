// Token renewal: renew (later | now), finish-renewal, undo-renewal.
import { TestApi, type Credentials } from '../helpers/api';
import {
  DAY_MS,
  T0,
  absentAppKey,
  expectFieldError,
  expectProblem,
  getKey,
  hasValidChecksum,
  iso,
  keyPath,
  stateOf,
  verify,
  issueKey,
} from './support';

describe('token renewal', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());
  afterEach(() => api.services.clock.set(T0));

  const renew = (as: Credentials, appKey: string, body?: unknown) =>
    api.request('POST', keyPath(appKey, '/token/renew'), { as, body });
  const finish = (as: Credentials, appKey: string) =>
    api.request('POST', keyPath(appKey, '/token/finish-renewal'), { as });
  const undo = (as: Credentials, appKey: string) =>
    api.request('POST', keyPath(appKey, '/token/undo-renewal'), { as });

  describe('renew with deleteOldToken=later', () => {
    it('returns a new token once; both tokens authenticate; the old one is pending deletion', async () => {
      const owner = await api.bootstrap('renewlater');
      const target = await issueKey(api, owner, ['catalog-read']);
      const before = await getKey(api, owner, target.appKey);
      api.services.clock.advanceDays(10);

      const reply = await renew(owner, target.appKey, { deleteOldToken: 'later' });

      expect(reply.status).toBe(200);
      expect(reply.headers.get('etag')).toBe('"2"');
      const { key, token } = reply.body;
      expect(hasValidChecksum(token)).toBe(true);
      expect(token).not.toBe(target.token);
      const now = T0 + 10 * DAY_MS;
      expect(key).toMatchObject({
        appKey: target.appKey,
        version: 2,
        updatedAt: iso(now),
        renewal: { startedAt: iso(now) },
        renewalFlag: null,
        alert: 'none',
        tokens: [
          { id: expect.any(String), createdAt: iso(now), expiresAt: iso(now + 90 * DAY_MS), state: 'active' },
          { ...before.tokens[0], state: 'pending-deletion' },
        ],
      });
      expect(key.tokens[0].id).not.toBe(before.tokens[0].id);
      expect(await verify(api, target.appKey, token)).toMatchObject({
        valid: true,
        tokenExpiresAt: iso(now + 90 * DAY_MS),
      });
      expect(await verify(api, target.appKey, target.token)).toMatchObject({
        valid: true,
        tokenExpiresAt: before.tokens[0].expiresAt,
      });
    });

    it('defaults to later when the body is absent', async () => {
      const owner = await api.bootstrap('renewdefault');
      const target = await issueKey(api, owner, []);

      const reply = await renew(owner, target.appKey);

      expect(reply.status).toBe(200);
      expect(reply.body.key.tokens.map((t: any) => t.state)).toEqual(['active', 'pending-deletion']);
      expect(await verify(api, target.appKey, target.token)).toMatchObject({ valid: true });
    });

    it('never shows either token in GET afterwards', async () => {
      const owner = await api.bootstrap('renewsecret');
      const target = await issueKey(api, owner, []);
      const renewed = await renew(owner, target.appKey);

      const reply = await api.request('GET', keyPath(target.appKey), { as: owner });

      expect(reply.text).not.toContain(renewed.body.token);
      expect(reply.text).not.toContain(target.token);
      expect(reply.body).toEqual(renewed.body.key);
    });

    it('finish-renewal deletes the old token at once; the new one keeps working', async () => {
      const owner = await api.bootstrap('renewfinish');
      const target = await issueKey(api, owner, []);
      const renewed = await renew(owner, target.appKey);

      const reply = await finish(owner, target.appKey);

      expect(reply.status).toBe(200);
      expect(reply.headers.get('etag')).toBe('"3"');
      expect(reply.body).toMatchObject({
        version: 3,
        renewal: null,
        tokens: [{ ...renewed.body.key.tokens[0], state: 'active' }],
      });
      expect(reply.body.tokens).toHaveLength(1);
      expect(await verify(api, target.appKey, target.token)).toEqual({ valid: false, reason: 'invalid' });
      expect(await verify(api, target.appKey, renewed.body.token)).toMatchObject({ valid: true });
    });

    it('undo-renewal deletes the new token; the old one is the only, active token again', async () => {
      const owner = await api.bootstrap('renewundo');
      const target = await issueKey(api, owner, []);
      const before = await getKey(api, owner, target.appKey);
      const renewed = await renew(owner, target.appKey);

      const reply = await undo(owner, target.appKey);

      expect(reply.status).toBe(200);
      expect(reply.headers.get('etag')).toBe('"3"');
      expect(reply.body).toMatchObject({ version: 3, renewal: null, tokens: before.tokens });
      expect(reply.body.tokens).toHaveLength(1);
      expect(await verify(api, target.appKey, renewed.body.token)).toEqual({
        valid: false,
        reason: 'invalid',
      });
      expect(await verify(api, target.appKey, target.token)).toMatchObject({ valid: true });
    });

    it.each(['later', 'now'])(
      'a second renewal (%s) while one is pending is 409 renewal-pending and changes nothing',
      async (mode) => {
        const owner = await api.bootstrap(`renewpending${mode}`);
        const target = await issueKey(api, owner, []);
        const first = await renew(owner, target.appKey);
        const before = await getKey(api, owner, target.appKey);

        const reply = await renew(owner, target.appKey, { deleteOldToken: mode });

        expectProblem(reply, 'renewal-pending');
        expect(reply.text).not.toMatch(/apt_[0-9A-Za-z]{49}/);
        expect(stateOf(await getKey(api, owner, target.appKey))).toEqual(stateOf(before));
        expect(await verify(api, target.appKey, target.token)).toMatchObject({ valid: true });
        expect(await verify(api, target.appKey, first.body.token)).toMatchObject({ valid: true });
      },
    );

    it('can renew again after finishing', async () => {
      const owner = await api.bootstrap('renewagain');
      const target = await issueKey(api, owner, []);
      await renew(owner, target.appKey);
      await finish(owner, target.appKey);

      const reply = await renew(owner, target.appKey);

      expect(reply.status).toBe(200);
      expect(reply.body.key.version).toBe(4);
    });
  });

  describe('renew with deleteOldToken=now', () => {
    it('replaces the token at once: the old one stops authenticating, no renewal is pending', async () => {
      const owner = await api.bootstrap('renewnow');
      const target = await issueKey(api, owner, ['orders-read']);

      const reply = await renew(owner, target.appKey, { deleteOldToken: 'now' });

      expect(reply.status).toBe(200);
      expect(reply.body.key).toMatchObject({ version: 2, renewal: null });
      expect(reply.body.key.tokens).toEqual([
        { id: expect.any(String), createdAt: iso(T0), expiresAt: iso(T0 + 90 * DAY_MS), state: 'active' },
      ]);
      expect(await verify(api, target.appKey, target.token)).toEqual({ valid: false, reason: 'invalid' });
      expect(await verify(api, target.appKey, reply.body.token)).toMatchObject({ valid: true });
    });

    it.each(['finish-renewal', 'undo-renewal'])('%s afterwards is 409 no-pending-renewal', async (action) => {
      const owner = await api.bootstrap(`nopending${action.split('-')[0]}`);
      const target = await issueKey(api, owner, []);
      const renewed = await renew(owner, target.appKey, { deleteOldToken: 'now' });

      const reply = await api.request('POST', keyPath(target.appKey, `/token/${action}`), { as: owner });

      expectProblem(reply, 'no-pending-renewal');
      expect(await verify(api, target.appKey, renewed.body.token)).toMatchObject({ valid: true });
    });
  });

  it.each(['finish-renewal', 'undo-renewal'])(
    '%s without any renewal is 409 no-pending-renewal and changes nothing',
    async (action) => {
      const owner = await api.bootstrap(`never${action.split('-')[0]}`);
      const target = await issueKey(api, owner, []);

      const reply = await api.request('POST', keyPath(target.appKey, `/token/${action}`), { as: owner });

      expectProblem(reply, 'no-pending-renewal');
      expect((await getKey(api, owner, target.appKey)).version).toBe(1);
    },
  );

  it.each(['now', 'later'])(
    'restarts the expiry clock (%s): the alert follows the new, newest token',
    async (mode) => {
      const owner = await api.bootstrap(`renewexpiring${mode}`);
      const target = await issueKey(api, owner, []);
      api.services.clock.advanceDays(85);
      const helper = await api.bootstrap(`renewexpiring${mode}`); // the first owner's token nears its end too
      expect((await getKey(api, helper, target.appKey)).alert).toBe('expiring');

      const reply = await renew(helper, target.appKey, { deleteOldToken: mode });

      expect(reply.body.key).toMatchObject({ alert: 'none' });
      expect(reply.body.key.tokens[0].expiresAt).toBe(iso(T0 + 175 * DAY_MS));
      expect((await getKey(api, helper, target.appKey)).alert).toBe('none');
      if (mode === 'later') expect(reply.body.key.tokens[1].expiresAt).toBe(iso(T0 + 90 * DAY_MS));
    },
  );

  it('renews an expired key: the new token authenticates, the expired one still does not', async () => {
    const owner = await api.bootstrap('renewexpired');
    const target = await issueKey(api, owner, []);
    api.services.clock.advanceDays(100);
    const helper = await api.bootstrap('renewexpired');
    expect(await verify(api, target.appKey, target.token)).toEqual({ valid: false, reason: 'expired' });

    const reply = await renew(helper, target.appKey);

    expect(reply.status).toBe(200);
    expect(reply.body.key.alert).toBe('none');
    expect(await verify(api, target.appKey, reply.body.token)).toMatchObject({ valid: true });
    expect(await verify(api, target.appKey, target.token)).toEqual({ valid: false, reason: 'expired' });
  });

  it('clears the renewal flag raised by the expiry scan', async () => {
    const owner = await api.bootstrap('renewflag');
    const target = await issueKey(api, owner, []);
    // What the expiry scan does when it flags a key:
    const stored = (await api.services.keys.getKey(target.appKey))!;
    const flag = { level: 'expiring' as const, flaggedAt: iso(T0) };
    await api.services.keys.saveKey(
      { ...stored, renewalFlag: flag, version: stored.version + 1 },
      stored.version,
      stored.renewalFlag,
    );
    expect((await getKey(api, owner, target.appKey)).renewalFlag).toEqual(flag);

    const reply = await renew(owner, target.appKey);

    expect(reply.body.key.renewalFlag).toBeNull();
    expect((await getKey(api, owner, target.appKey)).renewalFlag).toBeNull();
  });

  describe('security', () => {
    it.each(['later', 'now'])('a key cannot renew its own token (%s): 403, nothing changes', async (mode) => {
      const owner = await api.bootstrap(`selfrenew${mode}`);
      const admin = await issueKey(api, owner, ['key-admin']);
      const before = await getKey(api, owner, admin.appKey);

      const reply = await renew(admin, admin.appKey, { deleteOldToken: mode });

      expectProblem(reply, 'forbidden');
      expect(reply.text).not.toMatch(/apt_[0-9A-Za-z]{49}/);
      expect(stateOf(await getKey(api, owner, admin.appKey))).toEqual(stateOf(before));
      expect(await verify(api, admin.appKey, admin.token)).toMatchObject({ valid: true });
    });

    it('the owner key cannot renew itself either', async () => {
      const owner = await api.bootstrap('selfrenewowner');

      expectProblem(await renew(owner, owner.appKey), 'forbidden');
    });

    it.each([
      ['renew', '/token/renew'],
      ['finish-renewal', '/token/finish-renewal'],
      ['undo-renewal', '/token/undo-renewal'],
    ])('%s is forbidden without keys:renew, and 401 without credentials', async (_name, suffix) => {
      const owner = await api.bootstrap('renewperm');
      const viewer = await issueKey(api, owner, ['key-viewer']);
      const target = await issueKey(api, owner, []);
      if (suffix !== '/token/renew') await renew(owner, target.appKey);
      const before = await getKey(api, owner, target.appKey);

      const forbidden = await api.request('POST', keyPath(target.appKey, suffix), { as: viewer });
      const anonymous = await api.request('POST', keyPath(target.appKey, suffix));

      expectProblem(forbidden, 'forbidden');
      expectProblem(anonymous, 'unauthorized');
      expect(stateOf(await getKey(api, owner, target.appKey))).toEqual(stateOf(before));
    });

    it.each(['/token/renew', '/token/finish-renewal', '/token/undo-renewal'])(
      '%s is 404 for a key that does not exist',
      async (suffix) => {
        const owner = await api.bootstrap('renewmissing');

        const reply = await api.request('POST', keyPath(absentAppKey('renewmissing'), suffix), { as: owner });

        expectProblem(reply, 'not-found');
      },
    );
  });

  it.each([
    ['an unknown mode', { deleteOldToken: 'never' }, 'deleteOldToken'],
    ['a boolean mode', { deleteOldToken: true }, 'deleteOldToken'],
    ['an unknown field', { deleteOldToken: 'now', force: true }, 'force'],
  ])('rejects %s with 400 and renews nothing', async (_case, body, path) => {
    const owner = await api.bootstrap('renewinvalid');
    const target = await issueKey(api, owner, []);

    const reply = await renew(owner, target.appKey, body);

    expectFieldError(reply, path);
    expect((await getKey(api, owner, target.appKey)).version).toBe(1);
    expect(await verify(api, target.appKey, target.token)).toMatchObject({ valid: true });
  });
});
