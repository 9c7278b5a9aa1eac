// The expiry scan against DynamoDB Local with an injected clock: levels at the right instant,
// each level notified once, flags cleared when they stop applying, failed publishes retried, and
// a run stopped by its deadline resumed without duplicates or gaps.
import { TestApi, type Credentials } from '../helpers/api';

const DAY = 86_400_000;

describe('expiry scan', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  const scan = (options: Parameters<TestApi['services']['expiryScan']['run']>[0] = {}) =>
    api.services.expiryScan.run(options);
  // Read through the store: the owner's own token expires along the way.
  const getKey = async (_owner: Credentials, appKey: string) => (await api.services.keys.getKey(appKey))!;
  const eventsFor = (appKey: string) =>
    api.services.events.published.filter((e) => e.detail.appKey === appKey).map((e) => e.type);

  it('flags each level at its instant, once, and publishes one event per level', async () => {
    // Arrange: a key created now expires in 90 days and warns 14 days before.
    const created = api.services.clock.now();
    const owner = await api.bootstrap('levels');
    const key = await api.createKey(owner, ['catalog-read']);
    const expiry = created + 90 * DAY;

    // Act + Assert: one millisecond before each threshold nothing happens; at it, the flag is set.
    const steps: Array<[number, string, string]> = [
      [expiry - 14 * DAY, 'expiring', 'Token Expiring'],
      [expiry, 'expired', 'Token Expired'],
      [expiry + 90 * DAY, 'expired-critical', 'Token Expired Critical'],
    ];
    for (const [at, level, type] of steps) {
      api.services.clock.set(at - 1);
      await scan();
      expect((await getKey(owner, key.appKey)).renewalFlag?.level).not.toBe(level);
      api.services.clock.set(at);
      const report = await scan();
      expect(report.flagged[level as 'expiring']).toBeGreaterThanOrEqual(1);
      expect((await getKey(owner, key.appKey)).renewalFlag).toEqual({
        level,
        flaggedAt: new Date(at).toISOString(),
      });
      expect(eventsFor(key.appKey).filter((t) => t === type)).toHaveLength(1);
    }

    // A later scan publishes nothing new and reads nothing for this key.
    const before = api.services.events.published.length;
    api.services.clock.set(expiry + 400 * DAY);
    const last = await scan();
    expect(api.services.events.published.length).toBe(before);
    expect(last.examined).toBe(0);
    expect(eventsFor(key.appKey)).toEqual(['Token Expiring', 'Token Expired', 'Token Expired Critical']);
  });

  it('never puts the token in an event', async () => {
    const owner = await api.bootstrap('noleak');
    const key = await api.createKey(owner, []);
    api.services.clock.advanceDays(80);
    await scan();
    const event = api.services.events.published.find((e) => e.detail.appKey === key.appKey)!;
    expect(event.detail).toMatchObject({
      account: 'noleak',
      appKey: key.appKey,
      level: 'expiring',
      name: 'test key',
    });
    expect(JSON.stringify(api.services.events.published)).not.toContain(key.token);
    api.services.clock.advanceDays(-80);
  });

  it('clears the flag after a renewal and starts the clock again', async () => {
    const owner = await api.bootstrap('renewal');
    const key = await api.createKey(owner, []);
    api.services.clock.advanceDays(80);
    await scan();
    expect((await getKey(owner, key.appKey)).renewalFlag?.level).toBe('expiring');

    const renewed = await api.request('POST', `/v1/keys/${key.appKey}/token/renew`, { as: owner, body: {} });
    expect(renewed.status).toBe(200);
    expect(renewed.body.key.renewalFlag).toBeNull();
    await scan();
    expect((await getKey(owner, key.appKey)).renewalFlag).toBeNull();
    api.services.clock.advanceDays(-80);
  });

  it('clears the flag after a settings change lengthens the duration', async () => {
    const owner = await api.bootstrap('lengthen');
    const key = await api.createKey(owner, []);
    api.services.clock.advanceDays(80);
    await scan();
    expect((await getKey(owner, key.appKey)).renewalFlag?.level).toBe('expiring');

    const put = await api.request('PUT', '/v1/settings', {
      as: owner,
      body: { tokenDurationDays: 365, expiryWarningDays: 14, enforceExpiry: true },
    });
    expect(put.status).toBe(200);
    const after = (await api.request('GET', `/v1/keys/${key.appKey}`, { as: owner })).body;
    expect(after.renewalFlag).toBeNull();
    expect(after.alert).toBe('none');
    const published = api.services.events.published.length;
    await scan();
    expect(api.services.events.published.length).toBe(published);
    api.services.clock.advanceDays(-80);
  });

  it('retries a failed publish on the next run and records nothing until it succeeds', async () => {
    const owner = await api.bootstrap('retry');
    const key = await api.createKey(owner, []);
    api.services.clock.advanceDays(80);

    api.services.events.failing = true;
    const failed = await scan();
    expect(failed.failed).toBeGreaterThanOrEqual(1);
    expect((await getKey(owner, key.appKey)).renewalFlag).toBeNull();
    expect(eventsFor(key.appKey)).toEqual([]);

    api.services.events.failing = false;
    await scan();
    expect((await getKey(owner, key.appKey)).renewalFlag?.level).toBe('expiring');
    expect(eventsFor(key.appKey)).toEqual(['Token Expiring']);
    api.services.clock.advanceDays(-80);
  });

  it('resumes a run stopped by its deadline without duplicates or gaps', async () => {
    const owner = await api.bootstrap('resume');
    const keys = [];
    for (let i = 0; i < 30; i++) keys.push(await api.createKey(owner, [], `k${i}`));
    api.services.clock.advanceDays(80);

    // Each run may read only 3 pages of 4 entries, 12 at most, so the 30 due keys need at least 3
    // runs whatever shards they hash to (empty shards are skipped within a page): the short runs
    // must together flag each key exactly once.
    let runs = 0;
    for (;;) {
      let pages = 0;
      const report = await scan({ pageSize: 4, outOfTime: () => pages++ >= 3 });
      runs++;
      if (report.complete) break;
      expect(runs).toBeLessThan(200);
    }
    expect(runs).toBeGreaterThanOrEqual(3);
    for (const key of keys) expect(eventsFor(key.appKey)).toEqual(['Token Expiring']);
    api.services.clock.advanceDays(-80);
  });
});
