// The role form takes permissions as free text, one per line or comma separated, so a list can be
// pasted from documentation. This turns the text into the list the API receives and finds what the
// API would refuse, so the operator hears it before sending (API.md: 1..50 unique strings).
export const PERMISSION_PATTERN = /^[a-z][a-z0-9-]{0,39}:[a-z][a-z0-9-]{0,39}$/;
export const MAX_PERMISSIONS = 50;

export type PermissionProblem =
  | { kind: 'empty' }
  | { kind: 'too-many'; count: number }
  | { kind: 'malformed'; entries: string[] }
  | { kind: 'duplicate'; entries: string[] };

export function parsePermissions(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/** The first thing wrong with the list, in the order an operator would fix it; null when fine. */
export function permissionProblem(permissions: string[]): PermissionProblem | null {
  if (permissions.length === 0) return { kind: 'empty' };
  const malformed = permissions.filter((p) => !PERMISSION_PATTERN.test(p));
  if (malformed.length > 0) return { kind: 'malformed', entries: malformed };
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const p of permissions) (seen.has(p) ? duplicates : seen).add(p);
  if (duplicates.size > 0) return { kind: 'duplicate', entries: [...duplicates] };
  if (permissions.length > MAX_PERMISSIONS) return { kind: 'too-many', count: permissions.length };
  return null;
}

/** The text the form starts from when editing: one permission per line. */
export function permissionsText(permissions: string[]): string {
  return permissions.join('\n');
}
