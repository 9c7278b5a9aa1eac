// Operational metrics (issue 17), recorded through the Metrics port by the real handlers and use
// cases against DynamoDB Local: each verification outcome counts once under its own name, cache
// hits and misses add up to the lookups, management actions count only on success, and share
// links, leak reports and the expiry scan count what they did. Every request flushes.
import { verificationMetric, METRIC, actionMetric, expiryFlagMetric } from '../../shared/ports/metrics';
import { TestApi, type Credentials } from '../helpers/api';
import { bootstrapAccount } from '../../shared/use-cases/bootstrap';
import { createTestServices, type TestServices } from '../helpers/services';
import { issueKey, keyPath, verify } from './support';

describe('metrics', () => {
  let api: TestApi;
  let owner: Credentials;
  const metrics = () => api.services.metrics;
  /** The verification counts an action recorded, and nothing else of that family. */
  const verificationsOf = async (act: () => Promise<unknown>) => {
    metrics().reset();
    await act();
    return Object.fromEntries(
      Object.entries(metrics().nonZero()).filter(
        ([name]) => name.startsWith('Verification') && !name.includes('Cache'),
      ),
    );
  };

  beforeAll(async () => {
    api = await TestApi.start();
    owner = await api.bootstrap('metrics');
  });
  afterAll(() => api.stop());

  describe('verifications by outcome', () => {
    it('a wrong token counts invalid, a right one valid', async () => {
      const key = await issueKey(api, owner, ['catalog-read']);
      const wrong = key.token.slice(0, -1) + (key.token.endsWith('a') ? 'b' : 'a');

      expect(await verificationsOf(() => verify(api, key.appKey, wrong))).toEqual({ VerificationInvalid: 1 });
      expect(await verificationsOf(() => verify(api, key.appKey, key.token))).toEqual({
        VerificationValid: 1,
      });
    });

    it('a deactivated key counts inactive', async () => {
      const key = await issueKey(api, owner, ['catalog-read']);
      expect((await api.request('POST', keyPath(key.appKey, '/deactivate'), { as: owner })).status).toBe(200);

      const counted = await verificationsOf(async () => {
        expect(await verify(api, key.appKey, key.token)).toMatchObject({ valid: false, reason: 'inactive' });
      });

      expect(counted).toEqual({ [verificationMetric('inactive')]: 1 });
    });

    it('an expired token counts expired', async () => {
      const services = await createTestServices();
      const { key, token } = await bootstrapIn(services, 'metricsexp');
      services.clock.advanceDays(91);
      services.metrics.reset();

      const outcome = await services.identities.identify(key.appKey, token);

      expect(outcome).toMatchObject({ valid: false, reason: 'expired' });
      expect(services.metrics.nonZero()).toMatchObject({ [verificationMetric('expired')]: 1 });
      expect(services.metrics.of(verificationMetric('valid'))).toBe(0);
    });

    it('a right token for an account that granted nothing counts not-granted', async () => {
      const key = await issueKey(api, owner, ['catalog-read']);
      const counted = await verificationsOf(async () => {
        const reply = await api.request('POST', '/v1/verify', {
          body: { appKey: key.appKey, appToken: key.token, account: 'nograntshere' },
        });
        expect(reply.body).toMatchObject({ valid: false, reason: 'not-granted' });
      });
      expect(counted).toEqual({ VerificationNotGranted: 1 });
    });

    it('authenticating a management request is a verification too', async () => {
      const counted = await verificationsOf(() => api.request('GET', '/v1/keys', { as: owner }));
      expect(counted).toEqual({ VerificationValid: 1 });
    });
  });

  it('cache: the first verification misses, repeats hit, so the hit ratio is computable', async () => {
    const services = await createTestServices({ cacheTtlSeconds: 10 });
    const { key, token } = await bootstrapIn(services, 'metricscache');
    services.metrics.reset();

    for (let i = 0; i < 4; i++) await services.identities.identify(key.appKey, token);

    expect(services.metrics.of(METRIC.cacheMiss)).toBe(1);
    expect(services.metrics.of(METRIC.cacheHit)).toBe(3);
  });

  it('management actions count per route on success only, and every request flushes', async () => {
    metrics().reset();
    const created = await api.request('POST', '/v1/keys', { as: owner, body: { name: 'm', roles: [] } });
    const refused = await api.request('POST', '/v1/keys', { as: owner, body: { name: '', roles: [] } });
    const anonymous = await api.request('GET', '/v1/keys', {});

    expect([created.status, refused.status, anonymous.status]).toEqual([201, 400, 401]);
    expect(metrics().of(actionMetric('create-key'))).toBe(1);
    expect(metrics().of(actionMetric('list-keys'))).toBe(0);
    expect(metrics().flushes).toBe(3);
  });

  it('public routes count no management action', async () => {
    metrics().reset();
    expect((await api.request('GET', '/health')).status).toBe(200);
    expect(Object.keys(metrics().nonZero()).filter((n) => n.startsWith('Action.'))).toEqual([]);
    expect(metrics().flushes).toBe(1);
  });

  it('a share link opened counts once; a second opening does not', async () => {
    const reply = await api.request('POST', '/v1/keys', {
      as: owner,
      body: { name: 'linked', roles: [], delivery: 'link' },
    });
    const [, id, secret] = /\/share\/([\w-]+)#([\w-]+)$/.exec(reply.body.share.url)!;
    metrics().reset();

    const first = await api.request('POST', `/v1/shares/${id}/open`, { body: { secret } });
    const second = await api.request('POST', `/v1/shares/${id}/open`, { body: { secret } });

    expect([first.status, second.status]).toEqual([200, 404]);
    expect(metrics().of(METRIC.shareLinkOpened)).toBe(1);
  });

  it('a leak report counts the report, its strings and the tokens it cut', async () => {
    const live = await issueKey(api, owner, ['catalog-read']);
    const item = (token: string) => ({
      token,
      type: 'apikeys_token',
      url: 'https://x.example/a',
      source: 'content',
    });
    metrics().reset();

    await api.services.leaks.report([item(live.token), item('not a token'), item(live.token)], {
      requestId: null,
      sourceIp: null,
      userAgent: null,
    });

    expect(metrics().nonZero()).toMatchObject({
      [METRIC.leakReport]: 1,
      [METRIC.leakReportItems]: 3,
      [METRIC.leakTokensCut]: 1,
    });
  });

  describe('expiry scan', () => {
    it('counts flags by level, examined entries and duration, and no backlog once caught up', async () => {
      const services = await createTestServices();
      await bootstrapIn(services, 'metricsscan');
      services.clock.advanceDays(90 - 14);
      services.metrics.reset();

      const report = await services.expiryScan.run();

      expect(report.flagged.expiring).toBe(1);
      expect(services.metrics.of(expiryFlagMetric('expiring'))).toBe(1);
      expect(services.metrics.of(expiryFlagMetric('expired'))).toBe(0);
      expect(services.metrics.of(METRIC.expiryScanExamined)).toBe(report.examined);
      expect(services.metrics.durations.get(METRIC.expiryScanDuration)).toHaveLength(1);
      expect(services.metrics.counts.get(METRIC.expiryScanBacklog)).toBe(0);
    });

    it('a run its deadline stopped reports the due entries it left as backlog', async () => {
      const services = await createTestServices();
      for (const account of ['backloga', 'backlogb', 'backlogc']) await bootstrapIn(services, account);
      services.clock.advanceDays(90 - 14);
      services.metrics.reset();

      const report = await services.expiryScan.run({ outOfTime: () => true });

      expect(report.complete).toBe(false);
      expect(services.metrics.counts.get(METRIC.expiryScanBacklog)).toBe(3);
    });
  });
});

const bootstrapIn = (services: TestServices, account: string) => bootstrapAccount(services, account);
