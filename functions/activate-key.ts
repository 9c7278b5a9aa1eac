// POST /v1/keys/{appKey}/activate: idempotent; an active key stays at its version.
import { httpHandler } from '../shared/http/middleware';
import { ok, withEtag } from '../shared/http/responses';

export const handler = httpHandler('activate-key', async ({ appKey, caller, services }) => {
  const key = await services.keyEditing.setActive(caller, appKey, true);
  return ok(key, withEtag(key.version));
});
