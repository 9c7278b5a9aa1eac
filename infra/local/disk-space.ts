// How much room a local data directory has left. DynamoDB Local keeps its SQLite file and journal
// in DATA_DIR; below a few MiB it fails deep inside Java with errors that name neither the
// directory nor the cause, so the local runtime checks this first. The rule itself lives in
// shared/adapters/free-space.ts, which the write guard uses too: start-up and the guard must agree.
import { minFreeBytesFrom } from '../../shared/adapters/free-space';

export { freeBytes, minFreeBytesFrom } from '../../shared/adapters/free-space';

const MIB = 1024 * 1024;

/** The least free space the local runtime needs in DATA_DIR to start and to accept writes. */
export const MIN_FREE_BYTES = minFreeBytesFrom(process.env);

/** "12 KB", "3.5 MB": for messages that tell an operator how far from the minimum they are. */
export function formatBytes(bytes: number): string {
  if (bytes < MIB) return `${Math.floor(bytes / 1024)} KB`;
  const mb = bytes / MIB;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
