// POST /v1/verify: does this key + token authenticate, in its own account or (with `account`) as
// an external key of another account? For the systems that consume the keys.
import { httpHandler } from '../shared/http/middleware';
import { ok } from '../shared/http/responses';

export const handler = httpHandler('verify', async ({ body, services }) => {
  const outcome = await services.identities.identify(body.appKey, body.appToken, body.account);
  if (!outcome.valid) return ok({ valid: false, reason: outcome.reason });
  return ok({
    valid: true,
    account: outcome.account,
    owner: outcome.owner,
    appKey: outcome.key.appKey,
    name: outcome.key.name,
    roles: outcome.roles,
    permissions: outcome.permissions,
    tokenExpiresAt: outcome.token.expiresAt,
  });
});
