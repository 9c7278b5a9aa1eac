// External keys: grants of this account's roles to keys of other accounts (API.md 1.1). Each
// change is one unit of work: the grant, the holder counts of its custom roles and the account's
// grant count (the 1,000 limit, as a condition), and the audit entry. A lost race is re-read and
// re-judged. Nothing here reads the other account: a grant never tells whether its key exists.
import { auditEntry, diff, NO_ORIGIN, type AuditAction } from '../../domain/audit';
import { DomainError, notFound } from '../../domain/errors';
import {
  checkGrantRoles,
  editGrant,
  externalKeyView,
  MAX_GRANTS_PER_ACCOUNT,
  newGrant,
  type ExternalGrant,
  type ExternalKeyView,
  type GrantEdit,
} from '../../domain/external-grant';
import { WriteConflict, type Clock } from '../../ports';
import type { GrantStore } from '../../ports/roles';
import type { UnitOfWork, Write } from '../../ports/unit-of-work';
import { actorOf, type Caller } from '../caller';
import { retryOnConflict } from '../retry';
import type { RoleSource } from '../roles/role-source';
import { roleHolderWrite } from '../keys/key-writes';
import type { GrantSource } from './grant-source';

const noGrant = (): DomainError => notFound('No such external key in this account.');
const preconditionFailed = (): DomainError =>
  new DomainError('precondition-failed', 'The external key has changed since the version given in If-Match.');

const audited = (grant: ExternalGrant | null): Record<string, unknown> =>
  grant
    ? { owner: grant.owner, roles: grant.roles, status: grant.status }
    : { owner: null, roles: null, status: null };

export interface ExternalKeyDeps {
  grants: GrantStore;
  roles: RoleSource;
  grantSource: GrantSource;
  work: UnitOfWork;
  clock: Clock;
}

export class ExternalKeys {
  constructor(private readonly deps: ExternalKeyDeps) {}

  async get(caller: Caller, appKey: string): Promise<ExternalKeyView> {
    const grant = await this.deps.grants.getGrant(caller.account, appKey);
    if (!grant) throw noGrant();
    return externalKeyView(grant);
  }

  add(caller: Caller, input: { appKey: string; roles: string[] }): Promise<ExternalKeyView> {
    return this.guarded(caller, undefined, async () => {
      const catalog = await this.deps.roles.fresh(caller.account);
      checkGrantRoles(input.roles, catalog);
      const grant = {
        ...newGrant(caller.account, input.appKey, input.roles, this.deps.clock.now()),
        rolesRevision: catalog.revision,
      };
      if (await this.deps.grants.getGrant(caller.account, input.appKey)) {
        throw new DomainError('conflict', 'This key already has a grant in this account; edit it instead.');
      }
      if (catalog.grantCount >= MAX_GRANTS_PER_ACCOUNT) {
        throw new DomainError(
          'limit-exceeded',
          `An account grants at most ${MAX_GRANTS_PER_ACCOUNT} external keys.`,
        );
      }
      await this.commit(caller, 'external-key.added', null, grant, [
        { type: 'grant', grant },
        roleHolderWrite(caller.account, [], grant.roles, catalog, 1, this.deps.clock.now())!,
      ]);
      return externalKeyView(grant);
    });
  }

  edit(caller: Caller, appKey: string, edit: GrantEdit, ifMatch?: number): Promise<ExternalKeyView> {
    return this.guarded(caller, ifMatch, async () => {
      const before = await this.deps.grants.getGrant(caller.account, appKey);
      if (!before) throw noGrant();
      if (ifMatch !== undefined && before.version !== ifMatch) throw preconditionFailed();
      const catalog = await this.deps.roles.forChange(caller.account, [
        ...before.roles,
        ...(edit.roles ?? []),
      ]);
      if (edit.roles) checkGrantRoles(edit.roles, catalog);
      const edited = editGrant(before, edit, this.deps.clock.now());
      if (edited === before) return externalKeyView(before);
      const after = edit.roles ? { ...edited, rolesRevision: catalog.revision } : edited;
      const holders = roleHolderWrite(
        caller.account,
        before.roles,
        after.roles,
        catalog,
        undefined,
        this.deps.clock.now(),
      );
      await this.commit(caller, 'external-key.updated', before, after, [
        { type: 'grant', grant: after, expectedVersion: before.version },
        ...(holders ? [holders] : []),
      ]);
      return externalKeyView(after);
    });
  }

  async remove(caller: Caller, appKey: string, confirmed: boolean): Promise<void> {
    if (!confirmed) {
      throw new DomainError(
        'confirmation-required',
        'Removing an external key is permanent: repeat the request with confirm=true.',
      );
    }
    await this.guarded(caller, undefined, async () => {
      const before = await this.deps.grants.getGrant(caller.account, appKey);
      if (!before) throw noGrant();
      const catalog = await this.deps.roles.forChange(caller.account, before.roles);
      await this.commit(caller, 'external-key.removed', before, null, [
        { type: 'delete-grant', grant: before, expectedVersion: before.version },
        roleHolderWrite(caller.account, before.roles, [], catalog, -1, this.deps.clock.now())!,
      ]);
    });
  }

  private async commit(
    caller: Caller,
    action: AuditAction,
    before: ExternalGrant | null,
    after: ExternalGrant | null,
    writes: Write[],
  ): Promise<void> {
    const grant = (after ?? before)!;
    const entry = auditEntry({
      account: caller.account,
      action,
      actor: actorOf(caller),
      target: { type: 'external-key', id: grant.appKey },
      changes: diff(audited(before), audited(after)),
      origin: caller.origin ?? NO_ORIGIN,
      nowMs: this.deps.clock.now(),
    });
    try {
      await this.deps.work.commit([...writes, { type: 'audit', entry }]);
    } finally {
      // The verification of this key as an external key changes at once in this process.
      this.deps.grantSource.invalidate(caller.account, grant.appKey);
    }
  }

  /** If-Match turns a lost race into 412; otherwise the change is re-read and re-judged. */
  private guarded<T>(caller: Caller, ifMatch: number | undefined, attempt: () => Promise<T>): Promise<T> {
    return retryOnConflict(
      async () => {
        try {
          return await attempt();
        } catch (error) {
          if (error instanceof WriteConflict && error.reason === 'roles')
            this.deps.roles.invalidate(caller.account);
          if (error instanceof WriteConflict && error.reason === 'version' && ifMatch !== undefined)
            throw preconditionFailed();
          throw error;
        }
      },
      (error) => error instanceof WriteConflict,
    );
  }
}
