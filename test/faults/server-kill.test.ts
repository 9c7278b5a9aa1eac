// SIGKILL of the service process itself (no exit hook runs) in the middle of a burst of idempotent
// creates: its DynamoDB Local (a restarted one, to prove the watchdog follows restarts) must not
// outlive it, and after `npm start` again on the same DATA_DIR every acknowledged write is there and
// every request re-sent with its Idempotency-Key is replayed or created exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  client,
  dynamoDbLocalProcesses,
  eventually,
  killAll,
  remaining,
  request,
  start,
  type Credentials,
  type LocalRuntime,
  type Reply,
} from '../e2e/local-runtime';

jest.setTimeout(50_000);

const BURST = 50;
/** The kill comes once this many creates have answered (in the middle of the burst). */
const KILL_AFTER = 10;

interface Attempt {
  idempotencyKey: string;
  body: { name: string; roles: string[] };
  /** The 2xx reply, when one arrived before the kill. */
  acked?: { appKey: string; token: string };
  /** Anything else: a non-2xx status, or the connection lost to the kill. */
  failed?: string;
}

describe('SIGKILL of the service in the middle of a write burst', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'apikeys-server-kill-'));
  const env = { EXPIRY_SCAN_INTERVAL: '0' };
  let first: LocalRuntime;
  let second: LocalRuntime;
  let owner: Credentials;
  const attempts: Attempt[] = [];

  beforeAll(async () => {
    first = await start(dataDir, env);
    owner = first.owner!;
  });

  afterAll(() => {
    killAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const verify = (url: string, appKey: string, appToken: string) =>
    client(url)('POST', '/v1/verify', { body: { appKey, appToken } }).then((r) => r.body);

  /** Re-sends a create as a client would: the same Idempotency-Key and body, again after a 503. */
  async function resend(url: string, attempt: Attempt): Promise<Reply> {
    for (let tries = 1; ; tries++) {
      const reply = await request(url, 'POST', '/v1/keys', {
        as: owner,
        body: attempt.body,
        headers: { 'Idempotency-Key': attempt.idempotencyKey },
      });
      if (reply.status !== 503 || tries === 5) return reply;
      await new Promise((r) => setTimeout(r, 1_000 * Number(reply.headers.get('retry-after') ?? 1)));
    }
  }

  it('runs on a DynamoDB Local that was already restarted once', async () => {
    process.kill(first.javaPids[0]!, 'SIGKILL');
    const back = await eventually(
      async () => (await request(first.url, 'GET', '/health')).status === 200,
      15_000,
    );
    expect(back).toBe(true);
    expect(dynamoDbLocalProcesses(dataDir).map((p) => p.pid)).not.toContain(first.javaPids[0]);
    expect(dynamoDbLocalProcesses(dataDir)).toHaveLength(1);
  });

  it('leaves no Java behind when the service is SIGKILLed mid-burst', async () => {
    let answered = 0;
    let killTime: () => void;
    const midBurst = new Promise<void>((done) => (killTime = done));
    const sends = Array.from({ length: BURST }, (_, i) => {
      const attempt: Attempt = { idempotencyKey: `burst-${i}`, body: { name: `burst-${i}`, roles: [] } };
      attempts.push(attempt);
      return request(first.url, 'POST', '/v1/keys', {
        as: owner,
        body: attempt.body,
        headers: { 'Idempotency-Key': attempt.idempotencyKey },
      }).then(
        (reply) => {
          if (reply.status >= 200 && reply.status < 300) {
            attempt.acked = { appKey: reply.body.key.appKey, token: reply.body.token };
          } else attempt.failed = `status ${reply.status}`;
          if (++answered >= KILL_AFTER) killTime();
        },
        (error: Error) => void (attempt.failed = error.message),
      );
    });
    await midBurst;
    const answeredAtKill = answered;
    const exit = await first.stop('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    await Promise.all(sends);
    const acked = attempts.filter((a) => a.acked).length;
    const refused = attempts.filter((a) => a.failed?.startsWith('status')).map((a) => a.failed);
    console.log(
      `at the kill: ${answeredAtKill} of ${BURST} creates answered (${acked} with 2xx` +
        `${refused.length ? `, others: ${refused.join(', ')}` : ''}), ${BURST - answeredAtKill} in flight`,
    );
    expect(answeredAtKill).toBeLessThan(BURST);
    expect(acked).toBeGreaterThan(0);

    // The watchdog stops the orphaned (restarted) Java within a few seconds; nothing else may remain.
    const gone = await eventually(() => dynamoDbLocalProcesses(dataDir).length === 0, 8_000);
    expect(dynamoDbLocalProcesses(dataDir).map((p) => p.cmdline)).toEqual([]);
    expect(gone).toBe(true);
    expect(await remaining(first, 5_000)).toEqual([]);
  });

  it('keeps every acknowledged write after npm start on the same DATA_DIR', async () => {
    second = await start(dataDir, env);
    expect(second.owner).toBeNull(); // the same account, not a fresh one
    const api = client(second.url);
    for (const attempt of attempts.filter((a) => a.acked)) {
      const got = await api('GET', `/v1/keys/${attempt.acked!.appKey}`, { as: owner });
      expect(got.status).toBe(200);
      expect(got.body.name).toBe(attempt.body.name);
      expect(await verify(second.url, attempt.acked!.appKey, attempt.acked!.token)).toMatchObject({
        valid: true,
      });
    }
  });

  it('replays or creates once every request re-sent with its Idempotency-Key', async () => {
    const api = client(second.url);
    for (const attempt of attempts) {
      const reply = await resend(second.url, attempt);
      expect([reply.status, attempt.idempotencyKey]).toEqual([201, attempt.idempotencyKey]);
      if (attempt.acked) {
        expect(reply.body.key.appKey).toBe(attempt.acked.appKey);
        expect(reply.body.token).toBe(attempt.acked.token);
      }
      expect(await verify(second.url, reply.body.key.appKey, reply.body.token)).toMatchObject({
        valid: true,
      });
    }
    const list = await api('GET', '/v1/keys?limit=100', { as: owner });
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeNull();
    const names = list.body.items
      .map((k: { name: string }) => k.name)
      .filter((n: string) => n.startsWith('burst-'));
    expect(names.sort()).toEqual(attempts.map((a) => a.body.name).sort());
  });

  it('stops cleanly afterwards, Java included', async () => {
    const exit = await second.stop('SIGTERM');
    expect(exit.code).toBe(0);
    expect(await remaining(second, 5_000)).toEqual([]);
    expect(dynamoDbLocalProcesses(dataDir)).toEqual([]);
  });
});
