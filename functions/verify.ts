// POST /v1/verify: does this key + token authenticate? For the systems that consume the keys.
import { httpHandler } from '../shared/http/middleware';
import { ok } from '../shared/http/responses';
import { permissionsOf } from '../shared/domain/access';

export const handler = httpHandler('verify', async ({ body, services }) => {
  const outcome = await services.verifier.verify(body.appKey, body.appToken);
  if (!outcome.valid) return ok({ valid: false, reason: outcome.reason });
  const { key, token } = outcome;
  return ok({
    valid: true,
    account: key.account,
    appKey: key.appKey,
    name: key.name,
    roles: key.roles,
    permissions: permissionsOf(key.roles),
    tokenExpiresAt: token.expiresAt,
  });
});
