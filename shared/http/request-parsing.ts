// Turning an API Gateway v2 event into validated input: body size limit, JSON parsing, zod
// validation with field paths, path parameters and the conditional-request headers.
import type { z } from 'zod';
import { DomainError, validationError, type FieldError } from '../domain/errors';

export function zodErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const base = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ path: base ? `${base}.${k}` : k, message: 'Unknown field.' }));
    }
    return [{ path: base, message: issue.message }];
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) =>
      typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part),
    '',
  );
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(`The ${what} is not valid.`, zodErrors(parsed.error.issues));
  return parsed.data;
}

/** The raw JSON body: absent or blank counts as `{}`; too large is 413; malformed is 400. */
export function readJsonBody(
  body: string | undefined,
  isBase64: boolean | undefined,
  maxBytes: number,
): unknown {
  if (body === undefined || body === null) return {};
  const text = isBase64 ? Buffer.from(body, 'base64').toString('utf8') : body;
  if (Buffer.byteLength(text, 'utf8') > maxBytes) {
    throw new DomainError('payload-too-large', `The body is larger than ${maxBytes} bytes.`);
  }
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw validationError('The body is not valid JSON.', [{ path: '', message: 'Malformed JSON.' }]);
  }
}

/** `If-Match: "3"` (or W/"3", or 3) as a version; `*` or absent means no precondition. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?(?:"(\d{1,9})"|(\d{1,9}))\s*$/.exec(header);
  if (!match)
    throw validationError('If-Match must be an ETag such as "3".', [
      { path: 'If-Match', message: 'Not an ETag.' },
    ]);
  return Number(match[1] ?? match[2]);
}

const VISIBLE_ASCII = /^[\x21-\x7e]{1,255}$/;

export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!VISIBLE_ASCII.test(header)) {
    throw validationError('Idempotency-Key must be 1 to 255 visible ASCII characters.', [
      { path: 'Idempotency-Key', message: 'Not 1..255 visible ASCII characters.' },
    ]);
  }
  return header;
}
