// GET /v1/whoami: behind the Lambda REQUEST authorizer; echoes the context it established.
import { httpHandler } from '../shared/http/middleware';
import { ok } from '../shared/http/responses';
import { unauthorized } from '../shared/domain/errors';
import { callerFromAuthorizerContext } from '../shared/http/authorizer-context';

export const handler = httpHandler('whoami', async ({ event }) => {
  const caller = callerFromAuthorizerContext(event);
  if (!caller) throw unauthorized();
  return ok({
    account: caller.account,
    owner: caller.owner ?? caller.account,
    appKey: caller.appKey,
    roles: caller.roles,
    permissions: caller.permissions,
  });
});
