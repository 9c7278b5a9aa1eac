// GET /v1/settings: the account's token settings (defaults until first changed).
import { httpHandler } from '../shared/http/middleware';
import { ok } from '../shared/http/responses';

export const handler = httpHandler('get-settings', async ({ caller, services }) =>
  ok(await services.settingsService.get(caller)),
);
