// GET /v1/keys/{appKey}: one key of the caller's account.
import { httpHandler } from '../shared/http/middleware';
import { ok, withEtag } from '../shared/http/responses';

export const handler = httpHandler('get-key', async ({ appKey, caller, services }) => {
  const key = await services.keyQueries.get(caller, appKey);
  return ok(key, withEtag(key.version));
});
