// A DATA_DIR that cannot take DynamoDB Local's files must stop `npm start` at once, in one line
// that names the directory and the cause: not after 30 s of waiting, not in Java stack traces.
// Read-only and full file systems are real ones (tmpfs mounts), as chmod does not stop root.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  childEnv,
  mountTmpfs,
  NODE_TSX,
  runCommand,
  unmount,
  type CommandResult,
} from '../e2e/local-runtime';

jest.setTimeout(60_000);

const startOn = (dataDir: string): Promise<CommandResult> =>
  runCommand(
    process.execPath,
    [...NODE_TSX, 'infra/local/main.ts'],
    childEnv({ DATA_DIR: dataDir, PORT: '0', EXPIRY_SCAN_INTERVAL: '0' }),
    20_000,
  );

const linesOf = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '');

/** The refusal every case must show: fast, non-zero, one line on stderr, nothing left running. */
function expectOneLineRefusal(result: CommandResult): string {
  const lines = linesOf(result.stderr);
  // One comparison, so that a failure shows everything that went wrong at once.
  expect({
    exitCode: result.code === 0 || result.code === null ? result : 'non-zero',
    time: result.ms < 5_000 ? 'under 5 s' : `${result.ms} ms`,
    stdout: /listening|X-API-App/.test(result.stdout) ? result.stdout : 'nothing served',
    stderrLines: lines.length === 1 ? 1 : lines,
    leftBehind: result.leftBehind,
  }).toEqual({
    exitCode: 'non-zero',
    time: 'under 5 s',
    stdout: 'nothing served',
    stderrLines: 1,
    leftBehind: [],
  });
  return lines[0]!;
}

describe('npm start on a DATA_DIR it cannot use', () => {
  const base = mkdtempSync(join(tmpdir(), 'apikeys-bad-data-dir-'));
  const readOnly = join(base, 'read-only');
  const full = join(base, 'full');
  mkdirSync(readOnly);
  mkdirSync(full);
  const mounted = {
    readOnly: mountTmpfs(readOnly, { sizeKb: 1024, readOnly: true }),
    full: mountTmpfs(full, { sizeKb: 1024 }),
  };

  afterAll(() => {
    unmount(readOnly);
    unmount(full);
    rmSync(base, { recursive: true, force: true });
  });

  const skipUnless = (ok: boolean, what: string): boolean => {
    if (!ok) console.warn(`skipped: cannot mount a ${what} tmpfs here (needs root or CAP_SYS_ADMIN)`);
    return !ok;
  };

  it('a read-only, empty DATA_DIR: names it and says EROFS', async () => {
    if (skipUnless(mounted.readOnly, 'read-only')) return;
    const result = await startOn(readOnly);
    const line = expectOneLineRefusal(result);
    console.log(`read-only DATA_DIR refused in ${result.ms} ms: ${line}`);
    expect(line).toBe(`Could not start: DATA_DIR ${readOnly} is not writable (EROFS: read-only file system)`);
  });

  it('a DATA_DIR to be created under a read-only directory: names it and says EROFS', async () => {
    if (skipUnless(mounted.readOnly, 'read-only')) return;
    const dir = join(readOnly, 'data');
    const line = expectOneLineRefusal(await startOn(dir));
    expect(line).toBe(`Could not start: DATA_DIR ${dir} cannot be created (EROFS: read-only file system)`);
  });

  it('a full DATA_DIR: names it, its free space and the minimum', async () => {
    if (skipUnless(mounted.full, 'writable')) return;
    try {
      writeFileSync(join(full, 'filler'), Buffer.alloc(2 * 1024 * 1024));
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC'); // full to the last block
    }
    const result = await startOn(full);
    const line = expectOneLineRefusal(result);
    console.log(`full DATA_DIR refused in ${result.ms} ms: ${line}`);
    expect(line).toMatch(
      new RegExp(`^Could not start: DATA_DIR ${full} has only 0 KB free; at least 16 MB needed`),
    );
  });
});
