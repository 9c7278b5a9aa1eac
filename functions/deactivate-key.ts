// POST /v1/keys/{appKey}/deactivate: the key stops authenticating at once (idempotent).
import { httpHandler } from '../shared/http/middleware';
import { ok, withEtag } from '../shared/http/responses';

export const handler = httpHandler('deactivate-key', async ({ appKey, caller, services }) => {
  const key = await services.keyEditing.setActive(caller, appKey, false);
  return ok(key, withEtag(key.version));
});
