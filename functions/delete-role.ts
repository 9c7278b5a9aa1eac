// DELETE /v1/roles/{roleId}?confirm=true: only a custom role nothing holds.
import { httpHandler } from '../shared/http/middleware';
import { noContent } from '../shared/http/responses';

export const handler = httpHandler('delete-role', async ({ roleId, query, caller, services }) => {
  await services.roleService.remove(caller, roleId, query.confirm === 'true');
  return noContent();
});
