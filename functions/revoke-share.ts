// DELETE /v1/keys/{appKey}/share: revoke the key's unopened link (its token stays valid).
import { httpHandler } from '../shared/http/middleware';
import { noContent } from '../shared/http/responses';

export const handler = httpHandler('revoke-share', async ({ appKey, caller, services }) => {
  await services.shareLinks.revoke(caller, appKey);
  return noContent();
});
