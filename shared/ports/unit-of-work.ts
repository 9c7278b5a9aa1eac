// One unit of work per change (DESIGN.md): the use case states every item write that a change
// consists of (the changed item with its condition, and the items that move with it: its audit
// entry, the account's admin-key set, an idempotent replay), and one adapter commits them all or
// none, mapping a failed condition to the domain's WriteConflict. Use cases never see sort keys.
import type { AuditEntry } from '../domain/audit';
import type { ApiKey, KeyStatus, RenewalFlag } from '../domain/key';
import type { Settings } from '../domain/settings';
import type { ShareRecord } from '../domain/share';
import type { IdempotencyRecord } from './idempotency';
import type { TokenLookupEntry } from './token-lookup';
import type { CustomRole } from '../domain/roles';
import type { ExternalGrant } from '../domain/external-grant';

export type Write =
  /** A new key (no expectedVersion: it must not exist) or a change to a key at expectedVersion. */
  | {
      type: 'key';
      key: ApiKey;
      expectedVersion?: number;
      /**
       * The renewal flag as read. The expiry scan raises flags without a new version, so a change
       * read before the flag must not write its stale copy over it: it fails and is re-read.
       */
      expectedFlag?: RenewalFlag | null;
    }
  | { type: 'delete-key'; key: ApiKey; expectedVersion: number }
  /**
   * The key's search directory entry: set (`entry`) or removed (null) in its shard; `was` is the
   * entry it replaces (null for a new key), so the shard's size can be kept without reading it. A
   * new entry fails with WriteConflict 'directory-full' when the shard already holds its maximum.
   */
  | {
      type: 'directory-entry';
      account: string;
      shard: number;
      id: string;
      entry: DirectoryEntryValue | null;
      was: DirectoryEntryValue | null;
    }
  /** Adds or removes a key from its account's set of active admin keys; removing the last fails. */
  | {
      type: 'admin-keys';
      account: string;
      appKey: string;
      change: 'add' | 'remove';
      /** Remove even the last one: a leaked admin token must stop working whatever it leaves. */
      force?: boolean;
    }
  /** Keeps the first response for replay; fails if a concurrent request stored one first. */
  | { type: 'idempotency'; record: IdempotencyRecord }
  | { type: 'audit'; entry: AuditEntry }
  | { type: 'settings'; account: string; settings: Settings }
  /** A single-access link: created with the token it carries, revoked (deleted) at will. */
  | { type: 'share'; record: ShareRecord }
  | { type: 'delete-share'; shareId: string }
  /** Opening consumes the link: fails unless the secret's hash matches and it has not expired. */
  | { type: 'open-share'; record: ShareRecord; nowMs: number }
  /** Forgets the opened link on its key: a change of the key like any other (version + 1). */
  | { type: 'clear-key-share'; appKey: string; shareId: string; nowMs: number }
  /** A new token's lookup entry (must not exist), or the removal of a deleted token's entry. */
  | { type: 'token-lookup'; entry: TokenLookupEntry }
  | { type: 'delete-token-lookup'; entry: TokenLookupEntry }
  /**
   * A custom role created (no `version`) or replaced at `version`, judged on the catalog at
   * `revision`; `unheld` requires that nothing holds it (its management permissions change).
   */
  | {
      type: 'role';
      account: string;
      role: CustomRole;
      /** `releasedBefore`: with `unheld`, its last holder let go before this instant (ISO), if ever. */
      expected: { revision: number; version?: number; unheld?: boolean; releasedBefore?: string };
    }
  /** A role removed: only at the version judged and while no key or grant holds it. */
  | { type: 'delete-role'; account: string; roleId: string; expected: { revision: number; version: number } }
  /**
   * Holder counts of custom roles (+1 per key or grant gaining the role, -1 per one losing it; a
   * role gained must still exist at the version judged) and the account's grant count.
   */
  | {
      type: 'role-holders';
      account: string;
      holders: Record<string, { delta: number; expectedVersion?: number; expectedIncarnation?: number }>;
      grants?: 1 | -1;
      /** Stamped on roles that lose a holder (their quarantine for management changes). */
      nowIso?: string;
    }
  /** An external grant created (no expectedVersion: it must not exist) or changed at expectedVersion. */
  | { type: 'grant'; grant: ExternalGrant; expectedVersion?: number }
  | { type: 'delete-grant'; grant: ExternalGrant; expectedVersion: number };

export interface DirectoryEntryValue {
  folded: string;
  status: KeyStatus;
}

export interface UnitOfWork {
  /** Commits every write or none; throws WriteConflict naming the condition that failed. */
  commit(writes: readonly Write[]): Promise<void>;
}
