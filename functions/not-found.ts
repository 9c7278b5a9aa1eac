// Catch-all ($default): any unknown method or path is a 404 problem+json, never a gateway default.
import { httpHandler } from '../shared/http/middleware';
import { notFound } from '../shared/domain/errors';

export const handler = httpHandler('not-found', async () => {
  throw notFound('No such route.');
});
