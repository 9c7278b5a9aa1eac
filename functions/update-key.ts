// PATCH /v1/keys/{appKey}: change name, roles or active state; If-Match pins the version.
import { httpHandler } from '../shared/http/middleware';
import { ok, withEtag } from '../shared/http/responses';
import { parseIfMatch } from '../shared/http/request-parsing';

export const handler = httpHandler('update-key', async ({ appKey, body, caller, headers, services }) => {
  const key = await services.keyEditing.edit(caller, appKey, body, parseIfMatch(headers['if-match']));
  return ok(key, withEtag(key.version));
});
