// GET /v1/roles: the roles (access profiles) keys of this account can hold.
import { httpHandler } from '../shared/http/middleware';
import { ok } from '../shared/http/responses';
import { PREDEFINED_ROLES } from '../shared/domain/access';

export const handler = httpHandler('list-roles', async () => ok({ items: PREDEFINED_ROLES }));
