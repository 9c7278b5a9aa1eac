// DynamoDB Local killed under a running `npm start`: requests answer 503 at once (no hang), /health
// says so, the runtime starts DynamoDB Local again on the same port and files, and nothing
// acknowledged before the kill is lost. One that cannot be started again ends the service with a
// clear message and a non-zero exit, leaving no Java behind. Tests run in order.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, setServices } from '../../shared/composition';
import { loadConfig } from '../../shared/config';
import { createApiServer } from '../../infra/local/server';
import { freePort } from '../../infra/local/dynamodb-local';
import { createTestTable } from '../helpers/services';
import {
  client,
  dynamoDbLocalProcesses,
  eventually,
  isLoopback,
  isRunning,
  killAll,
  listeningAddresses,
  remaining,
  request,
  start,
  type Credentials,
  type LocalRuntime,
  type Reply,
} from '../e2e/local-runtime';

jest.setTimeout(45_000);

/** A request that must answer within `ms` (a hang fails the test instead of stalling it). */
async function answered(url: string, path: string, as?: Credentials, ms = 5_000): Promise<Reply> {
  const started = Date.now();
  const reply = await Promise.race([
    request(url, 'GET', path, { as }),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`GET ${path} hung for ${ms} ms`)), ms).unref(),
    ),
  ]);
  expect(Date.now() - started).toBeLessThan(ms);
  return reply;
}

const RESTART_LINE =
  /DynamoDB Local stopped unexpectedly \(killed by SIGKILL\); restarting it on port (\d+)/g;

describe('SIGKILL of DynamoDB Local under npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'apikeys-dynamodb-kill-'));
  let rt: LocalRuntime;
  let owner: Credentials;
  const created: Array<Credentials & { body: unknown }> = [];
  let restartedJava: number;

  beforeAll(async () => {
    rt = await start(dataDir, { EXPIRY_SCAN_INTERVAL: '0' });
    owner = rt.owner!;
  });

  afterAll(() => {
    killAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves keys and reports healthy storage before the kill', async () => {
    const api = client(rt.url);
    for (const name of ['one', 'two', 'three']) {
      const reply = await api('POST', '/v1/keys', { as: owner, body: { name, roles: ['catalog-read'] } });
      expect(reply.status).toBe(201);
      const appKey = reply.body.key.appKey as string;
      const got = await api('GET', `/v1/keys/${appKey}`, { as: owner });
      created.push({ appKey, token: reply.body.token, body: got.body });
    }
    const health = await answered(rt.url, '/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    expect(rt.javaPids).toHaveLength(1);
  });

  it('answers 503 at once while it is down, then restarts it on the same port within seconds', async () => {
    const [java] = rt.javaPids;
    const killedAt = Date.now();
    process.kill(java!, 'SIGKILL');

    // While it is down: quick 503s with Retry-After, from the API and from /health alike.
    const [read, health] = await Promise.all([
      answered(rt.url, `/v1/keys/${created[0]!.appKey}`, owner),
      answered(rt.url, '/health', undefined, 1_500),
    ]);
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toBeTruthy();
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'unavailable' });
    expect(health.headers.get('retry-after')).toBeTruthy();

    // Then it comes back by itself.
    let restartMs = -1;
    const back = await eventually(async () => {
      const reply = await answered(rt.url, `/v1/keys/${created[0]!.appKey}`, owner);
      if (reply.status !== 200) return false;
      restartMs = Date.now() - killedAt;
      return true;
    }, 20_000);
    expect(back).toBe(true);
    console.log(`DynamoDB Local SIGKILL -> first successful GET: ${restartMs} ms`);
    expect(restartMs).toBeLessThan(10_000);

    const health2 = await answered(rt.url, '/health', undefined, 1_500);
    expect(health2.status).toBe(200);
    expect(health2.body).toEqual({ status: 'ok' });

    // One line on stderr for the one restart, naming the same port; one Java, loopback only.
    const lines = [...rt.output().matchAll(RESTART_LINE)];
    expect(lines).toHaveLength(1);
    expect(Number(lines[0]![1])).toBe(rt.dynamoPort);
    expect(isRunning(java!)).toBe(false);
    const javas = dynamoDbLocalProcesses(dataDir);
    expect(javas).toHaveLength(1);
    restartedJava = javas[0]!.pid;
    expect(restartedJava).not.toBe(java);
    expect(listeningAddresses(rt.dynamoPort).filter((a) => !isLoopback(a))).toEqual([]);
  });

  it('has lost nothing that was acknowledged before the kill', async () => {
    const api = client(rt.url);
    for (const key of created) {
      const got = await api('GET', `/v1/keys/${key.appKey}`, { as: owner });
      expect(got.status).toBe(200);
      expect(got.body).toEqual(key.body);
      const verified = await api('POST', '/v1/verify', { body: { appKey: key.appKey, appToken: key.token } });
      expect(verified.body).toMatchObject({ valid: true });
    }
  });

  it('gives up with one clear line and exit code 1 when it cannot be started again', async () => {
    // Take its port the moment it dies, so that every restart fails to bind.
    process.kill(restartedJava, 'SIGKILL');
    let squatter: Server | undefined;
    await eventually(
      () =>
        new Promise<boolean>((done) => {
          const server = createServer((socket) => socket.destroy());
          server.once('error', () => done(false));
          server.listen(rt.dynamoPort, '127.0.0.1', () => done(!!(squatter = server)));
        }),
      5_000,
    );
    expect(squatter).toBeDefined();
    try {
      const exit = await rt.waitForExit(30_000);
      expect(exit.code).toBe(1);
    } finally {
      squatter!.close();
    }
    const stopping = rt
      .output()
      .split('\n')
      .filter((l) => l.startsWith('Stopping the service:'));
    expect(stopping).toEqual([
      expect.stringMatching(
        /^Stopping the service: DynamoDB Local failed 5 times within 60 s, the last time because it did not start again \(java\.net\.BindException: Address already in use\); giving up$/,
      ),
    ]);
    expect(rt.output()).toMatch(
      /did not start again \(java\.net\.BindException: Address already in use\); restarting it/,
    );
    expect(await remaining(rt, 5_000)).toEqual([]);
    expect(dynamoDbLocalProcesses(dataDir)).toEqual([]);
  });
});

describe('GET /health in process, by configuration', () => {
  let server: ReturnType<typeof createApiServer>;
  let url: string;
  let deadEndpoint: string;
  let tableName: string;
  const keyDir = mkdtempSync(join(tmpdir(), 'apikeys-health-'));

  beforeAll(async () => {
    tableName = await createTestTable();
    deadEndpoint = `http://127.0.0.1:${await freePort()}`; // nothing listens there
    server = createApiServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    setServices(undefined);
    await new Promise((done) => server.close(done));
    rmSync(keyDir, { recursive: true, force: true });
  });

  const servicesFor = (env: Record<string, string>) =>
    createServices(loadConfig({ ...process.env, DATA_DIR: keyDir, TABLE_NAME: tableName, ...env }));

  it('in AWS (flag unset) is liveness only: 200 with storage unreachable, and never touches it', async () => {
    const services = servicesFor({ DYNAMODB_ENDPOINT: deadEndpoint });
    const touched: string[] = [];
    services.accounts = new Proxy(services.accounts, {
      get: (target, name) => (touched.push(String(name)), Reflect.get(target, name)),
    });
    setServices(services);
    const reply = await answered(url, '/health', undefined, 1_000);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ok' });
    expect(touched).toEqual([]);
  });

  it('in the local runtime (HEALTH_CHECKS_STORAGE=true): 503 with Retry-After within 1 s', async () => {
    setServices(servicesFor({ DYNAMODB_ENDPOINT: deadEndpoint, HEALTH_CHECKS_STORAGE: 'true' }));
    const reply = await answered(url, '/health', undefined, 1_000);
    expect(reply.status).toBe(503);
    expect(reply.body).toMatchObject({ status: 'unavailable' });
    expect(reply.headers.get('retry-after')).toBe('1');
  });

  it('in the local runtime with storage up: 200 { status: "ok" }', async () => {
    setServices(
      servicesFor({ DYNAMODB_ENDPOINT: process.env.TEST_DYNAMODB_ENDPOINT!, HEALTH_CHECKS_STORAGE: 'true' }),
    );
    const reply = await answered(url, '/health', undefined, 1_000);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ok' });
  });
});
