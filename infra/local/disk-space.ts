// How much room a local data directory has left. DynamoDB Local keeps its SQLite file and journal
// in DATA_DIR; below a few MiB it fails deep inside Java with errors that name neither the
// directory nor the cause, so the local runtime checks this first (and the write guard reuses it).
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

/** The least free space the local runtime needs in DATA_DIR to start and to accept writes. */
export const MIN_FREE_BYTES = minFreeBytesFrom(process.env);

/** Bytes an unprivileged writer can still use on the file system holding `dir`. */
export function freeBytes(dir: string): number {
  const stats = statfsSync(dir);
  // bavail, not bfree: root's reserved blocks are no use to a database running as a normal user.
  return stats.bavail * stats.bsize;
}

/** "12 KB", "3.5 MB": for messages that tell an operator how far from the minimum they are. */
export function formatBytes(bytes: number): string {
  if (bytes < MIB) return `${Math.floor(bytes / 1024)} KB`;
  const mb = bytes / MIB;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
