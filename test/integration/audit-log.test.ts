// The audit log (API.md 1.1): every change writes exactly one entry in the same unit of work, with
// the right action, actor, target and changes; no-ops, replays and refused or failed changes write
// none; another account sees nothing; key-viewer is refused; nothing secret ever enters an entry.
import { UnavailableError } from '../../shared/domain/errors';
import type { UnitOfWork } from '../../shared/ports/unit-of-work';
import { TestApi, type Credentials, type Reply } from '../helpers/api';
import { DAY_MS, expectProblem, issueKey, keyPath } from './support';

const TOKEN = /apt_[0-9A-Za-z]{49}/g;
const USER_AGENT = 'audit-test/1.0';

/** Set to make the next commit fail as an outage would. */
let failCommits = false;
const failing = (inner: UnitOfWork): UnitOfWork => ({
  commit: (writes) =>
    failCommits ? Promise.reject(new UnavailableError(1, 'Injected')) : inner.commit(writes),
});

describe('audit log', () => {
  let api: TestApi;
  let owner: Credentials;
  const issued: string[] = [];

  const call = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    as = owner,
  ) => {
    api.services.clock.advanceMs(1); // distinct instants: "newest first" is then well defined
    return api.request(method, path, { as, body, headers: { 'user-agent': USER_AGENT, ...headers } });
  };
  const audit = async (query = '', as = owner): Promise<any[]> => {
    const reply = await api.request('GET', `/v1/audit${query ? `?${query}` : ''}`, { as });
    expect(reply.status).toBe(200);
    return reply.body.items;
  };
  const entriesFor = async (appKey: string): Promise<any[]> => audit(`appKey=${appKey}`);
  const newKey = async (name: string, roles: string[] = ['orders-read']): Promise<Credentials> => {
    const reply = await call('POST', '/v1/keys', { name, roles });
    expect(reply.status).toBe(201);
    issued.push(reply.body.token);
    return { appKey: reply.body.key.appKey, token: reply.body.token };
  };

  beforeAll(async () => {
    api = await TestApi.start({ work: failing });
    owner = await api.bootstrap('auditing');
    issued.push(owner.token);
  });
  afterAll(() => api.stop());
  afterEach(() => (failCommits = false));

  // action -> how to cause it on a fresh key, and the changed fields the entry must name
  const cases: Array<[string, (k: Credentials) => Promise<Reply>, string[]]> = [
    [
      'key.updated',
      (k) => call('PATCH', keyPath(k.appKey), { name: 'renamed', roles: [] }),
      ['name', 'roles'],
    ],
    ['key.deactivated', (k) => call('POST', keyPath(k.appKey, '/deactivate')), ['status']],
    [
      'key.deleted',
      (k) => call('DELETE', keyPath(k.appKey, '?confirm=true')),
      ['name', 'roles', 'status', 'tokens'],
    ],
    [
      'token.renewed',
      (k) => call('POST', keyPath(k.appKey, '/token/renew'), { deleteOldToken: 'later' }),
      ['tokens'],
    ],
  ];

  it('key.created: one entry naming the key, its roles and its token by id only', async () => {
    const key = await newKey('created', ['orders-read']);
    const [entry, ...more] = await entriesFor(key.appKey);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      account: 'auditing',
      action: 'key.created',
      actor: { type: 'key', appKey: owner.appKey },
      target: { type: 'key', id: key.appKey },
      changes: {
        name: { from: null, to: 'created' },
        roles: { from: null, to: ['orders-read'] },
        status: { from: null, to: 'active' },
      },
      requestId: expect.any(String),
      sourceIp: expect.stringMatching(/127\.0\.0\.1/),
      userAgent: USER_AGENT,
    });
    expect(entry.changes.tokens.to).toEqual([
      {
        id: expect.stringMatching(/^tok_/),
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
        state: 'active',
      },
    ]);
    expect(entry.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it.each(cases)('%s: exactly one entry with actor, target and changes', async (action, act, fields) => {
    const key = await newKey(`for ${action}`);
    const reply = await act(key);
    expect(reply.status).toBeLessThan(300);
    if (reply.body?.token) issued.push(reply.body.token);

    const entries = (await entriesFor(key.appKey)).filter((e) => e.action !== 'key.created');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action,
      actor: { type: 'key', appKey: owner.appKey },
      target: { type: 'key', id: key.appKey },
    });
    expect(Object.keys(entries[0].changes).sort()).toEqual([...fields].sort());
  });

  it('key.activated, renewal.finished and renewal.undone: one entry each', async () => {
    const key = await newKey('lifecycle');
    await call('POST', keyPath(key.appKey, '/deactivate'));
    expect((await call('POST', keyPath(key.appKey, '/activate'))).status).toBe(200);
    issued.push((await call('POST', keyPath(key.appKey, '/token/renew'))).body.token);
    expect((await call('POST', keyPath(key.appKey, '/token/finish-renewal'))).status).toBe(200);
    issued.push((await call('POST', keyPath(key.appKey, '/token/renew'))).body.token);
    expect((await call('POST', keyPath(key.appKey, '/token/undo-renewal'))).status).toBe(200);

    const actions = (await entriesFor(key.appKey)).map((e) => e.action);
    expect(actions).toEqual([
      'renewal.undone',
      'token.renewed',
      'renewal.finished',
      'token.renewed',
      'key.activated',
      'key.deactivated',
      'key.created',
    ]);
  });

  it('settings.updated: one entry naming the changed settings; the same settings again: none', async () => {
    const put = (tokenDurationDays: number) =>
      call('PUT', '/v1/settings', { tokenDurationDays, expiryWarningDays: 14, enforceExpiry: true });
    expect((await put(180)).status).toBe(200);
    expect((await put(180)).status).toBe(200);

    const entries = await audit('action=settings.updated');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: { type: 'key', appKey: owner.appKey },
      target: { type: 'settings', id: 'auditing' },
      changes: { tokenDurationDays: { from: 90, to: 180 } },
    });
    expect((await put(90)).status).toBe(200);
  });

  it('no entry for no-ops, replays, refusals and failed writes', async () => {
    const key = await newKey('quiet', ['orders-read']);
    const weak = await issueKey(api, owner, ['key-admin'], 'weak admin');
    const strong = await issueKey(api, owner, ['owner'], 'strong');
    const before = (await audit()).length;

    expect((await call('POST', keyPath(key.appKey, '/activate'))).status).toBe(200); // already active
    expect((await call('PATCH', keyPath(key.appKey), { name: 'quiet' })).status).toBe(200); // same name
    const body = { name: 'replayed' };
    const first = await call('POST', '/v1/keys', body, { 'idempotency-key': 'audit-replay' });
    issued.push(first.body.token);
    const replay = await call('POST', '/v1/keys', body, { 'idempotency-key': 'audit-replay' });
    expect(replay.body.key.appKey).toBe(first.body.key.appKey);
    expectProblem(
      await call('POST', keyPath(strong.appKey, '/deactivate'), undefined, {}, weak),
      'forbidden',
    );
    expectProblem(
      await call('PATCH', keyPath(key.appKey), { name: 'x' }, { 'if-match': '"99"' }),
      'precondition-failed',
    );
    expectProblem(await call('DELETE', keyPath(key.appKey)), 'confirmation-required');
    failCommits = true;
    expectProblem(await call('POST', keyPath(key.appKey, '/deactivate')), 'service-unavailable');
    failCommits = false;

    const after = await audit('limit=100');
    expect(after.length - before).toBe(1); // the first idempotent create only
    expect(after[0]).toMatchObject({ action: 'key.created', target: { id: first.body.key.appKey } });
  });

  it('the last admin key refusal writes nothing', async () => {
    const lone = await api.bootstrap('loneadmin');
    const reply = await api.request('POST', keyPath(lone.appKey, '/deactivate'), { as: lone });
    expectProblem(reply, 'last-admin-key');
    const entries = (await api.request('GET', '/v1/audit', { as: lone })).body.items;
    expect(entries.map((e: any) => e.action)).toEqual(['key.created']);
    expect(entries[0].actor).toEqual({ type: 'system', appKey: null });
  });

  it('filters by key (as target or as actor), by action and by time; newest first; pages', async () => {
    const actor = await issueKey(api, owner, ['key-admin'], 'actor');
    api.services.clock.advanceMs(1);
    const t0 = api.services.clock.now() + 1; // the next call's instant
    const target = await newKey('filtered');
    await call('POST', keyPath(target.appKey, '/deactivate'), undefined, {}, actor);
    await call('POST', keyPath(target.appKey, '/activate'), undefined, {}, actor);
    const t1 = api.services.clock.now();

    // The actor's own creation (by the system) concerns it too, as its target.
    expect((await entriesFor(actor.appKey)).map((e) => e.action)).toEqual([
      'key.activated',
      'key.deactivated',
      'key.created',
    ]);
    expect((await entriesFor(target.appKey)).map((e) => e.action)).toEqual([
      'key.activated',
      'key.deactivated',
      'key.created',
    ]);
    const activated = await audit('action=key.activated&limit=100');
    expect(activated.every((e) => e.action === 'key.activated')).toBe(true);
    expect(activated[0].target.id).toBe(target.appKey);
    const window = await audit(`from=${new Date(t0).toISOString()}&to=${new Date(t1).toISOString()}`);
    expect(window.map((e) => e.action)).toEqual(['key.activated', 'key.deactivated', 'key.created']);
    const byActorAndAction = await audit(`appKey=${actor.appKey}&action=key.deactivated`);
    expect(byActorAndAction.map((e) => e.action)).toEqual(['key.deactivated']);

    // Pages of one follow each other without gaps or repeats.
    const all = await audit('limit=100');
    const paged: any[] = [];
    let cursor: string | null = null;
    do {
      const reply: Reply = await api.request('GET', `/v1/audit?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
        as: owner,
      });
      paged.push(...reply.body.items);
      cursor = reply.body.nextCursor;
    } while (cursor);
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    const ids = all.map((e) => e.id);
    expect(ids).toEqual([...ids].sort().reverse());
  });

  it('pages of the by-key index cross mirror items without gaps', async () => {
    const actor = await issueKey(api, owner, ['key-admin'], 'busy actor');
    for (let i = 0; i < 3; i++) {
      const target = await newKey(`touched ${i}`);
      await call('POST', keyPath(target.appKey, '/deactivate'), undefined, {}, actor);
    }
    const paged: any[] = [];
    let cursor: string | null = null;
    do {
      const reply: Reply = await api.request(
        'GET',
        `/v1/audit?appKey=${actor.appKey}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        { as: owner },
      );
      expect(reply.status).toBe(200);
      paged.push(...reply.body.items);
      cursor = reply.body.nextCursor;
    } while (cursor);
    expect(paged.map((e) => e.action)).toEqual([
      'key.deactivated',
      'key.deactivated',
      'key.deactivated',
      'key.created',
    ]);
  });

  it('another account sees none of these entries; key-viewer is refused', async () => {
    const other = await api.bootstrap('otheraudit');
    const theirs = await audit('limit=100', other);
    expect(theirs.every((e) => e.account === 'otheraudit')).toBe(true);
    expect(await audit(`appKey=${owner.appKey}`, other)).toEqual([]);
    const viewer = await issueKey(api, owner, ['key-viewer'], 'viewer');
    expectProblem(await api.request('GET', '/v1/audit', { as: viewer }), 'forbidden');
  });

  it('forged or reused cursors are 400, and a window before the retention horizon is empty, never a 500', async () => {
    const cursor = (after: string) => Buffer.from(JSON.stringify({ v: 1, after })).toString('base64url');
    const zero = '0'.repeat(26);
    const future = '2030-01-01T00:00:00.000Z';
    for (const query of [
      `from=${future}&cursor=${cursor(zero)}`,
      `cursor=${cursor(`${zero}.m`)}`,
      `action=key.created&cursor=${cursor(`${zero}.m`)}`,
      `appKey=${owner.appKey}&cursor=${cursor(zero)}`,
      `action=key.created&from=${future}&cursor=${cursor(zero)}`,
    ]) {
      expectProblem(await api.request('GET', `/v1/audit?${query}`, { as: owner }), 'validation-error');
    }
    const old = await api.request('GET', '/v1/audit?to=2020-01-01T00:00:00.000Z', { as: owner });
    expect({ status: old.status, items: old.body.items }).toEqual({ status: 200, items: [] });
  });

  it('rejects bad filters with 400', async () => {
    for (const query of [
      'action=key.exploded',
      'from=yesterday',
      'appKey=nope',
      'limit=0',
      'cursor=abc',
      'colour=red',
    ]) {
      expectProblem(await api.request('GET', `/v1/audit?${query}`, { as: owner }), 'validation-error');
    }
  });

  it('entries past their retention are gone, even before TTL deletes them', async () => {
    const key = await newKey('old news');
    expect(await entriesFor(key.appKey)).toHaveLength(1);
    api.services.clock.advanceMs(401 * DAY_MS);
    const later = await issueKey(api, owner, ['owner'], 'later owner'); // the old owner token expired
    expect(await audit(`appKey=${key.appKey}`, later)).toEqual([]);
    api.services.clock.advanceMs(-401 * DAY_MS);
  });

  it('no entry holds a token, a hash or a secret', async () => {
    const entries = await audit('limit=100');
    const text = JSON.stringify(entries);
    expect(entries.length).toBeGreaterThan(10);
    for (const token of issued) expect(text).not.toContain(token);
    expect(text.match(TOKEN) ?? []).toEqual([]);
    expect(text).not.toMatch(/"hash"|hashKeyId|sealedResponse/);
  });
  // Last: moving the clock 80 days on makes every key of the account due for the scan.
  it('renewal.flagged: the expiry scan records each raised flag as the system', async () => {
    const key = await newKey('expiring soon');
    api.services.clock.advanceMs(80 * DAY_MS); // inside the 14-day warning of a 90-day token
    const report = await api.services.expiryScan.run();
    expect(report.flagged.expiring).toBeGreaterThan(0);
    await api.services.expiryScan.run(); // nothing new: no second entry
    const later = await issueKey(api, owner, ['owner'], 'reader at day 80');

    const flagged = (await audit(`appKey=${key.appKey}&action=renewal.flagged`, later)).map((e) => ({
      actor: e.actor,
      changes: e.changes,
    }));
    expect(flagged).toEqual([
      {
        actor: { type: 'system', appKey: null },
        changes: { renewalFlag: { from: null, to: { level: 'expiring', flaggedAt: expect.any(String) } } },
      },
    ]);
    api.services.clock.advanceMs(-80 * DAY_MS);
  });
});
