// One unit of work per change (DESIGN.md): the use case states every item write that a change
// consists of (the changed item with its condition, and the items that move with it: its audit
// entry, the account's admin-key set, an idempotent replay), and one adapter commits them all or
// none, mapping a failed condition to the domain's WriteConflict. Use cases never see sort keys.
import type { AuditEntry } from '../domain/audit';
import type { ApiKey, RenewalFlag } from '../domain/key';
import type { Settings } from '../domain/settings';
import type { ShareRecord } from '../domain/share';
import type { IdempotencyRecord } from './idempotency';
import type { TokenLookupEntry } from './token-lookup';

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
  | { type: 'delete-token-lookup'; entry: TokenLookupEntry };

export interface UnitOfWork {
  /** Commits every write or none; throws WriteConflict naming the condition that failed. */
  commit(writes: readonly Write[]): Promise<void>;
}
