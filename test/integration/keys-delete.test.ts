// DELETE /v1/keys/{appKey}?confirm=true: permanent, and only when confirmed.
import { TestApi } from '../helpers/api';
import { absentAppKey, expectProblem, getKey, keyPath, listAll, stateOf, verify, issueKey } from './support';

describe('DELETE /v1/keys/{appKey}', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it.each([
    ['without confirm', ''],
    ['with confirm=false', '?confirm=false'],
    ['with confirm=yes', '?confirm=yes'],
    ['with an empty confirm', '?confirm='],
  ])('%s is 400 confirmation-required and deletes nothing', async (_case, query) => {
    const owner = await api.bootstrap('deleteunconfirmed');
    const target = await issueKey(api, owner, ['catalog-read']);
    const before = await getKey(api, owner, target.appKey);

    const reply = await api.request('DELETE', keyPath(target.appKey) + query, { as: owner });

    expectProblem(reply, 'confirmation-required');
    expect(stateOf(await getKey(api, owner, target.appKey))).toEqual(stateOf(before));
    expect(await verify(api, target.appKey, target.token)).toMatchObject({ valid: true });
  });

  it('deletes with confirm=true: 204 without body, then GET 404, gone from the list, token invalid', async () => {
    const owner = await api.bootstrap('deleteconfirmed');
    const target = await issueKey(api, owner, ['key-viewer']);

    const reply = await api.request('DELETE', keyPath(target.appKey) + '?confirm=true', { as: owner });

    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    expectProblem(await api.request('GET', keyPath(target.appKey), { as: owner }), 'not-found');
    expect((await listAll(api, owner)).map((k) => k.appKey)).toEqual([owner.appKey]);
    expect(await verify(api, target.appKey, target.token)).toEqual({ valid: false, reason: 'invalid' });
    expectProblem(await api.request('GET', '/v1/keys', { as: target }), 'unauthorized');
  });

  it('deletes both tokens of a key in the middle of a renewal', async () => {
    const owner = await api.bootstrap('deleterenewing');
    const target = await issueKey(api, owner, []);
    const renewed = await api.request('POST', keyPath(target.appKey, '/token/renew'), { as: owner });
    expect(renewed.status).toBe(200);

    const reply = await api.request('DELETE', keyPath(target.appKey) + '?confirm=true', { as: owner });

    expect(reply.status).toBe(204);
    expect(await verify(api, target.appKey, target.token)).toEqual({ valid: false, reason: 'invalid' });
    expect(await verify(api, target.appKey, renewed.body.token)).toEqual({ valid: false, reason: 'invalid' });
  });

  it('deletes an inactive key', async () => {
    const owner = await api.bootstrap('deleteinactive');
    const target = await issueKey(api, owner, []);
    await api.request('POST', keyPath(target.appKey, '/deactivate'), { as: owner });

    const reply = await api.request('DELETE', keyPath(target.appKey) + '?confirm=true', { as: owner });

    expect(reply.status).toBe(204);
    expectProblem(await api.request('GET', keyPath(target.appKey), { as: owner }), 'not-found');
  });

  it('is 404 the second time, and for a key that never existed', async () => {
    const owner = await api.bootstrap('deletetwice');
    const target = await issueKey(api, owner, []);
    await api.request('DELETE', keyPath(target.appKey) + '?confirm=true', { as: owner });

    const again = await api.request('DELETE', keyPath(target.appKey) + '?confirm=true', { as: owner });
    const never = await api.request('DELETE', keyPath(absentAppKey('deletetwice')) + '?confirm=true', {
      as: owner,
    });

    expectProblem(again, 'not-found');
    expectProblem(never, 'not-found');
    expect(again.body).toEqual(never.body);
  });

  it('is forbidden without keys:edit and deletes nothing', async () => {
    const owner = await api.bootstrap('deleteforbidden');
    const viewer = await issueKey(api, owner, ['key-viewer']);
    const target = await issueKey(api, owner, []);

    const reply = await api.request('DELETE', keyPath(target.appKey) + '?confirm=true', { as: viewer });

    expectProblem(reply, 'forbidden');
    expect((await getKey(api, owner, target.appKey)).appKey).toBe(target.appKey);
  });

  it('is 401 without credentials and deletes nothing', async () => {
    const owner = await api.bootstrap('deleteanon');
    const target = await issueKey(api, owner, []);

    const reply = await api.request('DELETE', keyPath(target.appKey) + '?confirm=true');

    expectProblem(reply, 'unauthorized');
    expect((await getKey(api, owner, target.appKey)).appKey).toBe(target.appKey);
  });
});

describe('DELETE with the verification cache on', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ cacheTtlSeconds: 10 });
  });
  afterAll(() => api.stop());

  it('the token stops verifying at once, despite a cached verification', async () => {
    const owner = await api.bootstrap('deletecached');
    const target = await issueKey(api, owner, []);
    expect(await verify(api, target.appKey, target.token)).toMatchObject({ valid: true });

    await api.request('DELETE', keyPath(target.appKey) + '?confirm=true', { as: owner });

    expect(await verify(api, target.appKey, target.token)).toEqual({ valid: false, reason: 'invalid' });
  });
});
