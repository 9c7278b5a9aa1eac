// A first pass through the key life cycle over HTTP, against DynamoDB Local.
import { TestApi } from '../helpers/api';

describe('key life cycle over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it('creates a key whose token verifies, and stops verifying once deactivated', async () => {
    const owner = await api.bootstrap('smoke');
    const created = await api.request('POST', '/v1/keys', {
      as: owner,
      body: { name: 'ERP', roles: ['catalog-read'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^apt_[0-9A-Za-z]{49}$/);

    const verify = () =>
      api.request('POST', '/v1/verify', {
        body: { appKey: created.body.key.appKey, appToken: created.body.token },
      });
    expect((await verify()).body).toMatchObject({
      valid: true,
      account: 'smoke',
      permissions: ['catalog:read'],
    });

    const off = await api.request('POST', `/v1/keys/${created.body.key.appKey}/deactivate`, { as: owner });
    expect(off.status).toBe(200);
    expect((await verify()).body).toEqual({ valid: false, reason: 'inactive' });
  });
});
