// The operator CLI (`npx apikeys`) against `npm start`: a profile stored by login, the whole key
// life cycle in table and JSON output, the exit codes of a refusal (1), a usage error (2) and an
// outage (3), and bootstrap printing exactly one JSON line.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  killAll,
  runCommand,
  start,
  TOKEN_FORMAT,
  type CommandResult,
  type LocalRuntime,
} from './local-runtime';
import { cliHarness } from './cli-harness';
import { parseCsv, readXlsx } from '../helpers/spreadsheets';

jest.setTimeout(180_000);

describe('apikeys, the operator CLI, against npm start', () => {
  const { dataDir, configDir, env, cli, json, remove } = cliHarness('cli');
  let rt: LocalRuntime;

  beforeAll(async () => {
    rt = await start(dataDir, { EXPIRY_SCAN_INTERVAL: '0' }, { via: 'npm' });
  }, 120_000);
  afterAll(() => {
    killAll();
    remove();
  });

  it('bootstrap --json prints exactly one JSON line (no npm banner), through npx', async () => {
    const run = await runCommand('npx', ['apikeys', 'bootstrap', '--account', 'clishop', '--json'], env());

    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual({
      account: 'clishop',
      appKey: expect.stringMatching(/^apk-clishop-/),
      appToken: expect.stringMatching(TOKEN_FORMAT),
    });
  });

  it('login takes the token from the environment, never an argument, and stores a 0600 profile', async () => {
    const owner = rt.owner!;

    const refused = await cli(['login', '--url', rt.url, '--app-key', owner.appKey], {
      APIKEYS_TOKEN: 'apt_' + '0'.repeat(49),
    });
    const run = await cli(['login', '--url', rt.url, '--app-key', owner.appKey], {
      APIKEYS_TOKEN: owner.token,
    });

    expect(refused.code).toBe(1);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Logged in as ${owner.appKey}`);
    expect(run.stdout).not.toContain(owner.token);
    const file = join(configDir, 'apikeys', 'config.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('runs the whole key life cycle, in JSON for scripts', async () => {
    const created = await json([
      'keys',
      'create',
      '--name',
      'cli key',
      '--role',
      'key-viewer',
      '--role',
      'catalog-read',
    ]);
    const appKey: string = created.key.appKey;
    expect(created).toMatchObject({ key: { name: 'cli key', roles: ['key-viewer', 'catalog-read'] } });
    expect(created.token).toMatch(TOKEN_FORMAT);

    expect(await json(['keys', 'get', appKey])).toMatchObject({ appKey, version: 1 });
    expect((await json(['keys', 'list'])).items.map((k: { appKey: string }) => k.appKey)).toContain(appKey);
    expect(await json(['keys', 'edit', appKey, '--name', 'renamed', '--if-match', '1'])).toMatchObject({
      name: 'renamed',
      version: 2,
    });
    expect(await json(['keys', 'deactivate', appKey, '--yes'])).toMatchObject({ status: 'inactive' });
    expect(await json(['keys', 'activate', appKey])).toMatchObject({ status: 'active' });
    const renewed = await json(['keys', 'renew', appKey]);
    expect(renewed.token).toMatch(TOKEN_FORMAT);
    expect(renewed.key.renewal).not.toBeNull();
    expect(await json(['keys', 'undo-renewal', appKey, '--yes'])).toMatchObject({ renewal: null });
    await json(['keys', 'renew', appKey]);
    expect(await json(['keys', 'finish-renewal', appKey, '--yes'])).toMatchObject({ renewal: null });
    expect(await json(['keys', 'delete', appKey, '--yes'])).toEqual({ deleted: appKey });

    const gone = await cli(['--json', 'keys', 'get', appKey]);
    expect(gone.code).toBe(1);
    expect(JSON.parse(gone.stdout)).toMatchObject({
      type: 'https://apikeys.dev/problems/not-found',
      status: 404,
    });
  });

  it('keys export saves the file with --out, or writes its bytes to stdout with --out -', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apikeys-e2e-export-'));
    try {
      const file = join(dir, 'keys.xlsx');
      const saved = await json(['keys', 'export', '--format', 'xlsx', '--status', 'active', '--out', file]);
      const piped = await cli(['keys', 'export', '--search', rt.owner!.appKey, '--out', '-']);

      expect(saved).toEqual({ file, format: 'xlsx', bytes: statSync(file).size });
      const book = readXlsx(readFileSync(file));
      expect(book.names).toEqual(['Keys', 'External']);
      expect(book.sheets.get('Keys')!.map((row) => row[0])).toContain(rt.owner!.appKey);
      expect(
        book.sheets
          .get('Keys')!
          .slice(1)
          .every((row) => row[3] === 'active'),
      ).toBe(true);
      expect(piped.code).toBe(0);
      expect(piped.stdout.startsWith('\uFEFFappKey,name,roles,')).toBe(true);
      expect(parseCsv(piped.stdout.slice(1)).map((row) => row[0])).toEqual(['appKey', rt.owner!.appKey]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints tables for people, and settings, roles, audit and verify', async () => {
    const created = await json(['keys', 'create', '--name', 'table key']);

    const list = await cli(['keys', 'list', '--search', 'table key']);
    const settings = await cli(['settings', 'set', '--warning', '20']);
    const roles = await cli(['roles', 'list']);
    const audit = await cli(['audit', '--action', 'key.created', '--limit', '5']);
    const verified = await cli(['verify', '--app-key', created.key.appKey], {
      APIKEYS_VERIFY_TOKEN: created.token,
    });

    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^APPKEY\s+NAME\s+STATUS\s+ROLES\s+ALERT\s+EXPIRES$/);
    expect(list.stdout).toMatch(new RegExp(`${created.key.appKey}\\s+table key\\s+active`));
    expect(list.stdout).not.toContain('\u001b['); // no colour without a terminal
    expect(settings.stdout).toMatch(/expiryWarningDays\s+20/);
    expect((await json(['settings', 'get'])).expiryWarningDays).toBe(20);
    expect(roles.stdout).toMatch(/owner\s+/);
    expect(audit.stdout).toContain('key.created');
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.stdout).toMatch(/valid\s+yes/);
  });

  it('exits 1 on a refusal, 2 on a usage error, and never acts without --yes and no terminal', async () => {
    const created = await json(['keys', 'create', '--name', 'refusals']);
    const appKey: string = created.key.appKey;

    const refused = await cli(['keys', 'finish-renewal', appKey, '--yes']);
    const unconfirmed = await cli(['keys', 'delete', appKey]);
    const usage = await cli(['keys', 'create']);
    const badLimit = await cli(['keys', 'list', '--limit', '1e2']);

    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('no-pending-renewal');
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('--yes');
    expect((await json(['keys', 'get', appKey])).appKey).toBe(appKey);
    expect(usage.code).toBe(2);
    expect(badLimit.code).toBe(1);
    expect(badLimit.stderr).toContain('validation-error');
  });

  it('a broken config file is a usage error naming it, and login never overwrites it', async () => {
    const broken = join(configDir, 'broken.json');
    writeFileSync(broken, '{"profiles": {"keep": {"url": "x"}},}');
    const list = await cli(['keys', 'list'], { APIKEYS_CONFIG: broken });
    expect(list.code).toBe(2);
    expect(list.stderr).toContain(broken);
    const login = await cli(['--profile', 'other', 'login', '--url', rt.url, '--app-key', rt.owner!.appKey], {
      APIKEYS_CONFIG: broken,
      APIKEYS_TOKEN: rt.owner!.token,
    });
    expect(login.code).toBe(2);
    expect(readFileSync(broken, 'utf8')).toBe('{"profiles": {"keep": {"url": "x"}},}');
  });

  it('exits 3, in bounded time, from a server that never answers or is not this service', async () => {
    const silent = createServer(() => undefined); // accepts, never answers
    const html = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hi</html>'),
    );
    await Promise.all([silent, html].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
    const urlOf = (s: typeof silent) => `http://127.0.0.1:${(s.address() as { port: number }).port}`;
    try {
      const started = Date.now();
      const hung = await cli(['login', '--url', urlOf(silent), '--app-key', rt.owner!.appKey], {
        APIKEYS_TOKEN: rt.owner!.token,
        APIKEYS_TIMEOUT_SECONDS: '1',
        APIKEYS_CONFIG: join(configDir, 'timeout.json'),
      });
      expect(hung.code).toBe(3);
      expect(hung.stderr).toMatch(/did not answer within 1 s/);
      expect(Date.now() - started).toBeLessThan(15_000);
      const wrong = await cli(['login', '--url', urlOf(html), '--app-key', rt.owner!.appKey], {
        APIKEYS_TOKEN: rt.owner!.token,
        APIKEYS_CONFIG: join(configDir, 'html.json'),
      });
      expect(wrong.code).toBe(3);
      expect(wrong.stderr).toMatch(/is not an API key service/);
    } finally {
      silent.closeAllConnections();
      await Promise.all([silent, html].map((s) => new Promise((r) => s.close(r))));
    }
  });

  it('exits 3 when the service answers 503 (storage stalled) or cannot be reached', async () => {
    const unreachable = await cli(['keys', 'list'], { APIKEYS_URL: 'http://127.0.0.1:1' });
    for (const pid of rt.javaPids) process.kill(pid, 'SIGSTOP');
    let stalled: CommandResult;
    try {
      stalled = await cli(['--json', 'keys', 'list']);
    } finally {
      for (const pid of rt.javaPids) process.kill(pid, 'SIGCONT');
    }

    expect(unreachable.code).toBe(3);
    expect(stalled.code).toBe(3);
    expect(JSON.parse(stalled.stdout)).toMatchObject({ status: 503 });
    expect(stalled.stderr).toContain('service-unavailable');
  });
});
