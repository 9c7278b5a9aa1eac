// GET /v1/keys: one page of the account's keys, newest first, with search and filters.
import { httpHandler } from '../shared/http/middleware';
import { ok } from '../shared/http/responses';
import { decodeCursor, encodeCursor } from '../shared/http/cursor';

export const handler = httpHandler('list-keys', async ({ query, caller, services }) => {
  const { cursor, ...filters } = query;
  const page = await services.keyQueries.list(caller, { ...filters, after: decodeCursor(cursor) });
  return ok({ items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null });
});
