// How much room the local data directory has left, and how much the local runtime insists on
// keeping. The same rule as infra/local/disk-space.ts (LOCAL_MIN_FREE_MB, 16 MiB by default, 0 turns
// the check off), which start-up uses: shared/ code may not import infra/, and start-up and the
// write guard must agree, or a runtime could start only to refuse every write (or the reverse).
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
