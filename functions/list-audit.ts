// GET /v1/audit: the account's audit log, newest first, filtered by key, action and time.
import { httpHandler } from '../shared/http/middleware';
import { ok } from '../shared/http/responses';
import { decodeCursor, encodeCursor } from '../shared/http/cursor';

/** An entry ULID, marked when the page ended on a mirror item (adapters/dynamodb/audit-item.ts). */
const AUDIT_POSITION = /^[0-9A-HJKMNP-TV-Z]{26}(\.m)?$/;

export const handler = httpHandler('list-audit', async ({ query, caller, services }) => {
  const { cursor, ...filter } = query;
  const page = await services.audit.list(caller, { ...filter, after: decodeCursor(cursor, AUDIT_POSITION) });
  return ok({ items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null });
});
