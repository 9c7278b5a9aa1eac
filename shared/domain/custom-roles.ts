// The rules of custom roles (API.md 1.1): what may be created, redefined and removed, judged on the
// account's catalog as read. The unit of work then makes the judgement hold at commit time: role
// writes are conditional on the catalog revision, the role's version and, where it matters, on
// nothing holding the role (see adapters/dynamodb/access-item.ts).
import { DomainError, forbidden, notFound, validationError } from './errors';
import {
  isManagement,
  isPredefinedRole,
  managementOf,
  MAX_CUSTOM_ROLES,
  type CustomRole,
  type RoleCatalog,
} from './roles';
import { iso } from './time';

export interface RoleDefinition {
  name: string;
  description: string;
  permissions: string[];
}

/**
 * Every custom role of an account lives in one storage item (so that granting and deleting a role
 * meet on it); DynamoDB items hold at most 400 KB, so the definitions together may use this much.
 */
export const CATALOG_BYTES_LIMIT = 350_000;

/**
 * How long after its last holder let go a role's management permissions stay frozen: the longest a
 * container may still hold a verification of a former holder (VERIFY_CACHE_TTL_SECONDS is at most
 * 60 s) plus a margin. Without it, a key demoted a moment ago and still cached elsewhere would get
 * the new management permissions of the role it no longer holds.
 */
export const MANAGEMENT_CHANGE_QUARANTINE_MS = 65_000;

export const roleNotFound = (): DomainError => notFound('No such role in this account.');

const limitExceeded = (message: string): DomainError => new DomainError('limit-exceeded', message);

function checkPermissionList(permissions: readonly string[]): void {
  const seen = new Set<string>();
  const errors = permissions.flatMap((p, i) => {
    const duplicate = seen.has(p);
    seen.add(p);
    return duplicate ? [{ path: `permissions[${i}]`, message: `Permission '${p}' is listed twice.` }] : [];
  });
  if (errors.length) throw validationError('The permission list is not valid.', errors);
}

/** No escalation through roles: a caller may only define or touch roles within its own powers. */
function checkWithinCaller(
  callerPermissions: readonly string[],
  permissions: readonly string[],
  what: string,
): void {
  const held = new Set(callerPermissions);
  const missing = permissions.filter((p) => isManagement(p) && !held.has(p));
  if (missing.length > 0)
    throw forbidden(`${what} needs permissions this key does not hold: ${missing.join(', ')}.`);
}

const definitionBytes = (role: Omit<CustomRole, 'holders'>): number =>
  Buffer.byteLength(JSON.stringify(role)) + 64;

function checkCatalogSize(catalog: RoleCatalog, next: CustomRole): void {
  const bytes = catalog.customRoles
    .filter((r) => r.id !== next.id)
    .reduce((sum, r) => sum + definitionBytes(r), definitionBytes(next));
  if (bytes > CATALOG_BYTES_LIMIT) {
    throw limitExceeded(
      `The account's custom roles would exceed ${CATALOG_BYTES_LIMIT} bytes of definitions; shorten or remove some.`,
    );
  }
}

export function defineRole(
  catalog: RoleCatalog,
  callerPermissions: readonly string[],
  input: RoleDefinition & { id: string },
  nowMs: number,
): CustomRole {
  if (isPredefinedRole(input.id) || catalog.findCustom(input.id)) {
    throw new DomainError('conflict', `A role with id '${input.id}' already exists in this account.`);
  }
  if (catalog.customRoles.length >= MAX_CUSTOM_ROLES) {
    throw limitExceeded(`An account holds at most ${MAX_CUSTOM_ROLES} custom roles.`);
  }
  checkPermissionList(input.permissions);
  checkWithinCaller(callerPermissions, input.permissions, `Role '${input.id}'`);
  const at = iso(nowMs);
  const role: CustomRole = {
    id: input.id,
    name: input.name,
    description: input.description,
    permissions: [...input.permissions],
    version: 1,
    createdAt: at,
    updatedAt: at,
    holders: 0,
    incarnation: catalog.revision + 1,
  };
  checkCatalogSize(catalog, role);
  return role;
}

/** The custom role `id` of the catalog, or the answer for a predefined or unknown one. */
export function customRoleToChange(
  catalog: RoleCatalog,
  callerPermissions: readonly string[],
  id: string,
): CustomRole {
  if (isPredefinedRole(id))
    throw new DomainError('role-predefined', `Role '${id}' is predefined and cannot change.`);
  const role = catalog.findCustom(id);
  if (!role) throw roleNotFound();
  checkWithinCaller(callerPermissions, role.permissions, `Changing role '${id}'`);
  return role;
}

/**
 * A role redefined. `unheld` says the change is only allowed while nothing holds the role: its
 * management permissions change (a key would gain or lose power over other keys without anyone
 * granting it). Non-management permissions may change freely: every holder gets them.
 */
export function redefineRole(
  current: CustomRole,
  catalog: RoleCatalog,
  callerPermissions: readonly string[],
  input: RoleDefinition,
  nowMs: number,
): { role: CustomRole; unheld: boolean } {
  checkPermissionList(input.permissions);
  checkWithinCaller(callerPermissions, input.permissions, `Role '${current.id}'`);
  const unheld = managementOf(current.permissions).join() !== managementOf(input.permissions).join();
  if (unheld && current.holders > 0) {
    throw new DomainError(
      'role-in-use',
      `Role '${current.id}' is held by ${current.holders} key(s) or grant(s): its management permissions cannot change.`,
    );
  }
  const released = current.releasedAt ? Date.parse(current.releasedAt) : 0;
  if (unheld && nowMs - released < MANAGEMENT_CHANGE_QUARANTINE_MS) {
    const wait = Math.ceil((released + MANAGEMENT_CHANGE_QUARANTINE_MS - nowMs) / 1000);
    throw new DomainError(
      'role-in-use',
      `Role '${current.id}' was held until moments ago and may still be cached for its former holders: change its management permissions in ${wait} s.`,
    );
  }
  const same =
    current.name === input.name &&
    current.description === input.description &&
    JSON.stringify(current.permissions) === JSON.stringify(input.permissions);
  if (same) return { role: current, unheld: false };
  const role: CustomRole = {
    ...current,
    ...input,
    permissions: [...input.permissions],
    version: current.version + 1,
    updatedAt: iso(nowMs),
  };
  checkCatalogSize(catalog, role);
  return { role, unheld };
}

export function checkRemovable(role: CustomRole): void {
  if (role.holders > 0) {
    throw new DomainError(
      'role-in-use',
      `Role '${role.id}' is held by ${role.holders} key(s) or external grant(s); take it from them first.`,
    );
  }
}
