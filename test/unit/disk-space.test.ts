// disk-space.ts: the free-space figure must be what a writer can really use, measured on a file
// system of known size (a 4 MiB tmpfs, when this machine lets us mount one), and the minimum must
// follow LOCAL_MIN_FREE_MB.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatBytes, freeBytes, MIN_FREE_BYTES, minFreeBytesFrom } from '../../infra/local/disk-space';

const MIB = 1024 * 1024;

describe('the minimum free space', () => {
  it('is 16 MiB unless LOCAL_MIN_FREE_MB says otherwise', () => {
    expect(minFreeBytesFrom({})).toBe(16 * MIB);
    expect(minFreeBytesFrom({ LOCAL_MIN_FREE_MB: '' })).toBe(16 * MIB);
    expect(minFreeBytesFrom({ LOCAL_MIN_FREE_MB: '64' })).toBe(64 * MIB);
    expect(minFreeBytesFrom({ LOCAL_MIN_FREE_MB: '0.5' })).toBe(MIB / 2);
    expect(minFreeBytesFrom({ LOCAL_MIN_FREE_MB: '0' })).toBe(0);
  });

  it('rejects a value that is not a size, naming the variable', () => {
    expect(() => minFreeBytesFrom({ LOCAL_MIN_FREE_MB: 'lots' })).toThrow(/LOCAL_MIN_FREE_MB.*"lots"/);
    expect(() => minFreeBytesFrom({ LOCAL_MIN_FREE_MB: '-1' })).toThrow(/LOCAL_MIN_FREE_MB/);
  });

  it('is exported as one constant, read from the environment when the module loads', () => {
    const was = process.env.LOCAL_MIN_FREE_MB;
    process.env.LOCAL_MIN_FREE_MB = '32';
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const fresh = require('../../infra/local/disk-space') as { MIN_FREE_BYTES: number };
        expect(fresh.MIN_FREE_BYTES).toBe(32 * MIB);
      });
    } finally {
      if (was === undefined) delete process.env.LOCAL_MIN_FREE_MB;
      else process.env.LOCAL_MIN_FREE_MB = was;
    }
    expect(MIN_FREE_BYTES).toBe(minFreeBytesFrom(process.env));
  });
});

describe('freeBytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apikeys-disk-space-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir]).status === 0;

  afterAll(() => {
    if (mounted) spawnSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails on a directory that does not exist', () => {
    expect(() => freeBytes(join(dir, 'missing'))).toThrow(/ENOENT/);
  });

  it('reports the free space of the file system holding the directory, and sees it shrink', () => {
    if (!mounted) {
      console.warn('skipped: cannot mount a tmpfs here (needs root); the size check is not run');
      return;
    }
    expect(freeBytes(dir)).toBe(4 * MIB);
    writeFileSync(join(dir, 'filler'), Buffer.alloc(3 * MIB));
    expect(freeBytes(dir)).toBe(1 * MIB);
    rmSync(join(dir, 'filler'));
    expect(freeBytes(dir)).toBe(4 * MIB);
  });
});

describe('formatBytes', () => {
  it('speaks in KB below a MiB and in MB above', () => {
    expect(formatBytes(12 * 1024 + 100)).toBe('12 KB');
    expect(formatBytes(16 * MIB)).toBe('16 MB');
    expect(formatBytes(3.5 * MIB)).toBe('3.5 MB');
  });
});
