// PATCH /v1/external-keys/{appKey}: roles or active state of a grant; If-Match pins its version.
import { httpHandler } from '../shared/http/middleware';
import { ok, withEtag } from '../shared/http/responses';
import { parseIfMatch } from '../shared/http/request-parsing';

export const handler = httpHandler(
  'update-external-key',
  async ({ appKey, body, caller, headers, services }) => {
    const grant = await services.externalKeys.edit(caller, appKey, body, parseIfMatch(headers['if-match']));
    return ok(grant, withEtag(grant.version));
  },
);
