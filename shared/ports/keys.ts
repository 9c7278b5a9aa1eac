// Key items: reads for the request paths (one GetItem, one Query per page) and the one write
// that needs no audit entry (the scan's re-expiry bookkeeping). Every audited change goes through
// the unit of work (unit-of-work.ts).
import type { ApiKey } from '../domain/key';

export interface KeyPage {
  items: ApiKey[];
  /** Sort key position to resume after, or null at the end. */
  next: string | null;
}

export interface KeyRepository {
  getKey(appKey: string): Promise<ApiKey | null>;
  /** Newest first, reading at most `budget` items; `accept` filters without ending the page early. */
  listKeys(
    account: string,
    options: { limit: number; after: string | null; budget: number; accept: (key: ApiKey) => boolean },
  ): Promise<KeyPage>;
  /** Records a successful authentication, at most once per `minIntervalMs`. Never bumps the version. */
  touchLastUsed(appKey: string, atMs: number, minIntervalMs: number): Promise<void>;
  /**
   * Bookkeeping without an audit entry (re-expiry): the key at `expectedVersion` and with the
   * renewal flag read (`expectedFlag`: the scan raises flags without a new version), or WriteConflict.
   */
  saveKey(key: ApiKey, expectedVersion: number, expectedFlag: ApiKey['renewalFlag']): Promise<void>;
}
