// GET /v1/roles/{roleId}: one role of the account, predefined or custom.
import { httpHandler } from '../shared/http/middleware';
import { ok, withEtag } from '../shared/http/responses';
import { roleNotFound } from '../shared/domain/custom-roles';

export const handler = httpHandler('get-role', async ({ roleId, caller, services }) => {
  const role = (await services.roleService.list(caller.account)).find((r) => r.id === roleId);
  if (!role) throw roleNotFound();
  return ok(role, role.version === undefined ? {} : withEtag(role.version));
});
