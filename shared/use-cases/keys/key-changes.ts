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
import type { RoleSource } from '../roles/role-source';
import type { RoleCatalog } from '../../domain/roles';
import { loadKeyToChange } from './key-access';
import { keyChangeWrites } from './key-writes';

export interface KeyChangeDeps {
  keys: KeyRepository;
  work: UnitOfWork;
  settings: SettingsSource;
  roles: RoleSource;
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
    transition: (key: ApiKey, nowMs: number, catalog: RoleCatalog) => ApiKey,
    ifMatch?: number,
    /** Roles the change may give the key: their definitions are needed to judge it. */
    introduces: readonly string[] = [],
  ): Promise<KeyView> {
    return this.guarded(caller, ifMatch, async () => {
      const { key: before, catalog } = await loadKeyToChange(this.deps.keys, caller, appKey, (roles) =>
        this.deps.roles.forChange(caller.account, [...roles, ...introduces]),
      );
      if (ifMatch !== undefined && before.version !== ifMatch) throw preconditionFailed();
      const now = this.deps.clock.now();
      const changed = transition(before, now, catalog);
      const settings = await this.deps.settings.get(caller.account);
      if (changed === before) return keyView(before, settings, now);
      const after = watchExpiry(changed, settings.expiryWarningDays, now);
      const name = typeof action === 'function' ? action(before, after) : action;
      await this.commit(
        before,
        after,
        keyAuditEntry(name, actorOf(caller), caller.origin ?? NO_ORIGIN, before, after, now),
        catalog,
      );
      return keyView(after, settings, now);
    });
  }

  async remove(caller: Caller, appKey: string): Promise<void> {
    await this.guarded(caller, undefined, async () => {
      const { key: before, catalog } = await loadKeyToChange(this.deps.keys, caller, appKey, (roles) =>
        this.deps.roles.forChange(caller.account, roles),
      );
      const now = this.deps.clock.now();
      await this.commit(
        before,
        null,
        keyAuditEntry('key.deleted', actorOf(caller), caller.origin ?? NO_ORIGIN, before, null, now),
        catalog,
      );
    });
  }

  private async commit(
    before: ApiKey,
    after: ApiKey | null,
    entry: Parameters<typeof keyChangeWrites>[2],
    catalog: RoleCatalog,
  ): Promise<void> {
    await this.deps.work.commit(keyChangeWrites(before, after, entry, [], { catalog }));
    this.deps.verifier.invalidate(before.appKey);
  }

  /**
   * The last-admin rule and If-Match turn a lost condition into their own answers; else retry. A
   * lost race on the role catalog (a role deleted or redefined meanwhile) re-judges on a fresh one.
   */
  private guarded<T>(caller: Caller, ifMatch: number | undefined, attempt: () => Promise<T>): Promise<T> {
    return retryOnConflict(
      async () => {
        try {
          return await attempt();
        } catch (error) {
          if (!(error instanceof WriteConflict)) throw error;
          if (error.reason === 'last-admin') throw lastAdminKey();
          if (error.reason === 'roles') {
            this.deps.roles.invalidate(caller.account);
            throw error;
          }
          // A lost race on another item (a search directory bucket) says nothing about If-Match:
          // it is retried, and the re-read key is checked against If-Match again.
          if (ifMatch !== undefined && error.reason !== 'in-progress') throw preconditionFailed();
          throw error;
        }
      },
      (error) => error instanceof WriteConflict,
    );
  }
}
