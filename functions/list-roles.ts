// GET /v1/roles: the roles (access profiles) keys of this account can hold.
import { httpHandler } from '../shared/http/middleware';
import { ok } from '../shared/http/responses';

export const handler = httpHandler('list-roles', async ({ caller, services }) =>
  ok({ items: await services.roleService.list(caller.account) }),
);
