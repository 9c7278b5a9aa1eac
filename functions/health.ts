// GET /health: liveness only; it touches no dependency, so it cannot leak anything.
import { httpHandler } from '../shared/http/middleware';
import { ok } from '../shared/http/responses';

export const handler = httpHandler('health', async () => ok({ status: 'ok' }));
