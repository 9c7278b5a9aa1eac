// GET /openapi.json: the OpenAPI 3.1 document, built once from the route table and the schemas.
import { httpHandler } from '../shared/http/middleware';
import { ok } from '../shared/http/responses';
import { buildOpenApi } from '../shared/openapi';

let document: unknown;

export const handler = httpHandler('openapi', async () => ok((document ??= buildOpenApi())));
