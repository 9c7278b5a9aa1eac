// POST /v1/keys/{appKey}/token/renew: a new token (shown once, or through a single-access link);
// the old one deleted now or later.
import { httpHandler } from '../shared/http/middleware';
import { ok, withEtag } from '../shared/http/responses';
import { parseIdempotencyKey } from '../shared/http/request-parsing';

export const handler = httpHandler('renew-token', async ({ appKey, body, caller, headers, services }) => {
  const idempotencyKey = parseIdempotencyKey(headers['idempotency-key']);
  const result = await services.renewal.renew(
    caller,
    appKey,
    body.deleteOldToken,
    idempotencyKey ? { key: idempotencyKey, fingerprint: ['renew-token', appKey, body] } : undefined,
    body.delivery,
  );
  return ok(result, withEtag(result.key.version));
});
