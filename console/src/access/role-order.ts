// The order the Roles tab lists roles in (API.md): predefined first, as the API gives them, then
// custom roles by id. Applied again after a create, so a new role lands where a reload would put it.
import type { AccessRole } from '../api/access-types';

export function inRoleOrder(roles: AccessRole[]): AccessRole[] {
  const predefined = roles.filter((r) => r.predefined);
  const custom = roles.filter((r) => !r.predefined).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...predefined, ...custom];
}
