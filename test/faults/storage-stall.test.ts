// A stalled storage (issue 10, finding 1): with DynamoDB Local stopped by SIGSTOP, requests used to
// wait for as long as it stayed stopped (45 s in the fault run). Now every request that needs
// storage answers 503 problem+json with Retry-After within 5 s, and once storage is back (SIGCONT)
// the next requests succeed without a restart. A DynamoDB Local of its own: the run's shared one
// must never be stopped.
import { spawnSync } from 'node:child_process';
import { startDynamoDbLocal, type RunningDynamoDb } from '../../infra/local/dynamodb-local';
import { TestApi, type Credentials, type Reply } from '../helpers/api';
import { expectProblem, issueKey, keyPath } from '../integration/support';

jest.setTimeout(60_000);

/** API.md 1.1: no request waits longer than 5 s for storage. */
const PROMISE_MS = 5_000;

/** The pid of the process listening on `port` (DynamoDB Local's JVM). */
function listenerPid(port: number): number {
  const out = spawnSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' }).stdout;
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) throw new Error(`no process listens on port ${port}: ${out}`);
  return Number(pid);
}

async function timed(request: Promise<Reply>): Promise<Reply & { ms: number }> {
  const started = Date.now();
  const reply = await request;
  return { ...reply, ms: Date.now() - started };
}

describe('storage stalled (SIGSTOP) and back (SIGCONT)', () => {
  let dynamo: RunningDynamoDb;
  let api: TestApi;
  let owner: Credentials;
  let other: Credentials;
  let javaPid: number;
  const sharedEndpoint = process.env.TEST_DYNAMODB_ENDPOINT;

  beforeAll(async () => {
    dynamo = await startDynamoDbLocal();
    javaPid = listenerPid(dynamo.port);
    process.env.TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
    // No caches: every request below must reach storage.
    api = await TestApi.start({ cacheTtlSeconds: 0 });
    owner = await api.bootstrap('stall');
    other = await issueKey(api, owner, ['orders-read'], 'renewed under stall');
  });

  afterAll(async () => {
    process.kill(javaPid, 'SIGCONT');
    await api?.stop();
    await dynamo?.stop();
    process.env.TEST_DYNAMODB_ENDPOINT = sharedEndpoint;
  });

  it('answers 503 with Retry-After within 5 s on every route that needs storage, then recovers', async () => {
    process.kill(javaPid, 'SIGSTOP');
    let replies: Array<[string, Reply & { ms: number }]>;
    try {
      replies = await Promise.all(
        [
          ['list', timed(api.request('GET', '/v1/keys', { as: owner }))],
          [
            'verify',
            timed(
              api.request('POST', '/v1/verify', { body: { appKey: other.appKey, appToken: other.token } }),
            ),
          ],
          [
            'create',
            timed(
              api.request('POST', '/v1/keys', {
                as: owner,
                body: { name: 'during stall' },
                headers: { 'idempotency-key': 'stall-1' },
              }),
            ),
          ],
          ['renew', timed(api.request('POST', keyPath(other.appKey, '/token/renew'), { as: owner }))],
          [
            'settings',
            timed(
              api.request('PUT', '/v1/settings', {
                as: owner,
                body: { tokenDurationDays: 60, expiryWarningDays: 14, enforceExpiry: true },
              }),
            ),
          ],
        ].map(
          async ([name, reply]) =>
            [name as string, await (reply as Promise<Reply & { ms: number }>)] as [
              string,
              Reply & { ms: number },
            ],
        ),
      );
      // The standalone authorizer path fails closed (API Gateway's own 403 body), in time too.
      replies.push([
        'whoami',
        await timed(
          api.request('GET', '/v1/whoami', {
            headers: { 'x-api-appkey': owner.appKey, 'x-api-apptoken': owner.token },
          }),
        ),
      ]);
    } finally {
      process.kill(javaPid, 'SIGCONT');
    }

    console.log(`time to answer under a stall: ${replies.map(([n, r]) => `${n} ${r.ms} ms`).join(', ')}`);
    for (const [name, reply] of replies) {
      expect({ name, within: reply.ms < PROMISE_MS }).toEqual({ name, within: true });
      if (name === 'whoami') {
        expect(reply.status).toBe(403);
        continue;
      }
      // verify answers 503 too: "invalid" would tell an integration its good token is wrong.
      expectProblem(reply, 'service-unavailable');
      expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
    }

    // Back: the next requests succeed with no restart (stale sockets must not poison the clients).
    const deadline = Date.now() + 10_000;
    let list: Reply;
    do {
      list = await api.request('GET', '/v1/keys', { as: owner });
    } while (list.status !== 200 && Date.now() < deadline);
    expect(list.status).toBe(200);
    const created = await api.request('POST', '/v1/keys', { as: owner, body: { name: 'after stall' } });
    expect(created.status).toBe(201);
    const verified = await api.request('POST', '/v1/verify', {
      body: { appKey: created.body.key.appKey, appToken: created.body.token },
    });
    expect(verified.body).toMatchObject({ valid: true });
  });
});
