// Retries of one idempotent request racing each other (issue 10, finding 5): twenty parallel
// renewals with one Idempotency-Key used to give one 200 and nineteen 409 `renewal-pending`, as if
// another renewal had happened. Now every reply is either the one result (replayed) or 409
// `conflict` with Retry-After: 1 saying the request is still in progress, and a retry gets the result.
import { TestApi, type Credentials, type Reply } from '../helpers/api';
import { expectProblem, issueKey, keyPath, listAll, verify } from './support';

const PARALLEL = 20;

/** Retries the 409 in-flight replies once, after their Retry-After, as a client would. */
async function settle(replies: Reply[], again: () => Promise<Reply>): Promise<Reply[]> {
  const settled: Reply[] = [];
  for (const reply of replies) {
    if (reply.status !== 409) {
      settled.push(reply);
      continue;
    }
    expectProblem(reply, 'conflict');
    expect(reply.headers.get('retry-after')).toBe('1');
    expect(reply.body.detail).toMatch(/in progress/i);
    settled.push(await again());
  }
  return settled;
}

describe('parallel retries of one idempotent request', () => {
  let api: TestApi;
  let owner: Credentials;
  beforeAll(async () => {
    api = await TestApi.start();
    owner = await api.bootstrap('inflight');
  });
  afterAll(() => api.stop());

  it(`${PARALLEL} renewals with one Idempotency-Key: one renewal, every caller gets its token`, async () => {
    const target = await issueKey(api, owner, ['orders-read'], 'renewed by retries');
    const renew = () =>
      api.request('POST', keyPath(target.appKey, '/token/renew'), {
        as: owner,
        body: { deleteOldToken: 'later' },
        headers: { 'idempotency-key': 'renew-once' },
      });

    const first = await Promise.all(Array.from({ length: PARALLEL }, renew));

    for (const reply of first) expect(reply.body?.type ?? '').not.toMatch(/renewal-pending/);
    const settled = await settle(first, renew);
    expect(settled.map((r) => r.status)).toEqual(Array(PARALLEL).fill(200));
    const tokens = new Set(settled.map((r) => r.body.token));
    expect(tokens.size).toBe(1);
    const [token] = [...tokens];
    expect(await verify(api, target.appKey, token!)).toMatchObject({ valid: true });
    const key = settled[0]!.body.key;
    expect(key.version).toBe(2);
    expect(key.tokens).toHaveLength(2);
  });

  it(`${PARALLEL} creates with one Idempotency-Key: one key, every caller gets it`, async () => {
    const before = (await listAll(api, owner)).length;
    const create = () =>
      api.request('POST', '/v1/keys', {
        as: owner,
        body: { name: 'created by retries', roles: ['orders-read'] },
        headers: { 'idempotency-key': 'create-once' },
      });

    const settled = await settle(await Promise.all(Array.from({ length: PARALLEL }, create)), create);

    expect(settled.map((r) => r.status)).toEqual(Array(PARALLEL).fill(201));
    expect(new Set(settled.map((r) => r.body.key.appKey)).size).toBe(1);
    expect(new Set(settled.map((r) => r.body.token)).size).toBe(1);
    expect(await listAll(api, owner)).toHaveLength(before + 1);
  });
});
