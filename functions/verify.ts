// POST /v1/verify: does this key + token authenticate, in its own account or (with `account`) as
// an external key of another account? For the systems that consume the keys. The hottest route:
// it builds only the verification services (shared/http/public-handler.ts).
import { publicHandler } from '../shared/http/public-handler';
import { ok } from '../shared/http/responses';
import { judgeVerifyBody } from '../shared/http/verify-body';
import { getVerificationServices } from '../shared/verification-services';

export const handler = publicHandler(
  'verify',
  getVerificationServices,
  judgeVerifyBody,
  async ({ body, services }) => {
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
  },
);
