// Roles (access profiles) and permissions: which roles exist, what a set of roles allows, the
// no-escalation rule for granting roles, and what makes a key an "admin key" for the lockout rule.
import { forbidden, validationError } from './errors';

export const MANAGEMENT_PERMISSIONS = [
  'keys:view',
  'keys:edit',
  'keys:renew',
  'settings:edit',
  'roles:edit',
  'audit:view',
] as const;
export type ManagementPermission = (typeof MANAGEMENT_PERMISSIONS)[number];

export interface Role {
  id: string;
  name: string;
  description: string;
  permissions: string[];
}

export const MAX_ROLES_PER_KEY = 20;
export const ROLE_ID_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;

/** The predefined roles present in every account (API.md). */
export const PREDEFINED_ROLES: readonly Role[] = [
  {
    id: 'owner',
    name: 'Owner',
    description: 'Full control of keys, settings and roles.',
    permissions: ['keys:view', 'keys:edit', 'keys:renew', 'settings:edit', 'roles:edit', 'audit:view'],
  },
  {
    id: 'key-admin',
    name: 'Key administrator',
    description: 'Generates, edits, renews and deletes keys; changes token settings.',
    permissions: ['keys:view', 'keys:edit', 'keys:renew', 'settings:edit', 'audit:view'],
  },
  {
    id: 'key-viewer',
    name: 'Key viewer',
    description: 'Reads keys and settings.',
    permissions: ['keys:view'],
  },
  {
    id: 'catalog-read',
    name: 'Catalog read',
    description: 'Reads the catalog.',
    permissions: ['catalog:read'],
  },
  {
    id: 'catalog-write',
    name: 'Catalog write',
    description: 'Reads and changes the catalog.',
    permissions: ['catalog:read', 'catalog:write'],
  },
  { id: 'orders-read', name: 'Orders read', description: 'Reads orders.', permissions: ['orders:read'] },
  {
    id: 'orders-write',
    name: 'Orders write',
    description: 'Reads and changes orders.',
    permissions: ['orders:read', 'orders:write'],
  },
];

const ROLES_BY_ID = new Map(PREDEFINED_ROLES.map((role) => [role.id, role]));

export const findRole = (id: string): Role | undefined => ROLES_BY_ID.get(id);

const isManagement = (permission: string): permission is ManagementPermission =>
  (MANAGEMENT_PERMISSIONS as readonly string[]).includes(permission);

const permissionsByRoles = new Map<string, readonly string[]>();

/**
 * The union of the permissions of `roles`, in a stable order. Unknown ids contribute nothing.
 * Memoised: it runs on every authenticated request, over a handful of distinct role lists.
 */
export function permissionsOf(roles: readonly string[]): string[] {
  const id = roles.join(',');
  let permissions = permissionsByRoles.get(id);
  if (!permissions) {
    const all = new Set<string>();
    for (const role of roles) for (const p of findRole(role)?.permissions ?? []) all.add(p);
    permissions = [...all].sort();
    if (permissionsByRoles.size < 10_000) permissionsByRoles.set(id, permissions);
  }
  return [...permissions];
}

/** Checks a role list given by a caller: ids must exist, be unique and at most 20. */
export function checkRoleIds(roles: readonly string[], field = 'roles'): void {
  const errors = roles.flatMap((id, i) =>
    findRole(id) ? [] : [{ path: `${field}[${i}]`, message: `Unknown role '${id}'.` }],
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
): void {
  const held = new Set(callerPermissions);
  for (const id of newRoles) {
    if (currentRoles.includes(id)) continue;
    const missing = (findRole(id)?.permissions ?? []).filter((p) => isManagement(p) && !held.has(p));
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
export function checkCanActOn(callerPermissions: readonly string[], targetRoles: readonly string[]): void {
  const held = new Set(callerPermissions);
  const missing = permissionsOf(targetRoles).filter((p) => isManagement(p) && !held.has(p));
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
export const isAdminKey = (key: { status: string; roles: readonly string[] }): boolean =>
  key.status === 'active' && permissionsOf(key.roles).includes('keys:edit');
