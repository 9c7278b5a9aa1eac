// Hostile and odd input never produces a 5xx: every answer is a problem+json of the right type, and
// nothing changes. Storage failures are 503 service-unavailable with Retry-After, and change nothing.
import { TestApi, type Credentials, type Reply } from '../helpers/api';
import { WriteConflict } from '../../shared/ports';
import { UnavailableError } from '../../shared/domain/errors';
import { storageCall } from '../../shared/adapters/dynamodb/storage-errors';
import {
  PROBLEM_BASE,
  type ProblemCode,
  absentAppKey,
  credentialHeaders,
  expectProblem,
  getKey,
  keyPath,
  listAll,
  rawRequest,
  stateOf,
  verify,
  issueKey,
} from './support';

/** What a problem body must never contain: stack frames, source paths, internal error names. */
function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules|DomainError|ZodError|SyntaxError|Exception/);
}

interface Case {
  name: string;
  method: string;
  path: (target: string) => string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  anonymous?: boolean;
  code: ProblemCode;
}

const key =
  (suffix = '') =>
  (target: string) =>
    keyPath(target, suffix);
const at = (path: string) => () => path;
const odd = (
  name: string,
  method: string,
  path: Case['path'],
  code: ProblemCode,
  extra: Partial<Case> = {},
): Case => ({ name, method, path, code, ...extra });
const b64 = (text: string): string => Buffer.from(text).toString('base64url');
/** A valid PATCH body with the given (odd) headers. */
const rename = (headers: Record<string, string>): Partial<Case> => ({ body: { name: 'x' }, headers });
/** A valid create body with the given (odd) Idempotency-Key. */
const named = (idempotencyKey: string): Partial<Case> => ({
  body: { name: 'x' },
  headers: { 'idempotency-key': idempotencyKey },
});

const CASES: Case[] = [
  // Malformed or mistyped bodies, on every route that takes one.
  odd('create: malformed JSON', 'POST', at('/v1/keys'), 'validation-error', { rawBody: '{"name": "x"' }),
  odd('create: trailing garbage', 'POST', at('/v1/keys'), 'validation-error', { rawBody: '{"name": "x"} x' }),
  odd('create: an array', 'POST', at('/v1/keys'), 'validation-error', { rawBody: '[{"name": "x"}]' }),
  odd('create: null', 'POST', at('/v1/keys'), 'validation-error', { rawBody: 'null' }),
  odd('create: a string', 'POST', at('/v1/keys'), 'validation-error', { rawBody: '"name"' }),
  odd('create: a number', 'POST', at('/v1/keys'), 'validation-error', { rawBody: '42' }),
  odd('create: an empty body', 'POST', at('/v1/keys'), 'validation-error', { rawBody: '' }),
  odd('create: name as an object', 'POST', at('/v1/keys'), 'validation-error', {
    body: { name: { $ne: null } },
  }),
  odd('create: roles as an object', 'POST', at('/v1/keys'), 'validation-error', {
    body: { name: 'x', roles: { 0: 'owner' } },
  }),
  odd('create: a role of 1000 chars', 'POST', at('/v1/keys'), 'validation-error', {
    body: { name: 'x', roles: ['a'.repeat(1000)] },
  }),
  odd('create: __proto__ field', 'POST', at('/v1/keys'), 'validation-error', {
    rawBody: '{"name":"x","__proto__":{"admin":true}}',
  }),
  odd('create: deeply nested JSON', 'POST', at('/v1/keys'), 'validation-error', {
    rawBody: '['.repeat(5000) + ']'.repeat(5000),
  }),
  odd('patch: malformed JSON', 'PATCH', key(), 'validation-error', { rawBody: '{' }),
  odd('patch: null', 'PATCH', key(), 'validation-error', { rawBody: 'null' }),
  odd('patch: an array', 'PATCH', key(), 'validation-error', { body: [{ name: 'x' }] }),
  odd('patch: unknown field', 'PATCH', key(), 'validation-error', { body: { version: 99 } }),
  odd('patch: active as 0', 'PATCH', key(), 'validation-error', { body: { active: 0 } }),
  odd('activate: a string body', 'POST', key('/activate'), 'validation-error', { rawBody: '"yes"' }),
  odd('deactivate: unknown field', 'POST', key('/deactivate'), 'validation-error', { body: { now: true } }),
  odd('renew: malformed JSON', 'POST', key('/token/renew'), 'validation-error', {
    rawBody: '{"deleteOldToken":',
  }),
  odd('renew: null mode', 'POST', key('/token/renew'), 'validation-error', {
    body: { deleteOldToken: null },
  }),
  odd('finish: an array body', 'POST', key('/token/finish-renewal'), 'validation-error', { rawBody: '[]' }),
  odd('undo: unknown field', 'POST', key('/token/undo-renewal'), 'validation-error', {
    body: { token: 'x' },
  }),
  odd('settings: malformed JSON', 'PUT', at('/v1/settings'), 'validation-error', { rawBody: '{{}}' }),
  odd('settings: numbers as strings', 'PUT', at('/v1/settings'), 'validation-error', {
    body: { tokenDurationDays: '30', expiryWarningDays: '1', enforceExpiry: 'true' },
  }),
  odd('settings: huge number', 'PUT', at('/v1/settings'), 'validation-error', {
    rawBody: '{"tokenDurationDays":1e309,"expiryWarningDays":1,"enforceExpiry":true}',
  }),
  odd('verify: a string body', 'POST', at('/v1/verify'), 'validation-error', {
    rawBody: '"apk"',
    anonymous: true,
  }),
  odd('verify: appToken of 10 000 chars', 'POST', at('/v1/verify'), 'validation-error', {
    body: { appKey: 'x', appToken: 'a'.repeat(10_000) },
    anonymous: true,
  }),
  // Bodies too large for a handler.
  odd('create: a 2 MB body', 'POST', at('/v1/keys'), 'payload-too-large', {
    body: { name: 'x'.repeat(2 * 1024 * 1024) },
  }),
  odd('verify: a 2 MB body', 'POST', at('/v1/verify'), 'payload-too-large', {
    rawBody: ' '.repeat(2 * 1024 * 1024),
    anonymous: true,
  }),
  // Query strings.
  odd('list: garbage cursor', 'GET', at('/v1/keys?cursor=%%%'), 'validation-error'),
  odd('list: base64 of garbage', 'GET', at(`/v1/keys?cursor=${b64('garbage')}`), 'validation-error'),
  odd(
    'list: cursor with a foreign version',
    'GET',
    at(`/v1/keys?cursor=${b64('{"v":2,"after":"01ARZ3NDEKTSV4RRFFQ69G5FAV"}')}`),
    'validation-error',
  ),
  odd('list: cursor of 5000 chars', 'GET', at(`/v1/keys?cursor=${'A'.repeat(5000)}`), 'validation-error'),
  odd('list: limit=0', 'GET', at('/v1/keys?limit=0'), 'validation-error'),
  odd('list: limit=101', 'GET', at('/v1/keys?limit=101'), 'validation-error'),
  odd('list: limit=abc', 'GET', at('/v1/keys?limit=abc'), 'validation-error'),
  odd('list: limit=-1', 'GET', at('/v1/keys?limit=-1'), 'validation-error'),
  odd('list: limit=1.5', 'GET', at('/v1/keys?limit=1.5'), 'validation-error'),
  odd('list: limit twice', 'GET', at('/v1/keys?limit=1&limit=2'), 'validation-error'),
  odd('list: search of 101 chars', 'GET', at(`/v1/keys?search=${'s'.repeat(101)}`), 'validation-error'),
  odd('list: status=ACTIVE', 'GET', at('/v1/keys?status=ACTIVE'), 'validation-error'),
  odd('get: an unknown parameter', 'GET', (t) => `${keyPath(t)}?expand=token`, 'validation-error'),
  // Conditional and idempotency headers.
  odd('patch: If-Match abc', 'PATCH', key(), 'validation-error', rename({ 'if-match': 'abc' })),
  odd('patch: If-Match "x"', 'PATCH', key(), 'validation-error', rename({ 'if-match': '"x"' })),
  odd('patch: If-Match "-1"', 'PATCH', key(), 'validation-error', rename({ 'if-match': '"-1"' })),
  odd(
    'patch: If-Match of 10 digits',
    'PATCH',
    key(),
    'validation-error',
    rename({ 'if-match': '"9999999999"' }),
  ),
  odd('patch: If-Match a list', 'PATCH', key(), 'validation-error', rename({ 'if-match': '"1", "2"' })),
  odd(
    'create: Idempotency-Key with spaces',
    'POST',
    at('/v1/keys'),
    'validation-error',
    named('has some spaces'),
  ),
  odd(
    'create: Idempotency-Key of 300 chars',
    'POST',
    at('/v1/keys'),
    'validation-error',
    named('k'.repeat(300)),
  ),
  odd('create: empty Idempotency-Key', 'POST', at('/v1/keys'), 'validation-error', named('')),
  odd('create: Idempotency-Key with latin-1', 'POST', at('/v1/keys'), 'validation-error', named('clé')),
  odd('renew: Idempotency-Key with a tab', 'POST', key('/token/renew'), 'validation-error', {
    body: {},
    headers: { 'idempotency-key': 'a\tb' },
  }),
  // Credentials of odd shape.
  odd('list: a 10 000-char appKey header', 'GET', at('/v1/keys'), 'unauthorized', {
    headers: { 'x-api-appkey': 'a'.repeat(10_000), 'x-api-apptoken': 'apt_x' },
    anonymous: true,
  }),
  odd('list: a latin-1 token header', 'GET', at('/v1/keys'), 'unauthorized', {
    headers: { 'x-api-appkey': 'apk-robust-01ARZ3NDEKTSV4RRFFQ69G5FAV', 'x-api-apptoken': 'apt_é' },
    anonymous: true,
  }),
  odd('list: empty credential headers', 'GET', at('/v1/keys'), 'unauthorized', {
    headers: { 'x-api-appkey': '', 'x-api-apptoken': '' },
    anonymous: true,
  }),
  // Paths and appKeys of odd shape.
  odd('get: %zz', 'GET', at('/v1/keys/%zz'), 'not-found'),
  odd('get: an encoded slash', 'GET', at('/v1/keys/..%2Fsettings'), 'not-found'),
  odd('get: a 6000-char appKey', 'GET', at(`/v1/keys/${'A'.repeat(6000)}`), 'not-found'),
  odd('get: unicode', 'GET', at('/v1/keys/apk-caf%C3%A9-01ARZ3NDEKTSV4RRFFQ69G5FAV'), 'not-found'),
  odd('get: an emoji', 'GET', at('/v1/%F0%9F%94%91'), 'not-found'),
  odd('get: a lower-case ULID', 'GET', (t) => keyPath(t.toLowerCase()), 'not-found'),
  odd(
    'get: a ULID with I, L, O, U',
    'GET',
    at('/v1/keys/apk-robust-01ARZ3NDEKTSV4RRFFQ69G5ILU'),
    'not-found',
  ),
  odd(
    'get: an upper-case account',
    'GET',
    (t) => keyPath(t.replace('apk-robust-', 'apk-ROBUST-')),
    'not-found',
  ),
  odd('get: a too-short account', 'GET', at('/v1/keys/apk-ab-01ARZ3NDEKTSV4RRFFQ69G5FAV'), 'not-found'),
  odd('get: no prefix', 'GET', (t) => keyPath(t.slice(4)), 'not-found'),
  odd('get: a trailing slash', 'GET', (t) => `${keyPath(t)}/`, 'not-found'),
  odd('get: a double slash', 'GET', at('//v1//keys'), 'not-found'),
  odd('delete: a malformed appKey', 'DELETE', at('/v1/keys/not-a-key?confirm=true'), 'not-found'),
  odd('renew: a malformed appKey', 'POST', at('/v1/keys/apk-robust-/token/renew'), 'not-found', { body: {} }),
  odd('get: an absent key', 'GET', () => keyPath(absentAppKey('robust')), 'not-found'),
  // Unknown routes and wrong methods.
  odd('PUT /v1/keys', 'PUT', at('/v1/keys'), 'not-found', { body: { name: 'x' } }),
  odd('DELETE /v1/keys', 'DELETE', at('/v1/keys'), 'not-found'),
  odd(
    'DELETE /v1/keys?confirm=true (an unknown route with a query string)',
    'DELETE',
    at('/v1/keys?confirm=true'),
    'not-found',
  ),
  odd('POST /v1/keys/{appKey}', 'POST', key(), 'not-found', { body: { name: 'x' } }),
  odd('PUT /v1/keys/{appKey}', 'PUT', key(), 'not-found', { body: { name: 'x' } }),
  odd('GET .../token/renew', 'GET', key('/token/renew'), 'not-found'),
  odd('DELETE /v1/settings', 'DELETE', at('/v1/settings'), 'not-found'),
  odd('PATCH /v1/settings', 'PATCH', at('/v1/settings'), 'not-found', { body: { enforceExpiry: false } }),
  odd('GET /v1/verify', 'GET', at('/v1/verify'), 'not-found', { anonymous: true }),
  odd('POST /health', 'POST', at('/health'), 'not-found', { anonymous: true }),
  odd('OPTIONS /v1/keys', 'OPTIONS', at('/v1/keys'), 'not-found', { anonymous: true }),
  odd('GET /', 'GET', at('/'), 'not-found', { anonymous: true }),
  odd('GET /v2/keys', 'GET', at('/v2/keys'), 'not-found'),
  odd('GET /V1/KEYS', 'GET', at('/V1/KEYS'), 'not-found'),
];

describe('robustness: odd input', () => {
  let api: TestApi;
  let owner: Credentials;
  let target: Credentials;
  let keysBefore: any[];
  let settingsBefore: any;
  beforeAll(async () => {
    api = await TestApi.start();
    owner = await api.bootstrap('robust');
    target = await issueKey(api, owner, ['catalog-read'], 'target');
    keysBefore = await listAll(api, owner);
    settingsBefore = (await api.request('GET', '/v1/settings', { as: owner })).body;
  });
  afterAll(() => api.stop());

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const reply: Reply = await api.request(c.method, c.path(target.appKey), {
      as: c.anonymous ? undefined : owner,
      body: c.body,
      rawBody: c.rawBody,
      headers: {
        ...(c.rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(c.headers ?? {}),
      },
    });

    expect(reply.status).toBeLessThan(500);
    expectProblem(reply, c.code);
    expectNoInternals(reply.text);
    expect(reply.text).not.toContain(owner.token);
  });

  it.each([
    ['GET /v1/keys/../settings', 'GET', '/v1/keys/../settings'],
    ['GET /v1/keys/%2e%2e/settings', 'GET', '/v1/keys/%2e%2e/settings'],
    ['DELETE /v1/keys/../settings', 'DELETE', '/v1/keys/../settings'],
    ['GET /v1/keys/./x', 'GET', '/v1/keys/./x'],
  ])('%s (sent as is) is a 4xx problem, never a 5xx', async (_name, method, path) => {
    const reply = await rawRequest(api, method, path);

    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(reply.contentType).toMatch(/^application\/problem\+json/);
    // Without credentials: either resolved to a real route (401) or unknown (404).
    expect([PROBLEM_BASE + 'unauthorized', PROBLEM_BASE + 'not-found']).toContain(reply.body.type);
  });

  it('DELETE /v1/keys/../settings with credentials is 404 not-found', async () => {
    const reply = await rawRequest(api, 'DELETE', '/v1/keys/../settings', credentialHeaders(owner));

    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ type: PROBLEM_BASE + 'not-found', status: 404 });
  });

  it('changed nothing: same keys, same versions, same settings, the target still verifies', async () => {
    // lastUsedAt may move (the owner authenticated); nothing else may.
    expect((await listAll(api, owner)).map(stateOf)).toEqual(keysBefore.map(stateOf));
    expect((await api.request('GET', '/v1/settings', { as: owner })).body).toEqual(settingsBefore);
    expect(await verify(api, target.appKey, target.token)).toMatchObject({ valid: true });
  });
});

describe('robustness: storage failures', () => {
  /** Which store methods fail, and how. */
  const faults = new Map<string, () => Promise<never>>();
  /** The storage ports and the unit of work, failing wherever `faults` says. */
  const faulty = <T extends object>(inner: T): T =>
    new Proxy(inner, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const fault = faults.get(String(property));
          return fault ? fault() : value.apply(target, args);
        };
      },
    });
  const unavailable = () => Promise.reject(new UnavailableError(2, 'RequestTimeout'));
  /** A throttled DynamoDB call, mapped the way the real adapter maps it. */
  const throttled = () =>
    storageCall(() => {
      const error = new Error('Rate of requests exceeds the allowed throughput.');
      error.name = 'ProvisionedThroughputExceededException';
      return Promise.reject(error);
    });

  let api: TestApi;
  let owner: Credentials;
  beforeAll(async () => {
    api = await TestApi.start({ keys: faulty, accounts: faulty, work: faulty });
    owner = await api.bootstrap('storagedown');
  });
  afterEach(() => faults.clear());
  afterAll(() => api.stop());

  function expectUnavailable(reply: Reply): void {
    expectProblem(reply, 'service-unavailable');
    expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
    expectNoInternals(reply.text);
    expect(reply.text).not.toMatch(/RequestTimeout|Throughput/);
  }

  it.each([
    ['UnavailableError', unavailable],
    ['a throttled DynamoDB call', throttled],
  ])(
    'create when its write fails (%s): 503 with Retry-After, no key created, no token shown',
    async (_how, fault) => {
      const before = await listAll(api, owner);
      faults.set('commit', fault);

      const reply = await api.request('POST', '/v1/keys', { as: owner, body: { name: 'doomed' } });

      faults.clear();
      expectUnavailable(reply);
      expect(reply.text).not.toMatch(/apt_[0-9A-Za-z]{49}/);
      expect((await listAll(api, owner)).map(stateOf)).toEqual(before.map(stateOf));
    },
  );

  it('an idempotent create that failed can be retried with the same header', async () => {
    const before = await listAll(api, owner);
    faults.set('commit', unavailable);
    const failed = await api.request('POST', '/v1/keys', {
      as: owner,
      body: { name: 'retry me' },
      headers: { 'idempotency-key': 'after-outage' },
    });
    faults.clear();

    const retried = await api.request('POST', '/v1/keys', {
      as: owner,
      body: { name: 'retry me' },
      headers: { 'idempotency-key': 'after-outage' },
    });

    expectUnavailable(failed);
    expect(retried.status).toBe(201);
    expect(await listAll(api, owner)).toHaveLength(before.length + 1);
  });

  it('renew when its write fails: 503, the old token still works, the key is unchanged', async () => {
    const target = await issueKey(api, owner, []);
    const before = await getKey(api, owner, target.appKey);
    faults.set('commit', throttled);

    const reply = await api.request('POST', keyPath(target.appKey, '/token/renew'), { as: owner });

    faults.clear();
    expectUnavailable(reply);
    expect(await getKey(api, owner, target.appKey)).toEqual(before);
    expect(await verify(api, target.appKey, target.token)).toMatchObject({ valid: true });
  });

  it('deactivate and delete when writes fail: 503 and the key is unchanged', async () => {
    const target = await issueKey(api, owner, []);
    const before = await getKey(api, owner, target.appKey);
    faults.set('commit', unavailable);

    const off = await api.request('POST', keyPath(target.appKey, '/deactivate'), { as: owner });
    const gone = await api.request('DELETE', keyPath(target.appKey) + '?confirm=true', { as: owner });

    faults.clear();
    expectUnavailable(off);
    expectUnavailable(gone);
    expect(await getKey(api, owner, target.appKey)).toEqual(before);
  });

  it('settings when their write fails: 503 and the settings are unchanged', async () => {
    const before = (await api.request('GET', '/v1/settings', { as: owner })).body;
    faults.set('commit', unavailable);

    const reply = await api.request('PUT', '/v1/settings', {
      as: owner,
      body: { tokenDurationDays: 30, expiryWarningDays: 7, enforceExpiry: false },
    });

    faults.clear();
    expectUnavailable(reply);
    expect((await api.request('GET', '/v1/settings', { as: owner })).body).toEqual(before);
  });

  it('authentication when reads fail: 503 (not 401, not 500)', async () => {
    faults.set('getKey', throttled);

    const reply = await api.request('GET', '/v1/keys', { as: owner });

    expectUnavailable(reply);
  });

  it('verify when reads fail: 503, never a false "valid"', async () => {
    faults.set('getKey', unavailable);

    const reply = await api.request('POST', '/v1/verify', {
      body: { appKey: owner.appKey, appToken: owner.token },
    });

    expectUnavailable(reply);
  });

  it('whoami fails closed when reads fail (the authorizer denies)', async () => {
    faults.set('getKey', unavailable);

    const reply = await api.request('GET', '/v1/whoami', { headers: credentialHeaders(owner) });

    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({ message: expect.any(String) });
  });

  it.each([
    ['of a key-admin key (admin-set transaction)', { name: 'admin', roles: ['key-admin'] }, {}],
    ['with an Idempotency-Key (replay-record transaction)', { name: 'idem' }, { 'idempotency-key': 'tx-1' }],
  ])('a create %s that loses a transaction race is not a 5xx', async (_what, body, headers) => {
    // What the adapter throws when DynamoDB cancels a transaction for TransactionConflict
    // (shared/adapters/dynamodb/storage-errors.ts maps it to the first item's reason, 'version').
    // A correct service retries (201), or answers 409 or 503; never 500.
    faults.set('commit', () => {
      faults.delete('commit');
      return Promise.reject(new WriteConflict('version'));
    });

    const reply = await api.request('POST', '/v1/keys', { as: owner, body, headers });

    expect({ status: reply.status, body: reply.body }).toMatchObject({ status: expect.any(Number) });
    expect(reply.status).toBeLessThan(500);
    if (reply.status >= 400) expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('an unexpected storage error is a 500 problem without internal details', async () => {
    faults.set('listKeys', () =>
      Promise.reject(new TypeError("Cannot read properties of undefined (reading 'Items')")),
    );

    const reply = await api.request('GET', '/v1/keys', { as: owner });

    expect(reply.status).toBe(500);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ status: 500, title: expect.any(String), detail: expect.any(String) });
    expect(reply.text).not.toMatch(/Cannot read|Items|TypeError/);
    expectNoInternals(reply.text);
  });
});
