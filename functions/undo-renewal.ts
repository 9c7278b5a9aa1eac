// POST /v1/keys/{appKey}/token/undo-renewal: delete the new token; the old one is active again.
import { httpHandler } from '../shared/http/middleware';
import { ok, withEtag } from '../shared/http/responses';

export const handler = httpHandler('undo-renewal', async ({ appKey, caller, services }) => {
  const key = await services.renewal.undoRenewal(caller, appKey);
  return ok(key, withEtag(key.version));
});
