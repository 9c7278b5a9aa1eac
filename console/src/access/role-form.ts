// What the role form checks before sending (API.md, "Custom roles"), so the operator hears about a
// bad id, name or permission next to the field instead of after a round-trip.
import type { ApiError } from '../api/api-error';
import type { AccessMessages } from '../i18n/access-messages-en';
import { permissionProblem } from './permission-list';

export const ROLE_ID_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;
const MAX_NAME = 100;

export interface RoleFormErrors {
  id: string | null;
  name: string | null;
  permissions: string | null;
}

export function roleFormErrors(
  m: AccessMessages,
  input: { id: string | null; name: string; permissions: string[] },
  takenIds: string[],
): RoleFormErrors {
  let id: string | null = null;
  if (input.id !== null) {
    if (!ROLE_ID_PATTERN.test(input.id)) id = m.roleIdInvalid;
    else if (takenIds.includes(input.id)) id = m.roleIdTaken;
  }
  const name = !input.name.trim()
    ? m.roleNameRequired
    : input.name.trim().length > MAX_NAME
      ? m.roleNameTooLong
      : null;
  const problem = permissionProblem(input.permissions);
  let permissions: string | null = null;
  if (problem?.kind === 'empty') permissions = m.permissionsEmpty;
  else if (problem?.kind === 'malformed') permissions = m.permissionsMalformed(problem.entries.join(', '));
  else if (problem?.kind === 'duplicate') permissions = m.permissionsDuplicate(problem.entries.join(', '));
  else if (problem?.kind === 'too-many') permissions = m.permissionsTooMany(problem.count);
  return { id, name, permissions };
}

export function hasErrors(errors: RoleFormErrors): boolean {
  return Object.values(errors).some((e) => e !== null);
}

/**
 * The API's messages for one field, joined. `permissions[3]` is shown with the entry it names, so
 * the operator can find it in the text they typed.
 */
export function apiFieldError(error: ApiError | null, field: string, sent: string[] = []): string | null {
  if (!error) return null;
  const messages = error.fieldErrors
    .filter((e) => e.path === field || e.path.startsWith(`${field}[`))
    .map((e) => {
      const index = /\[(\d+)\]/.exec(e.path)?.[1];
      const entry = index === undefined ? undefined : sent[Number(index)];
      return entry === undefined ? e.message : `${entry}: ${e.message}`;
    });
  return messages.length > 0 ? messages.join(' ') : null;
}
