// GET /v1/shares/{shareId}: who a single-access link is for. Public, and it consumes nothing, so
// link previews and chat unfurlers cannot burn the link.
import { httpHandler } from '../shared/http/middleware';
import { ok } from '../shared/http/responses';

export const handler = httpHandler('get-share', async ({ event, services }) =>
  ok(await services.shareLinks.view(event.pathParameters?.shareId ?? '')),
);
