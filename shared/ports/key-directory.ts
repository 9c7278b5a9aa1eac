// The per-account search directory: one compact entry per key (its id, folded name and status),
// kept in step with the key in the key's own unit of work (Write 'directory-entry'), so that a
// search reads a few directory items instead of every key item. Shards are an adapter detail; a
// key only carries the opaque number of the shard that holds its entry (ApiKey.directoryShard).
import type { ApiKey, KeyStatus } from '../domain/key';

export interface DirectoryEntry {
  /** The ULID part of the appKey (the list's sort order and cursor). */
  id: string;
  /** The name as search compares it (domain/search.ts `folded`). */
  folded: string;
  status: KeyStatus;
}

export interface KeyDirectory {
  /**
   * Every entry of the account, or null while some key may have no entry yet (an account from
   * before the directory whose backfill has not finished): the caller then lists the old way.
   * With a `hint` (folded, lower case), entries whose folded name and lower-case id cannot contain
   * it may be left out: a cheap prefilter (most of a search that matches little is skipped
   * unread); the caller still matches every entry returned.
   */
  entries(account: string, hint?: string): Promise<DirectoryEntry[] | null>;
  /** The keys of these entry ids (strongly consistent), in the order given; gone ones left out. */
  keys(account: string, ids: readonly string[]): Promise<ApiKey[]>;
  /** The shard a new key's entry goes into now; creates the directory on an account's first key. */
  openShard(account: string): Promise<number>;
  /** `full` turned out to be full: opens the next shard (a no-op if another request already did). */
  advance(account: string, full: number): Promise<void>;
}
