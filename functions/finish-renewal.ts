// POST /v1/keys/{appKey}/token/finish-renewal: delete the old token of a pending renewal.
import { httpHandler } from '../shared/http/middleware';
import { ok, withEtag } from '../shared/http/responses';

export const handler = httpHandler('finish-renewal', async ({ appKey, caller, services }) => {
  const key = await services.renewal.finishRenewal(caller, appKey);
  return ok(key, withEtag(key.version));
});
