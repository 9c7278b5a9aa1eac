// POST /v1/shares/{shareId}/open: the token of a single-access link, exactly once. The secret comes
// in the body (it lives in the URL fragment, which browsers never send).
import { httpHandler } from '../shared/http/middleware';
import { ok } from '../shared/http/responses';

export const handler = httpHandler('open-share', async ({ event, body, origin, services }) =>
  ok(await services.shareLinks.open(event.pathParameters?.shareId ?? '', body.secret, origin)),
);
