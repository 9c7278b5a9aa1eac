// DELETE /v1/keys/{appKey}?confirm=true: permanent; without the confirmation nothing happens.
import { httpHandler } from '../shared/http/middleware';
import { noContent } from '../shared/http/responses';

export const handler = httpHandler('delete-key', async ({ appKey, query, caller, services }) => {
  await services.keyEditing.delete(caller, appKey, query.confirm === 'true');
  return noContent();
});
