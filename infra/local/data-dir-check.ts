// Judges DATA_DIR before anything is started in it. A read-only or full directory used to surface
// 30 s later as Java stack traces (or as a misleading ENOENT from mkdir); checked here, it is one
// line naming the directory and the cause, within a second.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatBytes, freeBytes, MIN_FREE_BYTES } from './disk-space';

export class DataDirError extends Error {}

/** "EROFS: read-only file system" from Node's "EROFS: read-only file system, open '/x/y'". */
const cause = (error: unknown): string => {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message.split(', ')[0]!.replace(/^\w+: /, '')}` : String(e.message);
};

const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);

/** mkdir -p one level at a time: Node's recursive mkdir reports EROFS as a misleading ENOENT. */
function makeDirectory(dir: string): void {
  if (existsSync(dir)) return;
  makeDirectory(dirname(dir));
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Throws a DataDirError unless `dir` exists (or can be made), takes a file, and has room. */
export function checkDataDir(dir: string, minFreeBytes = MIN_FREE_BYTES): void {
  try {
    makeDirectory(dir);
  } catch (error) {
    throw new DataDirError(`DATA_DIR ${dir} cannot be created (${cause(error)})`);
  }
  // A real write, not access(2): root passes every permission check, a read-only mount does not.
  const probe = join(dir, `.write-probe-${process.pid}`);
  let refused: NodeJS.ErrnoException | null = null;
  try {
    writeFileSync(probe, 'probe');
  } catch (error) {
    refused = error as NodeJS.ErrnoException;
  } finally {
    rmSync(probe, { force: true });
  }
  if (refused && !NO_SPACE.has(refused.code ?? '')) {
    throw new DataDirError(`DATA_DIR ${dir} is not writable (${cause(refused)})`);
  }
  const free = freeBytes(dir);
  if (free < minFreeBytes) {
    throw new DataDirError(
      `DATA_DIR ${dir} has only ${formatBytes(free)} free; at least ${formatBytes(minFreeBytes)} needed ` +
        '(free some space, or point DATA_DIR elsewhere)',
    );
  }
  // Out of inodes, or a quota, while the blocks look free.
  if (refused) throw new DataDirError(`DATA_DIR ${dir} is full (${cause(refused)})`);
}
