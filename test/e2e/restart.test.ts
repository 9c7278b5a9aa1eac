// Persistence across restarts of `tsx infra/local/main.ts` (what `npm start` runs): keys in every
// state are created, the service is stopped with SIGTERM, started again on the same DATA_DIR, and
// finally stopped with SIGINT (Ctrl-C delivered to the process only). Tests run in order.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  acceptsConnections,
  childEnv,
  client,
  isRunning,
  killAll,
  remaining,
  runCommand,
  start,
  TOKEN_LIKE,
  TSX,
  type Credentials,
  type LocalRuntime,
} from './local-runtime';

jest.setTimeout(120_000);

describe('restarting the local runtime on the same DATA_DIR', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'apikeys-e2e-restart-'));
  const env = { ACCOUNT: 'acme', EXPIRY_SCAN_INTERVAL: '0' };
  let first: LocalRuntime;
  let second: LocalRuntime;
  let owner: Credentials;
  let hmacKey: string;

  // Keys in every state, made before the restart.
  let plain: Credentials; // active, one token
  let inactive: Credentials; // deactivated
  let renewing: { appKey: string; old: string; fresh: string }; // renewal pending
  let deleted: Credentials;
  const before = new Map<string, any>();

  const verify = (url: string, appKey: string, appToken: string) =>
    client(url)('POST', '/v1/verify', { body: { appKey, appToken } }).then((r) => r.body);

  beforeAll(async () => {
    first = await start(dataDir, env);
  }, 120_000);

  afterAll(() => {
    killAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates keys in every state on a fresh stack', async () => {
    expect(first.owner).not.toBeNull();
    owner = first.owner!;
    expect(owner.appKey).toMatch(/^apk-acme-/);
    expect(first.output()).toContain("Account 'acme' created with an owner key");
    hmacKey = readFileSync(join(dataDir, 'token-hmac.key'), 'utf8');
    const api = client(first.url);
    const create = async (name: string, roles: string[]): Promise<Credentials> => {
      const reply = await api('POST', '/v1/keys', { as: owner, body: { name, roles } });
      expect(reply.status).toBe(201);
      return { appKey: reply.body.key.appKey, token: reply.body.token };
    };
    plain = await create('plain', ['catalog-read']);
    inactive = await create('inactive', ['orders-read']);
    expect((await api('POST', `/v1/keys/${inactive.appKey}/deactivate`, { as: owner })).status).toBe(200);
    const toRenew = await create('renewing', ['key-viewer']);
    const renewed = await api('POST', `/v1/keys/${toRenew.appKey}/token/renew`, {
      as: owner,
      body: { deleteOldToken: 'later' },
    });
    expect(renewed.status).toBe(200);
    renewing = { appKey: toRenew.appKey, old: toRenew.token, fresh: renewed.body.token };
    deleted = await create('deleted', []);
    expect((await api('DELETE', `/v1/keys/${deleted.appKey}?confirm=true`, { as: owner })).status).toBe(204);

    for (const appKey of [owner.appKey, plain.appKey, inactive.appKey, renewing.appKey]) {
      const got = await api('GET', `/v1/keys/${appKey}`, { as: owner });
      expect(got.status).toBe(200);
      before.set(appKey, got.body);
    }
    expect((await verify(first.url, renewing.appKey, renewing.old)).valid).toBe(true);
    expect((await verify(first.url, renewing.appKey, renewing.fresh)).valid).toBe(true);
  });

  it('SIGTERM stops the service and its DynamoDB Local within 10 s', async () => {
    // While running, runtime.json names the DynamoDB Local endpoint, and Java listens there.
    const info = JSON.parse(readFileSync(join(dataDir, 'runtime.json'), 'utf8'));
    expect(info.dynamodbEndpoint).toBe(first.runtime.dynamodbEndpoint);
    expect(first.javaPids).toHaveLength(1);
    expect(await acceptsConnections(first.dynamoPort)).toBe(true);

    const exit = await first.stop('SIGTERM');
    expect(exit.ms).toBeLessThan(10_000);
    expect(exit.code).toBe(0);
    expect(await remaining(first, 5_000)).toEqual([]);
    expect(first.javaPids.filter(isRunning)).toEqual([]);
    expect(await acceptsConnections(first.dynamoPort)).toBe(false);
    expect(await acceptsConnections(Number(new URL(first.url).port))).toBe(false);
    expect(() => statSync(join(dataDir, 'runtime.json'))).toThrow();
  });

  it('starts again on the same DATA_DIR without a new owner key, with every key as it was', async () => {
    second = await start(dataDir, env);
    expect(second.owner).toBeNull();
    expect(second.output()).not.toMatch(/X-API-App(Key|Token)|created with an owner key/);
    expect(second.output().match(TOKEN_LIKE)).toBeNull();
    expect(readFileSync(join(dataDir, 'token-hmac.key'), 'utf8')).toBe(hmacKey);
    const api = client(second.url);

    const whoami = await api('GET', '/v1/whoami', { as: owner });
    expect(whoami.status).toBe(200);
    expect(whoami.body).toMatchObject({ account: 'acme', appKey: owner.appKey });

    const list = await api('GET', '/v1/keys', { as: owner });
    expect(list.status).toBe(200);
    expect(list.body.items.map((k: { appKey: string }) => k.appKey).sort()).toEqual(
      [...before.keys()].sort(),
    );
    for (const [appKey, was] of before) {
      const now = await api('GET', `/v1/keys/${appKey}`, { as: owner });
      expect(now.status).toBe(200);
      expect(now.body).toMatchObject({
        appKey,
        name: was.name,
        roles: was.roles,
        status: was.status,
        version: was.version,
        createdAt: was.createdAt,
        tokens: was.tokens,
        renewal: was.renewal,
      });
    }
    expect((await api('GET', `/v1/keys/${deleted.appKey}`, { as: owner })).status).toBe(404);

    expect(await verify(second.url, plain.appKey, plain.token)).toMatchObject({
      valid: true,
      account: 'acme',
      permissions: ['catalog:read'],
    });
    expect(await verify(second.url, inactive.appKey, inactive.token)).toEqual({
      valid: false,
      reason: 'inactive',
    });
    expect((await verify(second.url, renewing.appKey, renewing.old)).valid).toBe(true);
    expect((await verify(second.url, renewing.appKey, renewing.fresh)).valid).toBe(true);
    expect(await verify(second.url, deleted.appKey, deleted.token)).toEqual({
      valid: false,
      reason: 'invalid',
    });

    // The pending renewal carries on across the restart.
    const finished = await api('POST', `/v1/keys/${renewing.appKey}/token/finish-renewal`, { as: owner });
    expect(finished.status).toBe(200);
    expect(await verify(second.url, renewing.appKey, renewing.old)).toEqual({
      valid: false,
      reason: 'invalid',
    });
    expect((await verify(second.url, renewing.appKey, renewing.fresh)).valid).toBe(true);
  });

  it('refuses a second instance on the same DATA_DIR while one runs, without disturbing it', async () => {
    const result = await runCommand(
      TSX,
      ['infra/local/main.ts'],
      childEnv({ ...env, DATA_DIR: dataDir, PORT: '0' }),
    );
    expect(result.code).not.toBe(0);
    const lines = result.stderr.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('another instance');
    expect(lines[0]).toContain(String(second.runtime.pid));
    expect(lines[0]).toContain(second.url);
    expect(result.stdout).not.toMatch(/listening|X-API-App/);
    expect(result.leftBehind).toEqual([]);
    // The running one still serves and still owns runtime.json.
    expect(JSON.parse(readFileSync(join(dataDir, 'runtime.json'), 'utf8'))).toEqual(second.runtime);
    expect((await client(second.url)('GET', '/v1/whoami', { as: owner })).status).toBe(200);
  });

  it('SIGINT to the service process alone (Ctrl-C) also stops everything, Java included', async () => {
    expect(second.javaPids).toHaveLength(1);
    expect(await acceptsConnections(second.dynamoPort)).toBe(true);
    const exit = await second.stop('SIGINT');
    expect(exit.ms).toBeLessThan(10_000);
    expect(exit.code).toBe(0);
    expect(await remaining(second, 5_000)).toEqual([]);
    expect(second.javaPids.filter(isRunning)).toEqual([]);
    expect(await acceptsConnections(second.dynamoPort)).toBe(false);
    expect(() => statSync(join(dataDir, 'runtime.json'))).toThrow();
  });
});
