// PUT /v1/settings: change token settings; existing tokens follow the new duration.
import { httpHandler } from '../shared/http/middleware';
import { ok } from '../shared/http/responses';

export const handler = httpHandler('put-settings', async ({ body, caller, services }) =>
  ok(await services.settingsService.put(caller, body)),
);
