// How much room the local data directory has left, and how much the local runtime insists on
// keeping (LOCAL_MIN_FREE_MB, 16 MiB by default, 0 turns the check off). One rule for the write
// guard and for start-up (infra/local/disk-space.ts re-exports it): if they disagreed, a runtime
// could start only to refuse every write, or the reverse.
import { statfsSync } from 'node:fs';

const MIB = 1024 * 1024;
const DEFAULT_MIN_FREE_MB = 16;

/** Reads LOCAL_MIN_FREE_MB (MiB, may be fractional, 0 turns the check off); 16 MiB when unset. */
export function minFreeBytesFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.LOCAL_MIN_FREE_MB?.trim();
  if (raw === undefined || raw === '') return DEFAULT_MIN_FREE_MB * MIB;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb < 0) {
    throw new Error(`LOCAL_MIN_FREE_MB must be a number of MiB, 0 or more (got "${raw}")`);
  }
  return Math.ceil(mb * MIB);
}

/** Bytes an unprivileged writer can still use on the file system holding `dir`. */
export function freeBytes(dir: string): number {
  const stats = statfsSync(dir);
  // bavail, not bfree: root's reserved blocks are no use to a database running as a normal user.
  return stats.bavail * stats.bsize;
}
