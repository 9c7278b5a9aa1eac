// The one way a key is changed by a caller: read it (tenancy and the acting-on-other-keys rule),
// apply a pure domain transition, commit the key with its audit entry as one unit of work, drop
// cached verifications. A lost race is re-read and re-applied (retry.ts) unless If-Match pinned
// the version. A transition that changes nothing writes nothing, not even an audit entry.
import { keyAuditEntry, NO_ORIGIN, type AuditAction } from '../../domain/audit';
import { DomainError } from '../../domain/errors';
import { keyView, type ApiKey, type KeyView } from '../../domain/key';
import { watchExpiry } from '../../domain/expiry-watch';
import { WriteConflict, type Clock, type KeyRepository } from '../../ports';
import type { UnitOfWork } from '../../ports/unit-of-work';
import { actorOf, type Caller } from '../caller';
import { retryOnConflict } from '../retry';
import type { SettingsSource } from '../settings-source';
import type { Verifier } from '../verify';
import { loadKeyToChange } from './key-access';
import { keyChangeWrites } from './key-writes';

export interface KeyChangeDeps {
  keys: KeyRepository;
  work: UnitOfWork;
  settings: SettingsSource;
  verifier: Verifier;
  clock: Clock;
}

export const lastAdminKey = (): DomainError =>
  new DomainError(
    'last-admin-key',
    'This change would leave the account without an active key that can edit keys.',
  );
const preconditionFailed = (): DomainError =>
  new DomainError('precondition-failed', 'The key has changed since the version given in If-Match.');

/** What a transition is called in the audit log, decided from the key before and after. */
export type ActionOf = AuditAction | ((before: ApiKey, after: ApiKey) => AuditAction);

export class KeyChanges {
  constructor(private readonly deps: KeyChangeDeps) {}

  async apply(
    caller: Caller,
    appKey: string,
    action: ActionOf,
    transition: (key: ApiKey, nowMs: number) => ApiKey,
    ifMatch?: number,
  ): Promise<KeyView> {
    return this.guarded(ifMatch, async () => {
      const before = await loadKeyToChange(this.deps.keys, caller, appKey);
      if (ifMatch !== undefined && before.version !== ifMatch) throw preconditionFailed();
      const now = this.deps.clock.now();
      const changed = transition(before, now);
      const settings = await this.deps.settings.get(caller.account);
      if (changed === before) return keyView(before, settings, now);
      const after = watchExpiry(changed, settings.expiryWarningDays, now);
      const name = typeof action === 'function' ? action(before, after) : action;
      await this.commit(
        before,
        after,
        keyAuditEntry(name, actorOf(caller), caller.origin ?? NO_ORIGIN, before, after, now),
      );
      return keyView(after, settings, now);
    });
  }

  async remove(caller: Caller, appKey: string): Promise<void> {
    await this.guarded(undefined, async () => {
      const before = await loadKeyToChange(this.deps.keys, caller, appKey);
      const now = this.deps.clock.now();
      await this.commit(
        before,
        null,
        keyAuditEntry('key.deleted', actorOf(caller), caller.origin ?? NO_ORIGIN, before, null, now),
      );
    });
  }

  private async commit(
    before: ApiKey,
    after: ApiKey | null,
    entry: Parameters<typeof keyChangeWrites>[2],
  ): Promise<void> {
    await this.deps.work.commit(keyChangeWrites(before, after, entry));
    this.deps.verifier.invalidate(before.appKey);
  }

  /** The last-admin rule and If-Match turn a lost condition into their own answers; else retry. */
  private guarded<T>(ifMatch: number | undefined, attempt: () => Promise<T>): Promise<T> {
    return retryOnConflict(
      async () => {
        try {
          return await attempt();
        } catch (error) {
          if (!(error instanceof WriteConflict)) throw error;
          if (error.reason === 'last-admin') throw lastAdminKey();
          if (ifMatch !== undefined) throw preconditionFailed();
          throw error;
        }
      },
      (error) => error instanceof WriteConflict,
    );
  }
}
