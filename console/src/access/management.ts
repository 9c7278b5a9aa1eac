// The management permissions of API.md's vocabulary: they decide which roles may go to external
// keys (none of these), and which role changes the API refuses while a key holds the role.
import type { Role } from '../api/types';

export const MANAGEMENT_PERMISSIONS: readonly string[] = [
  'keys:view',
  'keys:edit',
  'keys:renew',
  'settings:edit',
  'roles:edit',
  'audit:view',
];

export function isManagement(permission: string): boolean {
  return MANAGEMENT_PERMISSIONS.includes(permission);
}

/** External keys may only receive roles that manage nothing in this account (API.md). */
export function grantableToExternalKeys(role: Role): boolean {
  return !role.permissions.some(isManagement);
}
