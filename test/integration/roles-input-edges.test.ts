// Regression tests from an adversarial review of custom roles: odd input to the roles and external-keys routes. Every answer
// must be a documented 4xx (TestApi also fails on any status the OpenAPI document does not list).
import { TestApi, type Credentials } from '../helpers/api';
import { expectProblem, keyPath } from './support';

describe('review probes: input handling', () => {
  let api: TestApi;
  let owner: Credentials;
  beforeAll(async () => {
    api = await TestApi.start();
    owner = await api.bootstrap('probeinput');
  });
  afterAll(() => api.stop());

  const createRole = (body: unknown) => api.request('POST', '/v1/roles', { as: owner, body });

  it('object-prototype-looking role ids work like any other', async () => {
    for (const id of ['constructor', 'tostring', 'hasownproperty', 'proto--']) {
      expect((await createRole({ id, name: id, permissions: ['a:b'] })).status).toBe(201);
      expect((await api.request('GET', `/v1/roles/${id}`, { as: owner })).status).toBe(200);
    }
    const key = await api.createKey(owner, ['constructor', 'tostring'], 'odd');
    expect(
      (
        await api.request('PATCH', keyPath(key.appKey), {
          as: owner,
          body: { roles: ['tostring', 'constructor'] },
        })
      ).status,
    ).toBe(200);
    expectProblem(
      await api.request('DELETE', '/v1/roles/constructor?confirm=true', { as: owner }),
      'role-in-use',
    );
    expect((await api.request('DELETE', keyPath(key.appKey, '?confirm=true'), { as: owner })).status).toBe(
      204,
    );
    expect((await api.request('DELETE', '/v1/roles/constructor?confirm=true', { as: owner })).status).toBe(
      204,
    );
    expect((await api.request('DELETE', '/v1/roles/tostring?confirm=true', { as: owner })).status).toBe(204);
  });

  it('If-Match edge cases: a well-formed stale tag is 412, a malformed one 400, and neither changes the role', async () => {
    expect((await createRole({ id: 'ifm', name: 'ifm', permissions: ['a:b'] })).status).toBe(201);
    const body = { name: 'x', description: '', permissions: ['a:c'] };
    const put = (ifMatch: string) =>
      api.request('PUT', '/v1/roles/ifm', { as: owner, body, headers: { 'if-match': ifMatch } });
    const statuses: Record<string, number> = {};
    for (const h of ['"0"', '"2"', '"1", "2"', '', ' ', 'W/"9"', '"99999999999"', '"-1"', '"1.0"', 'abc'])
      statuses[h] = (await put(h)).status;
    expect(statuses).toEqual({
      // Versions this role is not at (a weak tag compares the same way).
      '"0"': 412,
      '"2"': 412,
      'W/"9"': 412,
      // Not one version: a list, nothing, no number, a number out of range.
      '"1", "2"': 400,
      '': 400,
      ' ': 400,
      '"99999999999"': 400,
      '"-1"': 400,
      '"1.0"': 400,
      abc: 400,
    });
    const stored = (await api.request('GET', '/v1/roles/ifm', { as: owner })).body;
    expect(stored).toMatchObject({ version: 1, name: 'ifm', permissions: ['a:b'] });
  });

  it('the 350 KB catalog guard answers 409 limit-exceeded, and the account keeps working', async () => {
    const acct = await api.bootstrap('probebig');
    const big = (i: number) => ({
      id: `big-${i}`,
      name: '漢'.repeat(100),
      description: '漢'.repeat(500),
      permissions: Array.from(
        { length: 50 },
        (_, j) => `${'a'.repeat(39)}${j % 10}:${'b'.repeat(38)}${String(j).padStart(2, '0')}`,
      ),
    });
    let created = 0;
    let last = 0;
    for (let i = 0; i < 100; i++) {
      const reply = await api.request('POST', '/v1/roles', { as: acct, body: big(i) });
      last = reply.status;
      if (reply.status !== 201) {
        expectProblem(reply, 'limit-exceeded');
        break;
      }
      created++;
    }
    expect(last).toBe(409);
    // A key can still be given one of them, and the list still reads.
    const key = await api.createKey(acct, ['big-0'], 'holder');
    expect((await api.request('GET', '/v1/roles', { as: acct })).status).toBe(200);
    expect(
      (await api.request('POST', '/v1/verify', { body: { appKey: key.appKey, appToken: key.token } })).body
        .valid,
    ).toBe(true);
    expect(created).toBeGreaterThan(10);
  }, 120_000);
  it('PROBE: role names follow the same rules as key names (code points, not blank when invisible)', async () => {
    // Key names: 1..100 code points, blank = only whitespace or invisible format characters.
    const emoji = '🔑'.repeat(60); // 60 characters, 120 UTF-16 units
    const keyReply = await api.request('POST', '/v1/keys', { as: owner, body: { name: emoji, roles: [] } });
    const keyBlank = await api.request('POST', '/v1/keys', {
      as: owner,
      body: { name: '\u200b', roles: [] },
    });
    const roleReply = await createRole({ id: 'emoji-name', name: emoji, permissions: ['a:b'] });
    const roleBlank = await createRole({ id: 'blank-name', name: '\u200b', permissions: ['a:b'] });
    expect({ role: roleReply.status, roleBlank: roleBlank.status }).toEqual({
      role: keyReply.status,
      roleBlank: keyBlank.status,
    });
  });
  it("PROBE: a management call that names another account with X-API-Account is refused, not silently run in the key's own account", async () => {
    const partner = await api.bootstrap('probehdrp');
    expect(
      (
        await api.request('POST', '/v1/external-keys', {
          as: owner,
          body: { appKey: partner.appKey, roles: ['catalog-read'] },
        })
      ).status,
    ).toBe(201);
    const reply = await api.request('POST', '/v1/keys', {
      as: partner,
      headers: { 'x-api-account': 'probeinput' },
      body: { name: 'meant for probeinput', roles: [] },
    });
    // 201 here means a key was created in probehdrp although the caller asked for probeinput.
    expect({ status: reply.status, account: reply.body?.key?.account ?? null }).toEqual({
      status: 400,
      account: null,
    });
  });
});
