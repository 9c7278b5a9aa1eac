// Opaque pagination cursors (API.md "Pagination").
import { DomainError } from '../../shared/domain/errors';
import { ulid } from '../../shared/domain/ids';
import { decodeCursor, encodeCursor } from '../../shared/http/cursor';

const AFTER = ulid(Date.parse('2026-11-26T12:00:00.000Z'), new Uint8Array(10).fill(9));
const b64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
    return (error as DomainError).code;
  }
  return undefined;
};

describe('pagination cursor', () => {
  it('round-trips the position it was made from', () => {
    expect(decodeCursor(encodeCursor(AFTER))).toBe(AFTER);
  });

  it('is URL-safe and does not show the position in clear text', () => {
    const cursor = encodeCursor(AFTER);

    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain(AFTER);
  });

  it('means the first page when absent', () => {
    expect(decodeCursor(undefined)).toBeNull();
  });

  it('rejects garbage as a validation error naming the cursor', () => {
    for (const cursor of ['', 'not a cursor', '!!!', 'e30', b64url('null'), b64url('[]'), b64url('5')]) {
      expect(codeOf(() => decodeCursor(cursor))).toBe('validation-error');
    }
  });

  it('rejects a cursor of another version', () => {
    for (const v of [0, 2, '1', null]) {
      expect(codeOf(() => decodeCursor(b64url(JSON.stringify({ v, after: AFTER }))))).toBe(
        'validation-error',
      );
    }
    expect(codeOf(() => decodeCursor(b64url(JSON.stringify({ after: AFTER }))))).toBe('validation-error');
  });

  it('rejects a position that is not a ULID', () => {
    const positions: unknown[] = [
      AFTER.toLowerCase(),
      AFTER.slice(1),
      `${AFTER}0`,
      'apk-shop-' + AFTER,
      'IIIIIIIIIIIIIIIIIIIIIIIIII',
      42,
      null,
    ];
    for (const after of positions) {
      expect(codeOf(() => decodeCursor(b64url(JSON.stringify({ v: 1, after }))))).toBe('validation-error');
    }
  });
});
