// Turning raw request parts into validated input: JSON bodies, If-Match, Idempotency-Key, zod errors.
import { z } from 'zod';
import { DomainError } from '../../shared/domain/errors';
import {
  parseIdempotencyKey,
  parseIfMatch,
  parseWith,
  readJsonBody,
  zodErrors,
} from '../../shared/http/request-parsing';
import { CreateKeyBody, PatchKeyBody, SettingsBody } from '../../shared/http/schemas';

const MAX = 1024;

const caught = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
};

describe('readJsonBody', () => {
  it('treats an absent or blank body as {}', () => {
    expect(readJsonBody(undefined, false, MAX)).toEqual({});
    expect(readJsonBody('', false, MAX)).toEqual({});
    expect(readJsonBody('  \n\t ', false, MAX)).toEqual({});
  });

  it('parses a JSON body', () => {
    expect(readJsonBody('{"name":"ERP","roles":["owner"]}', false, MAX)).toEqual({
      name: 'ERP',
      roles: ['owner'],
    });
  });

  it('rejects malformed JSON as a validation error', () => {
    for (const body of ['{', '{"name":}', "{'name':'x'}", 'name=ERP', '{"a":1}}']) {
      const error = caught(() => readJsonBody(body, false, MAX));
      expect(error.code).toBe('validation-error');
      expect(error.errors?.length).toBeGreaterThan(0);
    }
  });

  it('accepts a body of exactly the maximum size and rejects one byte more as payload-too-large', () => {
    const fits = JSON.stringify({ name: 'x'.repeat(MAX - 11) });
    expect(Buffer.byteLength(fits)).toBe(MAX);

    expect(readJsonBody(fits, false, MAX)).toEqual({ name: 'x'.repeat(MAX - 11) });
    expect(caught(() => readJsonBody(fits + ' ', false, MAX)).code).toBe('payload-too-large');
  });

  it('measures the size in UTF-8 bytes, not characters', () => {
    const body = JSON.stringify({ name: 'é'.repeat(600) }); // 611 characters, 1211 bytes

    expect(body.length).toBeLessThan(MAX);
    expect(caught(() => readJsonBody(body, false, MAX)).code).toBe('payload-too-large');
  });

  it('decodes a base64-encoded body before parsing it', () => {
    const encoded = Buffer.from('{"name":"Café"}', 'utf8').toString('base64');

    expect(readJsonBody(encoded, true, MAX)).toEqual({ name: 'Café' });
    expect(readJsonBody(Buffer.from('  ').toString('base64'), true, MAX)).toEqual({});
  });

  it('applies the size limit and the JSON check to a base64 body too', () => {
    const big = Buffer.from(JSON.stringify({ name: 'x'.repeat(MAX) })).toString('base64');
    const bad = Buffer.from('{oops').toString('base64');

    expect(caught(() => readJsonBody(big, true, MAX)).code).toBe('payload-too-large');
    expect(caught(() => readJsonBody(bad, true, MAX)).code).toBe('validation-error');
  });
});

describe('parseIfMatch', () => {
  it('means no precondition when absent or *', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('*')).toBeUndefined();
    expect(parseIfMatch(' * ')).toBeUndefined();
  });

  it('reads the version from "3", W/"3" and 3', () => {
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"3"')).toBe(3);
    expect(parseIfMatch('3')).toBe(3);
    expect(parseIfMatch(' "42" ')).toBe(42);
  });

  it('rejects anything else as a validation error naming If-Match', () => {
    for (const header of ['', 'abc', '"abc"', '"-1"', '"1.5"', '"3", "4"', 'W/3x', '"1234567890"', 'w/"3"']) {
      const error = caught(() => parseIfMatch(header));
      expect(error.code).toBe('validation-error');
      expect(error.errors).toEqual([expect.objectContaining({ path: 'If-Match' })]);
    }
  });
});

describe('parseIdempotencyKey', () => {
  it('is absent when the header is absent', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it('accepts 1 to 255 visible ASCII characters and returns them unchanged', () => {
    for (const key of ['a', '!', '~', 'order-2026-11-26#1', 'x'.repeat(255), '0123-ABCD-{}[]"\\']) {
      expect(parseIdempotencyKey(key)).toBe(key);
    }
  });

  it('rejects empty, too long, spaces, control and non-ASCII characters, naming the header', () => {
    for (const key of [
      '',
      'x'.repeat(256),
      'two words',
      ' lead',
      'tab\there',
      'new\nline',
      'del\x7f',
      'café',
    ]) {
      const error = caught(() => parseIdempotencyKey(key));
      expect(error.code).toBe('validation-error');
      expect(error.errors).toEqual([expect.objectContaining({ path: 'Idempotency-Key' })]);
    }
  });
});

describe('schema errors', () => {
  const pathsOf = (schema: z.ZodType, input: unknown): string[] =>
    caught(() => parseWith(schema, input, 'body')).errors!.map((e) => e.path);

  it('names array entries by index, like roles[1]', () => {
    expect(pathsOf(CreateKeyBody, { name: 'ERP', roles: ['owner', 5] })).toEqual(['roles[1]']);
  });

  it('names each unknown field with the message Unknown field.', () => {
    const error = caught(() => parseWith(CreateKeyBody, { name: 'ERP', colour: 'red', size: 3 }, 'body'));

    expect(error.code).toBe('validation-error');
    expect(error.errors).toEqual([
      { path: 'colour', message: 'Unknown field.' },
      { path: 'size', message: 'Unknown field.' },
    ]);
  });

  it('names nested unknown fields and nested array entries with dotted paths', () => {
    const schema = z.strictObject({
      outer: z.strictObject({ items: z.array(z.strictObject({ id: z.string() })) }),
    });

    expect(pathsOf(schema, { outer: { items: [{ id: 'a' }, { id: 1 }], extra: true } })).toEqual(
      expect.arrayContaining(['outer.items[1].id', 'outer.extra']),
    );
  });

  it('names missing and mistyped fields', () => {
    expect(pathsOf(SettingsBody, { tokenDurationDays: 45, expiryWarningDays: 14 })).toEqual(
      expect.arrayContaining(['tokenDurationDays', 'enforceExpiry']),
    );
  });

  it('uses the empty path for a whole-body rule', () => {
    expect(pathsOf(PatchKeyBody, {})).toEqual(['']);
  });

  it('returns the parsed value when valid, with defaults and trimming applied', () => {
    expect(parseWith(CreateKeyBody, { name: '  ERP  ' }, 'body')).toEqual({
      name: 'ERP',
      roles: [],
      delivery: 'response',
    });
  });

  it('says what was invalid in the message', () => {
    expect(caught(() => parseWith(CreateKeyBody, {}, 'request body')).message).toContain('request body');
  });

  it('converts raw zod issues to field errors', () => {
    const result = z.strictObject({ roles: z.array(z.string()) }).safeParse({ roles: ['a', 'b', 3], x: 1 });

    expect(result.success).toBe(false);
    expect(zodErrors(result.error!.issues)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'roles[2]' }),
        { path: 'x', message: 'Unknown field.' },
      ]),
    );
  });
});
