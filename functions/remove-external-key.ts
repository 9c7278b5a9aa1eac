// DELETE /v1/external-keys/{appKey}?confirm=true: the key loses its roles in this account at once.
import { httpHandler } from '../shared/http/middleware';
import { noContent } from '../shared/http/responses';

export const handler = httpHandler('remove-external-key', async ({ appKey, query, caller, services }) => {
  await services.externalKeys.remove(caller, appKey, query.confirm === 'true');
  return noContent();
});
