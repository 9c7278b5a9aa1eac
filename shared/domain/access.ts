// The access rules over an account's roles: which role ids a caller may name, the no-escalation
// rule for granting roles, acting on other keys, and what makes a key an "admin key" for the
// lockout rule. Every rule takes the account's RoleCatalog (roles.ts); the default is the catalog
// of predefined roles only, exact for every role list without a custom role.
import { forbidden, validationError } from './errors';
import { isManagement, MAX_ROLES_PER_KEY, PREDEFINED_CATALOG, type RoleCatalog, type Role } from './roles';

export {
  MANAGEMENT_PERMISSIONS,
  MAX_ROLES_PER_KEY,
  PREDEFINED_ROLES,
  ROLE_ID_PATTERN,
  type ManagementPermission,
  type Role,
} from './roles';

export const findRole = (id: string, catalog: RoleCatalog = PREDEFINED_CATALOG): Role | undefined =>
  catalog.find(id);

/** The union of the permissions of `roles`, in a stable order. Unknown ids contribute nothing. */
export const permissionsOf = (
  roles: readonly string[],
  catalog: RoleCatalog = PREDEFINED_CATALOG,
): string[] => catalog.permissionsOf(roles);

/** Checks a role list given by a caller: ids must exist, be unique and at most 20. */
export function checkRoleIds(
  roles: readonly string[],
  field = 'roles',
  catalog: RoleCatalog = PREDEFINED_CATALOG,
): void {
  const errors = roles.flatMap((id, i) =>
    catalog.find(id) ? [] : [{ path: `${field}[${i}]`, message: `Unknown role '${id}'.` }],
  );
  const seen = new Set<string>();
  roles.forEach((id, i) => {
    if (seen.has(id)) errors.push({ path: `${field}[${i}]`, message: `Role '${id}' is listed twice.` });
    seen.add(id);
  });
  if (roles.length > MAX_ROLES_PER_KEY) {
    errors.push({ path: field, message: `A key holds at most ${MAX_ROLES_PER_KEY} roles.` });
  }
  if (errors.length > 0) throw validationError('The role list is not valid.', errors);
}

/**
 * No escalation: a caller may grant a role only if it already holds every management permission
 * that role carries. Roles the key already had are not "granted" again, so editing the name of a
 * more powerful key, or removing roles from it, stays possible.
 */
export function checkCanGrant(
  callerPermissions: readonly string[],
  newRoles: readonly string[],
  currentRoles: readonly string[] = [],
  catalog: RoleCatalog = PREDEFINED_CATALOG,
): void {
  const held = new Set(callerPermissions);
  for (const id of newRoles) {
    if (currentRoles.includes(id)) continue;
    const missing = (catalog.find(id)?.permissions ?? []).filter((p) => isManagement(p) && !held.has(p));
    if (missing.length > 0) {
      throw forbidden(
        `Granting role '${id}' needs permissions this key does not hold: ${missing.join(', ')}.`,
      );
    }
  }
}

/**
 * No escalation through other keys (API.md 1.1 "Acting on other keys"): a caller may change a key
 * only if it holds every management permission that key holds. Otherwise a lesser key could renew
 * a stronger one and take its new token, or demote, deactivate or delete it. A key always passes
 * for itself. Every key-changing use case goes through this one check (shared/use-cases/).
 */
export function checkCanActOn(
  callerPermissions: readonly string[],
  targetRoles: readonly string[],
  catalog: RoleCatalog = PREDEFINED_CATALOG,
): void {
  const held = new Set(callerPermissions);
  const missing = catalog.permissionsOf(targetRoles).filter((p) => isManagement(p) && !held.has(p));
  if (missing.length > 0) {
    throw forbidden(
      `This key cannot change a key that holds permissions it lacks itself: ${missing.join(', ')}.`,
    );
  }
}

export function requirePermission(callerPermissions: readonly string[], permission: string): void {
  if (!callerPermissions.includes(permission)) {
    throw forbidden(`This key lacks the '${permission}' permission.`);
  }
}

/** An admin key keeps the account manageable: active and holding `keys:edit`. */
export const isAdminKey = (
  key: { status: string; roles: readonly string[] },
  catalog: RoleCatalog = PREDEFINED_CATALOG,
): boolean => key.status === 'active' && catalog.permissionsOf(key.roles).includes('keys:edit');
