// GET /v1/external-keys: keys of other accounts this account granted roles to, newest first.
import { httpHandler } from '../shared/http/middleware';
import { ok } from '../shared/http/responses';
import { listExternalKeys } from '../shared/use-cases/external/list-external-keys';

export const handler = httpHandler('list-external-keys', async ({ query, caller, services }) =>
  ok(await listExternalKeys(services.access, caller.account, query)),
);
