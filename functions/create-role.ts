// POST /v1/roles: a custom role composed from permissions.
import { httpHandler } from '../shared/http/middleware';
import { json, withEtag } from '../shared/http/responses';

export const handler = httpHandler('create-role', async ({ body, caller, services }) => {
  const role = await services.roleService.create(caller, body);
  return json(201, role, { location: `/v1/roles/${role.id}`, ...withEtag(role.version!) });
});
