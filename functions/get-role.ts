// GET /v1/roles/{roleId}: one role of the account, predefined or custom.
import { httpHandler } from '../shared/http/middleware';
import { ok, withEtag } from '../shared/http/responses';

export const handler = httpHandler('get-role', async ({ roleId, caller, services }) => {
  const role = await services.roleService.get(caller.account, roleId);
  return ok(role, role.version === undefined ? {} : withEtag(role.version));
});
