// POST /v1/external-keys: grant roles to a key of another account.
import { httpHandler } from '../shared/http/middleware';
import { json, withEtag } from '../shared/http/responses';

export const handler = httpHandler('add-external-key', async ({ body, caller, services }) => {
  const grant = await services.externalKeys.add(caller, body);
  return json(201, grant, { location: `/v1/external-keys/${grant.appKey}`, ...withEtag(grant.version) });
});
