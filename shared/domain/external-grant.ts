// External keys (API.md 1.1): a key of another account that this account grants roles to, so that
// the other account's integration can use this account's resources. A grant never manages keys:
// its roles may hold no management permission. It says nothing about whether the key exists.
import { validationError } from './errors';
import { parseAppKey } from './ids';
import { iso } from './time';
import { checkRoleIds } from './access';
import { isManagement, type RoleCatalog } from './roles';

export const MAX_GRANTS_PER_ACCOUNT = 1_000;

export interface ExternalGrant {
  /** The granting account. */
  account: string;
  appKey: string;
  /** The key's own account (from its appKey). */
  owner: string;
  roles: string[];
  status: 'active' | 'inactive';
  addedAt: string;
  updatedAt: string;
  version: number;
  /** The role catalog revision its roles were judged on (see ApiKey.rolesRevision). */
  rolesRevision?: number;
}

export type ExternalKeyView = Omit<ExternalGrant, 'account' | 'rolesRevision'>;

export const externalKeyView = ({
  account: _account,
  rolesRevision: _revision,
  ...view
}: ExternalGrant): ExternalKeyView => view;

/** Roles a grant may carry: existing roles of the account without a management permission. */
export function checkGrantRoles(roles: readonly string[], catalog: RoleCatalog, field = 'roles'): void {
  checkRoleIds(roles, field, catalog);
  const errors = roles.flatMap((id, i) => {
    const management = (catalog.find(id)?.permissions ?? []).filter(isManagement);
    return management.length > 0
      ? [
          {
            path: `${field}[${i}]`,
            message: `Role '${id}' holds management permissions (${management.join(', ')}); external keys cannot manage this account.`,
          },
        ]
      : [];
  });
  if (errors.length > 0) throw validationError('The role list is not valid for an external key.', errors);
}

/** A new grant of `appKey` by `account`; the key must belong to another account. */
export function newGrant(account: string, appKey: string, roles: string[], nowMs: number): ExternalGrant {
  const parsed = parseAppKey(appKey);
  if (!parsed) throw validationError('Not an appKey.', [{ path: 'appKey', message: 'Not an appKey.' }]);
  if (parsed.account === account) {
    throw validationError('A key of this account is not an external key.', [
      { path: 'appKey', message: 'This key belongs to this account: give it roles on the Keys page.' },
    ]);
  }
  const at = iso(nowMs);
  return {
    account,
    appKey,
    owner: parsed.account,
    roles,
    status: 'active',
    addedAt: at,
    updatedAt: at,
    version: 1,
  };
}

export interface GrantEdit {
  roles?: string[];
  active?: boolean;
}

/** The grant after an edit; the same object when nothing changes (no write, no audit entry). */
export function editGrant(grant: ExternalGrant, edit: GrantEdit, nowMs: number): ExternalGrant {
  const roles = edit.roles ?? grant.roles;
  const status = edit.active === undefined ? grant.status : edit.active ? 'active' : 'inactive';
  if (JSON.stringify(roles) === JSON.stringify(grant.roles) && status === grant.status) return grant;
  return { ...grant, roles, status, updatedAt: iso(nowMs), version: grant.version + 1 };
}
