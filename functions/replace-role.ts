// PUT /v1/roles/{roleId}: redefine a custom role; If-Match pins its version.
import { httpHandler } from '../shared/http/middleware';
import { ok, withEtag } from '../shared/http/responses';
import { parseIfMatch } from '../shared/http/request-parsing';

export const handler = httpHandler('replace-role', async ({ roleId, body, caller, headers, services }) => {
  const role = await services.roleService.replace(caller, roleId, body, parseIfMatch(headers['if-match']));
  return ok(role, withEtag(role.version!));
});
