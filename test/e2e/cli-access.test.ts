// The operator CLI's access commands (`apikeys roles ...`, `apikeys external-keys ...`) against
// `npm start`: a custom role's life cycle with optimistic concurrency, the refusals of a role that
// a key or a grant holds, external keys added, edited, filtered and removed, and the exit codes of
// a refusal (1, the problem on stdout with --json) and a usage error (2). Every result is read back
// from the API, not taken from the exit code alone.
import { killAll, start, type LocalRuntime } from './local-runtime';
import { cliHarness } from './cli-harness';

jest.setTimeout(180_000);

/** Keys of other accounts: a grant is accepted whether or not the key exists (API.md, External keys). */
const PARTNER_KEY = 'apk-partnerone-01JAAAAAAAAAAAAAAAAAAAAAAA';
const SUPPLIER_KEY = 'apk-supplier-01JBBBBBBBBBBBBBBBBBBBBBBB';

describe('apikeys roles and external-keys, against npm start', () => {
  const { dataDir, cli, json, remove } = cliHarness('cli-access');
  let rt: LocalRuntime;
  /** A refusal with --json: exit 1, and the service's problem+json as the one document on stdout. */
  const refusal = async (args: string[]) => {
    const run = await cli(['--json', ...args]);
    expect({ args, code: run.code }).toEqual({ args, code: 1 });
    return JSON.parse(run.stdout);
  };
  const problem = (code: string, status: number) => ({
    type: `https://apikeys.dev/problems/${code}`,
    status,
  });

  beforeAll(async () => {
    rt = await start(dataDir, { EXPIRY_SCAN_INTERVAL: '0' }, { via: 'npm' });
    const login = await cli(['login', '--url', rt.url, '--app-key', rt.owner!.appKey], {
      APIKEYS_TOKEN: rt.owner!.token,
    });
    expect(login.code).toBe(0);
  }, 120_000);
  afterAll(() => {
    killAll();
    remove();
  });

  it('creates, shows and replaces a custom role, and a stale --if-match changes nothing', async () => {
    const created = await json([
      'roles',
      'create',
      '--id',
      'report-reader',
      '--name',
      'Report reader',
      '--description',
      'reads the reports',
      '--permission',
      'reports:read',
      '--permission',
      'reports:export',
    ]);
    expect(created).toMatchObject({
      id: 'report-reader',
      name: 'Report reader',
      description: 'reads the reports',
      permissions: ['reports:read', 'reports:export'],
      predefined: false,
      version: 1,
    });

    const table = await cli(['roles', 'get', 'report-reader']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/permissions\s+reports:read, reports:export/);
    expect(table.stdout).toMatch(/predefined\s+no/);
    expect(table.stdout).toMatch(/version\s+1/);
    const list = await json(['roles', 'list']);
    const ids: string[] = list.items.map((r: { id: string }) => r.id);
    expect(ids).toContain('owner');
    expect(ids[ids.length - 1]).toBe('report-reader'); // predefined first, then custom
    const listed = await cli(['roles', 'list']);
    expect(listed.stdout).toMatch(/report-reader\s+Report reader\s+reports:read,reports:export/);

    // The right version: only the named field changes, the description stays.
    expect(
      await json([
        'roles',
        'replace',
        'report-reader',
        '--name',
        'Reports',
        '--permission',
        'reports:read',
        '--if-match',
        '1',
      ]),
    ).toMatchObject({
      name: 'Reports',
      description: 'reads the reports',
      permissions: ['reports:read'],
      version: 2,
    });

    // A stale version: 412 in --json, and the role is as the last replace left it.
    expect(
      await refusal(['roles', 'replace', 'report-reader', '--name', 'Stale', '--if-match', '1']),
    ).toMatchObject(problem('precondition-failed', 412));
    expect(await json(['roles', 'get', 'report-reader'])).toMatchObject({ name: 'Reports', version: 2 });

    // Without --if-match the command reads the role and sends the version it read (no 412 here).
    expect(
      await json([
        'roles',
        'replace',
        'report-reader',
        '--permission',
        'reports:read',
        '--permission',
        'reports:list',
      ]),
    ).toMatchObject({ name: 'Reports', permissions: ['reports:read', 'reports:list'], version: 3 });
    expect(await json(['roles', 'get', 'report-reader'])).toMatchObject({
      permissions: ['reports:read', 'reports:list'],
      version: 3,
    });

    // Predefined roles cannot change.
    expect(await refusal(['roles', 'replace', 'owner', '--name', 'Boss'])).toMatchObject(
      problem('role-predefined', 409),
    );
    expect((await json(['roles', 'get', 'owner'])).name).not.toBe('Boss');
  });

  it('a role held by a key is not deleted, and delete never acts without --yes and no terminal', async () => {
    const created = await json(['keys', 'create', '--name', 'reports job', '--role', 'report-reader']);
    const appKey: string = created.key.appKey;
    expect(created.key.roles).toEqual(['report-reader']);
    expect((await json(['keys', 'get', appKey])).roles).toEqual(['report-reader']);

    expect(await refusal(['roles', 'delete', 'report-reader', '--yes'])).toMatchObject(
      problem('role-in-use', 409),
    );
    const unconfirmed = await cli(['roles', 'delete', 'report-reader']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('--yes');
    expect(await json(['roles', 'get', 'report-reader'])).toMatchObject({ id: 'report-reader', version: 3 });

    expect(await json(['keys', 'delete', appKey, '--yes'])).toEqual({ deleted: appKey });
  });

  it('adds, shows, edits, deactivates, filters and removes external keys', async () => {
    const added = await json(['external-keys', 'add', PARTNER_KEY, '--role', 'report-reader']);
    expect(added).toMatchObject({
      appKey: PARTNER_KEY,
      owner: 'partnerone',
      roles: ['report-reader'],
      status: 'active',
      version: 1,
    });
    const table = await cli(['external-keys', 'add', SUPPLIER_KEY, '--role', 'catalog-read']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/owner\s+supplier/);
    expect(table.stdout).toMatch(/roles\s+catalog-read/);
    expect(await refusal(['external-keys', 'add', PARTNER_KEY, '--role', 'catalog-read'])).toMatchObject(
      problem('conflict', 409),
    );
    // Roles granted to other accounts' keys may not hold management permissions.
    expect(
      await refusal(['external-keys', 'add', 'apk-intruder-01JCCCCCCCCCCCCCCCCCCCCCCC', '--role', 'owner']),
    ).toMatchObject(problem('validation-error', 400));

    const all = await json(['external-keys', 'list']);
    expect(all.items.map((g: { appKey: string }) => g.appKey)).toEqual([SUPPLIER_KEY, PARTNER_KEY]); // newest first
    const listed = await cli(['external-keys', 'list']);
    expect(listed.stdout.split('\n')[0]).toMatch(/^APPKEY\s+OWNER\s+STATUS\s+ROLES\s+ADDED$/);
    expect(listed.stdout).toMatch(
      new RegExp(`${PARTNER_KEY}\\s+partnerone\\s+active\\s+report-reader\\s+\\d{4}-`),
    );
    expect(await json(['external-keys', 'get', PARTNER_KEY])).toEqual(added);

    expect(
      await json([
        'external-keys',
        'edit',
        PARTNER_KEY,
        '--role',
        'report-reader',
        '--role',
        'catalog-read',
        '--if-match',
        '1',
      ]),
    ).toMatchObject({ roles: ['report-reader', 'catalog-read'], status: 'active', version: 2 });
    expect(
      await refusal(['external-keys', 'edit', PARTNER_KEY, '--inactive', '--if-match', '1']),
    ).toMatchObject(problem('precondition-failed', 412));
    expect(await json(['external-keys', 'get', PARTNER_KEY])).toMatchObject({ status: 'active', version: 2 });
    expect(await json(['external-keys', 'edit', PARTNER_KEY, '--inactive'])).toMatchObject({
      status: 'inactive',
      roles: ['report-reader', 'catalog-read'],
      version: 3,
    });
    expect(await json(['external-keys', 'get', PARTNER_KEY])).toMatchObject({
      status: 'inactive',
      version: 3,
    });

    const keysOf = async (args: string[]) =>
      (await json(['external-keys', 'list', ...args])).items.map((g: { appKey: string }) => g.appKey);
    expect(await keysOf(['--status', 'inactive'])).toEqual([PARTNER_KEY]);
    expect(await keysOf(['--status', 'active'])).toEqual([SUPPLIER_KEY]);
    expect(await keysOf(['--search', 'supplier'])).toEqual([SUPPLIER_KEY]);
    expect(await keysOf(['--search', 'PARTNERONE', '--status', 'inactive'])).toEqual([PARTNER_KEY]);
    expect(await keysOf(['--search', 'partnerone', '--status', 'active'])).toEqual([]);

    // The grant holds report-reader even while inactive: the role cannot go.
    expect(await refusal(['roles', 'delete', 'report-reader', '--yes'])).toMatchObject(
      problem('role-in-use', 409),
    );

    expect(await json(['external-keys', 'edit', PARTNER_KEY, '--active', '--no-roles'])).toMatchObject({
      status: 'active',
      roles: [],
      version: 4,
    });
    const unconfirmed = await cli(['external-keys', 'remove', PARTNER_KEY]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('--yes');
    expect(await json(['external-keys', 'get', PARTNER_KEY])).toMatchObject({
      appKey: PARTNER_KEY,
      version: 4,
    });

    expect(await json(['external-keys', 'remove', PARTNER_KEY, '--yes'])).toEqual({ removed: PARTNER_KEY });
    expect(await refusal(['external-keys', 'get', PARTNER_KEY])).toMatchObject(problem('not-found', 404));
    expect(await keysOf([])).toEqual([SUPPLIER_KEY]);

    // Held by nothing now: the role can go.
    expect(await json(['roles', 'delete', 'report-reader', '--yes'])).toEqual({ deleted: 'report-reader' });
    expect(await refusal(['roles', 'get', 'report-reader'])).toMatchObject(problem('not-found', 404));
  });

  it('exits 2 on a usage error and sends nothing', async () => {
    const noPermission = await cli(['roles', 'create', '--id', 'half-made', '--name', 'Half made']);
    const nothingToReplace = await cli(['roles', 'replace', 'catalog-read']);
    const noAppKey = await cli(['external-keys', 'add', '--role', 'catalog-read']);
    const nothingToEdit = await cli(['external-keys', 'edit', SUPPLIER_KEY, '--if-match', '1']);
    const both = await cli(['external-keys', 'edit', SUPPLIER_KEY, '--active', '--inactive']);
    const badStatus = await cli(['external-keys', 'list', '--status', 'gone']);

    expect(noPermission.code).toBe(2);
    expect(noPermission.stderr).toContain('--permission');
    expect(nothingToReplace.code).toBe(2);
    expect(noAppKey.code).toBe(2);
    expect(nothingToEdit.code).toBe(2);
    expect(both.code).toBe(2);
    expect(badStatus.code).toBe(2);
    expect(await refusal(['roles', 'get', 'half-made'])).toMatchObject(problem('not-found', 404));
    expect(await json(['external-keys', 'get', SUPPLIER_KEY])).toMatchObject({
      status: 'active',
      version: 1,
    });
  });
});
