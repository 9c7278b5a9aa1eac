// Opaque pagination cursors. They only carry a position inside the caller's own account (the
// account is never taken from the cursor), so a forged cursor can skip but never cross tenants.
import { validationError } from '../domain/errors';
import { ULID_PATTERN } from '../domain/ids';

export const encodeCursor = (after: string): string =>
  Buffer.from(JSON.stringify({ v: 1, after })).toString('base64url');

export function decodeCursor(cursor: string | undefined, position: RegExp = ULID_PATTERN): string | null {
  if (cursor === undefined) return null;
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      v?: unknown;
      after?: unknown;
    };
    if (decoded.v === 1 && typeof decoded.after === 'string' && position.test(decoded.after))
      return decoded.after;
  } catch {
    // fall through to the validation error
  }
  throw validationError('The cursor is not valid.', [
    { path: 'cursor', message: 'Use nextCursor from a previous page.' },
  ]);
}
