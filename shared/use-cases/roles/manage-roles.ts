// Custom roles: list, create, replace (If-Match) and delete (with confirmation). Each change is
// judged on a fresh catalog and committed with its audit entry as one unit of work conditional on
// that catalog's revision; a lost race is re-read and re-judged (retry.ts), so two replacements
// with the same If-Match have exactly one winner and a deletion racing a grant has exactly one.
import { auditEntry, diff, NO_ORIGIN, type AuditAction } from '../../domain/audit';
import {
  checkRemovable,
  customRoleToChange,
  defineRole,
  MANAGEMENT_CHANGE_QUARANTINE_MS,
  redefineRole,
  roleNotFound,
  type RoleDefinition,
} from '../../domain/custom-roles';
import { DomainError } from '../../domain/errors';
import type { CustomRole, RoleView } from '../../domain/roles';
import { WriteConflict, type Clock } from '../../ports';
import type { UnitOfWork, Write } from '../../ports/unit-of-work';
import { actorOf, type Caller } from '../caller';
import { retryOnConflict } from '../retry';
import type { RoleSource } from './role-source';

const viewOf = ({ holders: _h, incarnation: _i, releasedAt: _r, ...role }: CustomRole): RoleView => ({
  ...role,
  predefined: false,
});

const audited = (role: CustomRole | null): Record<string, unknown> =>
  role
    ? { name: role.name, description: role.description, permissions: role.permissions }
    : { name: null, description: null, permissions: null };

export class RoleService {
  constructor(private readonly deps: { roles: RoleSource; work: UnitOfWork; clock: Clock }) {}

  /** Read afresh: management reads are rare, and a role just created elsewhere must be there. */
  async list(account: string): Promise<RoleView[]> {
    return (await this.deps.roles.fresh(account)).list();
  }

  /** One role, predefined or custom; 404 like a role of another account. */
  async get(account: string, id: string): Promise<RoleView> {
    const role = (await this.list(account)).find((r) => r.id === id);
    if (!role) throw roleNotFound();
    return role;
  }

  create(caller: Caller, input: RoleDefinition & { id: string }): Promise<RoleView> {
    return this.guarded(caller, async () => {
      const catalog = await this.deps.roles.fresh(caller.account);
      const now = this.deps.clock.now();
      const role = defineRole(catalog, caller.permissions, input, now);
      await this.commit(caller, 'role.created', null, role, now, {
        type: 'role',
        account: caller.account,
        role,
        expected: { revision: catalog.revision },
      });
      return viewOf(role);
    });
  }

  replace(caller: Caller, id: string, input: RoleDefinition, ifMatch?: number): Promise<RoleView> {
    return this.guarded(caller, async () => {
      const catalog = await this.deps.roles.fresh(caller.account);
      const current = customRoleToChange(catalog, caller.permissions, id);
      if (ifMatch !== undefined && current.version !== ifMatch) {
        throw new DomainError(
          'precondition-failed',
          'The role has changed since the version given in If-Match.',
        );
      }
      const now = this.deps.clock.now();
      const { role, unheld } = redefineRole(current, catalog, caller.permissions, input, now);
      if (role === current) return viewOf(current);
      await this.commit(caller, 'role.updated', current, role, now, {
        type: 'role',
        account: caller.account,
        role,
        expected: {
          revision: catalog.revision,
          version: current.version,
          unheld,
          releasedBefore: new Date(now - MANAGEMENT_CHANGE_QUARANTINE_MS).toISOString(),
        },
      });
      return viewOf(role);
    });
  }

  async remove(caller: Caller, id: string, confirmed: boolean): Promise<void> {
    if (!confirmed) {
      throw new DomainError(
        'confirmation-required',
        'Deleting a role is permanent: repeat the request with confirm=true.',
      );
    }
    await this.guarded(caller, async () => {
      const catalog = await this.deps.roles.fresh(caller.account);
      const current = customRoleToChange(catalog, caller.permissions, id);
      checkRemovable(current);
      const now = this.deps.clock.now();
      await this.commit(caller, 'role.deleted', current, null, now, {
        type: 'delete-role',
        account: caller.account,
        roleId: id,
        expected: { revision: catalog.revision, version: current.version },
      });
    });
  }

  private async commit(
    caller: Caller,
    action: AuditAction,
    before: CustomRole | null,
    after: CustomRole | null,
    nowMs: number,
    write: Write,
  ): Promise<void> {
    const entry = auditEntry({
      account: caller.account,
      action,
      actor: actorOf(caller),
      target: { type: 'role', id: (after ?? before)!.id },
      changes: diff(audited(before), audited(after)),
      origin: caller.origin ?? NO_ORIGIN,
      nowMs,
    });
    try {
      await this.deps.work.commit([write, { type: 'audit', entry }]);
    } finally {
      // Holders of the role get its new permissions at once in this process (TTL elsewhere).
      this.deps.roles.invalidate(caller.account);
    }
  }

  private guarded<T>(caller: Caller, attempt: () => Promise<T>): Promise<T> {
    return retryOnConflict(attempt, (error) => error instanceof WriteConflict);
  }
}
