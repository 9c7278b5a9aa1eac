// GET /v1/external-keys/{appKey}: one grant of this account.
import { httpHandler } from '../shared/http/middleware';
import { ok, withEtag } from '../shared/http/responses';

export const handler = httpHandler('get-external-key', async ({ appKey, caller, services }) => {
  const grant = await services.externalKeys.get(caller, appKey);
  return ok(grant, withEtag(grant.version));
});
