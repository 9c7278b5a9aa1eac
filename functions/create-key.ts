// POST /v1/keys: generate a key and its first token (the only time the token is shown).
import { httpHandler } from '../shared/http/middleware';
import { json, withEtag } from '../shared/http/responses';
import { parseIdempotencyKey } from '../shared/http/request-parsing';

export const handler = httpHandler('create-key', async ({ body, caller, headers, services }) => {
  const idempotencyKey = parseIdempotencyKey(headers['idempotency-key']);
  const result = await services.keyCreation.create(
    caller,
    body,
    idempotencyKey ? { key: idempotencyKey, fingerprint: ['create-key', body] } : undefined,
  );
  return json(201, result, { location: `/v1/keys/${result.key.appKey}`, ...withEtag(result.key.version) });
});
