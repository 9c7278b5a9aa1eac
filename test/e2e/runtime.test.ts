// `npm start` as a user runs it: one runtime on a fresh DATA_DIR serves every test of this file,
// in order (first start, key life cycle, operator bootstrap, oversized bodies, secrets, expiry
// scan); then Ctrl-C stops it and the bootstrap command is tried against the stopped stack. Tokens
// issued along the way are collected for the secrets check.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  acceptsConnections,
  bootstrapCommand,
  childEnv,
  client,
  filesUnder,
  findInFiles,
  isRunning,
  killAll,
  remaining,
  runCommand,
  start,
  TOKEN_FORMAT,
  TOKEN_LIKE,
  TSX,
  type Credentials,
  type LocalRuntime,
  type Reply,
} from './local-runtime';

jest.setTimeout(120_000);

const APP_KEY_FORMAT = (account: string): RegExp => new RegExp(`^apk-${account}-[0-9A-HJKMNP-TV-Z]{26}$`);
const MANAGEMENT = ['keys:view', 'keys:edit', 'keys:renew', 'settings:edit', 'roles:edit', 'audit:view'];

describe('npm start: the local runtime on a fresh data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'apikeys-e2e-run-'));
  let rt: LocalRuntime;
  let api: ReturnType<typeof client>;
  let owner: Credentials;
  /** Every token issued through the API or the bootstrap command (not the one printed at start). */
  const issued: string[] = [];
  /** appKeys of keys that still exist, to prove the data directory grep sees the database. */
  const liveKeys: string[] = [];

  const verify = (creds: Credentials): Promise<Reply> =>
    api('POST', '/v1/verify', { body: { appKey: creds.appKey, appToken: creds.token } });

  const createKey = async (name: string, roles: string[], headers?: Record<string, string>) => {
    const reply = await api('POST', '/v1/keys', { as: owner, body: { name, roles }, headers });
    expect(reply.status).toBe(201);
    const creds = { appKey: reply.body.key.appKey as string, token: reply.body.token as string };
    issued.push(creds.token);
    return { reply, creds };
  };

  beforeAll(async () => {
    // The expiry scan timer runs every second, so its output is part of what is checked for tokens.
    // DEBUG: every request is logged, so the secret grep below covers the most output there can be.
    rt = await start(dataDir, { EXPIRY_SCAN_INTERVAL: '1', LOG_LEVEL: 'DEBUG' }, { via: 'npm' });
    api = client(rt.url);
    owner = rt.owner!;
  }, 120_000);

  afterAll(() => {
    killAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the real port and exactly one owner key and token, and that token authenticates', async () => {
    const out = rt.output();
    expect(rt.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(new URL(rt.url).port)).toBeGreaterThan(0);
    expect(rt.runtime.apiUrl).toBe(rt.url);
    expect(out.match(/X-API-AppKey:/g)).toHaveLength(1);
    expect(out.match(/X-API-AppToken:/g)).toHaveLength(1);
    expect(out).toContain("Account 'local' created with an owner key");
    expect(rt.owner).not.toBeNull();
    expect(owner.appKey).toMatch(APP_KEY_FORMAT('local'));
    expect(owner.token).toMatch(TOKEN_FORMAT);

    expect((await api('GET', '/health')).body).toEqual({ status: 'ok' });

    const whoami = await api('GET', '/v1/whoami', { as: owner });
    expect(whoami.status).toBe(200);
    expect(whoami.body).toMatchObject({ account: 'local', appKey: owner.appKey, roles: ['owner'] });
    expect([...whoami.body.permissions].sort()).toEqual([...MANAGEMENT].sort());

    const list = await api('GET', '/v1/keys', { as: owner });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      appKey: owner.appKey,
      account: 'local',
      roles: ['owner'],
      status: 'active',
    });
    expect(list.text).not.toContain(owner.token);
    liveKeys.push(owner.appKey);

    // Header names are case-insensitive; a wrong token is refused on both kinds of route.
    const lower = await api('GET', '/v1/keys', {
      headers: { 'x-api-appkey': owner.appKey, 'x-api-apptoken': owner.token },
    });
    expect(lower.status).toBe(200);
    const wrong = {
      appKey: owner.appKey,
      token: owner.token.slice(0, -1) + (owner.token.endsWith('a') ? 'b' : 'a'),
    };
    expect((await api('GET', '/v1/keys', { as: wrong })).status).toBe(401);
    expect([401, 403]).toContain((await api('GET', '/v1/whoami', { as: wrong })).status);
    expect((await api('GET', '/v1/whoami')).status).toBe(401);
  });

  it('runs the whole key life cycle over HTTP', async () => {
    // Create: the token is in the 201 response and nowhere else afterwards.
    const { reply: created, creds: first } = await createKey('ERP connector', ['catalog-read']);
    expect(created.headers.get('location')).toBe(`/v1/keys/${first.appKey}`);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(first.appKey).toMatch(APP_KEY_FORMAT('local'));
    expect(first.token).toMatch(TOKEN_FORMAT);
    expect(created.body.key).toMatchObject({
      name: 'ERP connector',
      status: 'active',
      version: 1,
      renewal: null,
    });
    expect(created.body.key.tokens).toHaveLength(1);
    expect(JSON.stringify(created.body.key)).not.toContain(first.token);
    const path = `/v1/keys/${first.appKey}`;

    const got = await api('GET', path, { as: owner });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ appKey: first.appKey, roles: ['catalog-read'], status: 'active' });
    expect(got.text).not.toContain(first.token);
    expect(got.text).not.toMatch(TOKEN_LIKE);
    const listed = await api('GET', '/v1/keys', { as: owner });
    expect(listed.body.items.map((k: { appKey: string }) => k.appKey)).toContain(first.appKey);
    expect(listed.text).not.toMatch(TOKEN_LIKE);
    const searched = await api('GET', '/v1/keys?search=erp', { as: owner });
    expect(searched.body.items.map((k: { appKey: string }) => k.appKey)).toEqual([first.appKey]);

    expect((await verify(first)).body).toMatchObject({
      valid: true,
      account: 'local',
      appKey: first.appKey,
      name: 'ERP connector',
      roles: ['catalog-read'],
      permissions: ['catalog:read'],
    });

    // Renew later: both tokens verify until the renewal is finished.
    const renewed = await api('POST', `${path}/token/renew`, {
      as: owner,
      body: { deleteOldToken: 'later' },
    });
    expect(renewed.status).toBe(200);
    const second = { appKey: first.appKey, token: renewed.body.token as string };
    issued.push(second.token);
    expect(second.token).toMatch(TOKEN_FORMAT);
    expect(second.token).not.toBe(first.token);
    expect(renewed.body.key.renewal).not.toBeNull();
    expect(renewed.body.key.tokens.map((t: { state: string }) => t.state)).toEqual([
      'active',
      'pending-deletion',
    ]);
    expect((await verify(first)).body.valid).toBe(true);
    expect((await verify(second)).body.valid).toBe(true);
    const during = await api('GET', path, { as: owner });
    expect(during.text).not.toMatch(TOKEN_LIKE);

    // A second renewal while one is pending is refused.
    const again = await api('POST', `${path}/token/renew`, { as: owner, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('https://apikeys.dev/problems/renewal-pending');

    const finished = await api('POST', `${path}/token/finish-renewal`, { as: owner });
    expect(finished.status).toBe(200);
    expect(finished.body.renewal).toBeNull();
    expect(finished.body.tokens).toHaveLength(1);
    expect((await verify(first)).body).toEqual({ valid: false, reason: 'invalid' });
    expect((await verify(second)).body.valid).toBe(true);

    // Deactivate: the correct token now reports `inactive`; activate brings it back.
    const off = await api('POST', `${path}/deactivate`, { as: owner });
    expect(off.status).toBe(200);
    expect(off.body.status).toBe('inactive');
    expect((await verify(second)).body).toEqual({ valid: false, reason: 'inactive' });
    expect((await verify(first)).body).toEqual({ valid: false, reason: 'invalid' });
    const on = await api('POST', `${path}/activate`, { as: owner });
    expect(on.status).toBe(200);
    expect(on.body.status).toBe('active');
    expect((await verify(second)).body.valid).toBe(true);

    // Delete needs confirm=true; afterwards the key is gone for good.
    const unconfirmed = await api('DELETE', path, { as: owner });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.type).toBe('https://apikeys.dev/problems/confirmation-required');
    expect((await api('GET', path, { as: owner })).status).toBe(200);
    const deleted = await api('DELETE', `${path}?confirm=true`, { as: owner });
    expect(deleted.status).toBe(204);
    expect((await api('GET', path, { as: owner })).status).toBe(404);
    expect((await verify(second)).body).toEqual({ valid: false, reason: 'invalid' });
  });

  it('`npm run bootstrap -- --account shop2 --json` prints one JSON line whose credentials work', async () => {
    const result = await bootstrapCommand(dataDir, ['--account', 'shop2', '--json'], 'npm');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // npm itself prints its "> apikeys@0.1.0 bootstrap" banner on stdout (unless run with -s); the
    // rest of stdout is the command's one JSON line.
    const lines = result.stdout.split('\n').filter((l) => l.trim() !== '');
    const banner = lines.filter((l) => l.startsWith('> '));
    for (const l of banner)
      expect(l).toMatch(
        /^> (apikeys@\S+ bootstrap|(exec node --import )?tsx infra\/local\/bootstrap-cli\.ts .*)$/,
      );
    expect(lines.filter((l) => !l.startsWith('> '))).toHaveLength(1);
    const json = lines.find((l) => !l.startsWith('> '))!;
    const line = JSON.parse(json);
    expect(Object.keys(line).sort()).toEqual(['account', 'appKey', 'appToken']);
    expect(line.account).toBe('shop2');
    expect(line.appKey).toMatch(APP_KEY_FORMAT('shop2'));
    expect(line.appToken).toMatch(TOKEN_FORMAT);
    issued.push(line.appToken);
    liveKeys.push(line.appKey);
    const shop2 = { appKey: line.appKey, token: line.appToken };

    const whoami = await api('GET', '/v1/whoami', { as: shop2 });
    expect(whoami.status).toBe(200);
    expect(whoami.body).toMatchObject({ account: 'shop2', appKey: shop2.appKey, roles: ['owner'] });
    // Its own account only: the other account's keys are invisible.
    expect((await api('GET', `/v1/keys/${owner.appKey}`, { as: shop2 })).status).toBe(404);

    // The command itself (without npm's banner) writes exactly one line on stdout; a second run on
    // an existing account adds another owner key.
    const direct = await bootstrapCommand(dataDir, ['--account', 'shop2', '--json'], 'tsx');
    expect(direct.code).toBe(0);
    expect(direct.stderr).toBe('');
    expect(direct.stdout).toMatch(/^\{[^\n]*\}\n$/);
    const second = JSON.parse(direct.stdout);
    expect(second.account).toBe('shop2');
    expect(second.appKey).not.toBe(shop2.appKey);
    issued.push(second.appToken);
    liveKeys.push(second.appKey);
    expect((await verify({ appKey: second.appKey, token: second.appToken })).body).toMatchObject({
      valid: true,
      account: 'shop2',
      roles: ['owner'],
    });
    const keys = await api('GET', '/v1/keys', { as: shop2 });
    expect(keys.body.items.map((k: { appKey: string }) => k.appKey).sort()).toEqual(
      [shop2.appKey, second.appKey].sort(),
    );
  });

  it('answers 413 to oversized bodies and keeps serving', async () => {
    const twoMb = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), roles: [] });
    const big = await api('POST', '/v1/keys', { as: owner, rawBody: twoMb });
    expect(big.status).toBe(413);
    expect(big.text).not.toContain(owner.token);
    const bigVerify = await api('POST', '/v1/verify', { rawBody: twoMb });
    expect(bigVerify.status).toBe(413);

    // Past API Gateway's own 10 MB limit as well.
    const huge = await api('POST', '/v1/verify', { rawBody: Buffer.alloc(11 * 1024 * 1024, 0x61) });
    expect(huge.status).toBe(413);

    expect((await api('GET', '/health')).status).toBe(200);
    expect((await api('GET', '/v1/whoami', { as: owner })).status).toBe(200);
    const { creds } = await createKey('after the big bodies', []);
    liveKeys.push(creds.appKey);
    expect((await verify(creds)).body.valid).toBe(true);
  });

  it('never writes an issued token to DATA_DIR or to the output', async () => {
    // More ways a token comes into being: renew now, and idempotent create and renew with replays.
    const { creds: plain } = await createKey('plain', ['orders-read']);
    liveKeys.push(plain.appKey);
    const renewNow = await api('POST', `/v1/keys/${plain.appKey}/token/renew`, {
      as: owner,
      body: { deleteOldToken: 'now' },
    });
    expect(renewNow.status).toBe(200);
    issued.push(renewNow.body.token);
    expect((await verify(plain)).body).toEqual({ valid: false, reason: 'invalid' });

    const idem = { 'Idempotency-Key': 'e2e-create-0001' };
    const { reply: createdOnce, creds: idemKey } = await createKey('idempotent', ['catalog-write'], idem);
    liveKeys.push(idemKey.appKey);
    const replay = await api('POST', '/v1/keys', {
      as: owner,
      body: { name: 'idempotent', roles: ['catalog-write'] },
      headers: idem,
    });
    expect(replay.status).toBe(201);
    expect(replay.body.key.appKey).toBe(idemKey.appKey);
    expect(replay.body.token).toBe(createdOnce.body.token);
    const mismatch = await api('POST', '/v1/keys', {
      as: owner,
      body: { name: 'other', roles: [] },
      headers: idem,
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.text).not.toMatch(TOKEN_LIKE);
    const named = await api('GET', '/v1/keys?search=idempotent', { as: owner });
    expect(named.body.items).toHaveLength(1);

    const renewIdem = { 'Idempotency-Key': 'e2e-renew-0001' };
    const renewedLater = await api('POST', `/v1/keys/${idemKey.appKey}/token/renew`, {
      as: owner,
      body: { deleteOldToken: 'later' },
      headers: renewIdem,
    });
    expect(renewedLater.status).toBe(200);
    issued.push(renewedLater.body.token);
    const renewReplay = await api('POST', `/v1/keys/${idemKey.appKey}/token/renew`, {
      as: owner,
      body: { deleteOldToken: 'later' },
      headers: renewIdem,
    });
    expect(renewReplay.status).toBe(200);
    expect(renewReplay.body.token).toBe(renewedLater.body.token);

    // Single-access links: the secret (URL fragment) and the token it carries reach neither the
    // data directory nor the output, opened or not.
    const secrets: string[] = [];
    const linkOf = (url: string) => /\/share\/([A-Za-z0-9_-]{22})#([A-Za-z0-9_-]{43})$/.exec(url)!;
    const linked = await api('POST', '/v1/keys', {
      as: owner,
      body: { name: 'linked', roles: ['orders-read'], delivery: 'link' },
    });
    expect(linked.status).toBe(201);
    expect(linked.body.token).toBeNull();
    liveKeys.push(linked.body.key.appKey);
    const [, shareId, secret] = linkOf(linked.body.share.url);
    secrets.push(secret!);
    expect(linked.body.share.url.startsWith(`${rt.url}/share/`)).toBe(true);
    const opened = await api('POST', `/v1/shares/${shareId}/open`, { body: { secret } });
    expect(opened.status).toBe(200);
    issued.push(opened.body.token);
    const relinked = await api('POST', `/v1/keys/${plain.appKey}/token/renew`, {
      as: owner,
      body: { delivery: 'link' },
    });
    expect(relinked.status).toBe(200);
    secrets.push(linkOf(relinked.body.share.url)[2]!); // left unopened on purpose

    // Requests that carry a token but fail must not echo it either.
    const unknownField = await api('POST', '/v1/verify', {
      body: { appKey: idemKey.appKey, appToken: idemKey.token, extra: true },
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.text).not.toContain(idemKey.token);
    const badAppKey = await api('POST', '/v1/verify', { body: { appKey: 'nope', appToken: idemKey.token } });
    expect(badAppKey.text).not.toContain(idemKey.token);
    const bodyForbidden = await api('GET', '/v1/keys', {
      as: { appKey: idemKey.appKey, token: idemKey.token },
    });
    expect(bodyForbidden.status).toBe(403); // catalog-write holds no keys:view
    expect(bodyForbidden.text).not.toContain(idemKey.token);

    expect(new Set(issued).size).toBe(issued.length);
    expect(issued.length).toBeGreaterThanOrEqual(8);
    for (const token of issued) expect(token).toMatch(TOKEN_FORMAT);

    // The grep must see the database: the (non-secret) appKeys of live keys are in DATA_DIR.
    const files = filesUnder(dataDir);
    expect(files.some((f) => f.startsWith(join(dataDir, 'dynamodb')))).toBe(true);
    const seenKeys = new Set(findInFiles(dataDir, liveKeys).map((hit) => hit.needle));
    expect([...seenKeys].sort()).toEqual([...liveKeys].sort());

    expect(findInFiles(dataDir, [...issued, owner.token, ...secrets])).toEqual([]);

    // The output holds the token printed at start, once, and no other token; it does log requests.
    const out = rt.output();
    expect(out).toMatch(/"message":"request"/);
    expect(out.match(TOKEN_LIKE)).toEqual([owner.token]);
    for (const token of issued) expect(out).not.toContain(token);
    for (const secret of secrets) expect(out).not.toContain(secret);

    for (const name of ['token-hmac.key', 'secrets.key', 'runtime.json']) {
      expect({ name, mode: (statSync(join(dataDir, name)).mode & 0o777).toString(8) }).toEqual({
        name,
        mode: '600',
      });
    }
    expect(readFileSync(join(dataDir, 'token-hmac.key'), 'utf8')).not.toEqual(
      readFileSync(join(dataDir, 'secrets.key'), 'utf8'),
    );
  });

  it('`npm run expiry-scan -- --json [--now]` prints one JSON line and counts each flag once', async () => {
    const scan = (args: string[]) =>
      runCommand(TSX, ['infra/local/expiry-scan-cli.ts', '--json', ...args], childEnv({ DATA_DIR: dataDir }));
    const shape = (line: any) => {
      expect(Object.keys(line).sort()).toEqual(['examined', 'flagged']);
      expect(Object.keys(line.flagged).sort()).toEqual(['expired', 'expired-critical', 'expiring']);
      for (const n of [line.examined, ...Object.values(line.flagged)]) expect(Number.isInteger(n)).toBe(true);
    };
    const today = await scan([]);
    expect(today.code).toBe(0);
    expect(today.stdout).toMatch(/^\{[^\n]*\}\n$/);
    shape(JSON.parse(today.stdout));
    expect(JSON.parse(today.stdout).flagged).toEqual({ expiring: 0, expired: 0, 'expired-critical': 0 });

    // A year on, every token (90 days by default) is long expired; a second run flags nothing new.
    const now = new Date(Date.now() + 365 * 86_400_000).toISOString();
    const later = await scan(['--now', now]);
    expect(later.code).toBe(0);
    expect(later.stdout).toMatch(/^\{[^\n]*\}\n$/);
    const first = JSON.parse(later.stdout);
    shape(first);
    expect(first.flagged['expired-critical']).toBeGreaterThanOrEqual(1);
    expect(first.examined).toBeGreaterThanOrEqual(1);
    const again = JSON.parse((await scan(['--now', now])).stdout);
    expect(again.flagged).toEqual({ expiring: 0, expired: 0, 'expired-critical': 0 });

    const ownerKey = await api('GET', `/v1/keys/${owner.appKey}`, { as: owner });
    expect(ownerKey.body.renewalFlag).toMatchObject({ level: 'expired-critical' });
    expect(rt.output()).not.toContain('expiry scan failed');
    expect(rt.output().match(TOKEN_LIKE)).toEqual([owner.token]);
  });

  it('Ctrl-C (SIGINT to the process group) stops npm, the service and DynamoDB Local', async () => {
    expect(rt.javaPids).toHaveLength(1);
    expect(await acceptsConnections(rt.dynamoPort)).toBe(true);

    const exit = await rt.stop('SIGINT', { group: true });
    expect(exit.ms).toBeLessThan(10_000);
    expect(await remaining(rt, 5_000)).toEqual([]);
    expect(rt.javaPids.filter(isRunning)).toEqual([]);
    expect(await acceptsConnections(rt.dynamoPort)).toBe(false);
    expect(await acceptsConnections(Number(new URL(rt.url).port))).toBe(false);
    expect(() => statSync(join(dataDir, 'runtime.json'))).toThrow();
    // No token shows up during shutdown either.
    expect(rt.output().match(TOKEN_LIKE)).toEqual([owner.token]);
  });

  it('`npm run bootstrap` against the stopped stack fails with a clear message', async () => {
    const result = await bootstrapCommand(dataDir, ['--account', 'shop3', '--json'], 'npm');
    expect(result.code).not.toBe(0);
    expect(result.stdout).not.toMatch(/appToken|apt_/);
    expect(result.stderr).toContain(`No local stack is running with DATA_DIR=${dataDir}`);
    expect(result.stderr).toContain('npm start');
    expect(result.stderr).not.toMatch(/^\s+at /m); // no stack trace
  });
});
