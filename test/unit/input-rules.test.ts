// The input rules of the contract, as tight in the code as in the OpenAPI document: names counted
// in characters and never blank, unique role ids of the right shape, a PATCH that changes
// something, `limit` in plain digits, and header formats the document states as the parser reads them.
import Ajv2020 from 'ajv/dist/2020';
import { normalizeName } from '../../shared/domain/key';
import { parseIdempotencyKey, parseIfMatch } from '../../shared/http/request-parsing';
import { CreateKeyBody, ListAuditQuery, ListKeysQuery, PatchKeyBody } from '../../shared/http/schemas';
import { buildOpenApi } from '../../shared/openapi';

const emoji = (n: number) => '😀'.repeat(n);
const issuesOf = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) =>
  result.success ? [] : result.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));

describe('key names', () => {
  it('counts characters, not UTF-16 units: 100 emoji are fine, 101 are too long', () => {
    expect(CreateKeyBody.safeParse({ name: emoji(51) }).success).toBe(true);
    expect(CreateKeyBody.safeParse({ name: emoji(100) }).success).toBe(true);
    expect(issuesOf(CreateKeyBody.safeParse({ name: emoji(101) }))).toEqual([
      { path: 'name', message: 'Must be at most 100 characters.' },
    ]);
    expect(normalizeName(emoji(100))).toBe(emoji(100));
    expect(() => normalizeName(emoji(101))).toThrow('The key name is not valid.');
  });

  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['zero-width spaces', '\u200b\u200b'],
    ['a byte-order mark and a word joiner', '\ufeff\u2060'],
    ['a zero-width joiner between spaces', ' \u200d '],
  ])('refuses a name of only %s as blank', (_case, name) => {
    expect(issuesOf(CreateKeyBody.safeParse({ name }))).toEqual([
      { path: 'name', message: 'Must not be blank.' },
    ]);
    expect(() => normalizeName(name)).toThrow('The key name is not valid.');
  });

  it('keeps a visible name with a zero-width character inside, trimmed', () => {
    expect(CreateKeyBody.parse({ name: '  a\u200bb ' }).name).toBe('a\u200bb');
  });

  it('states the same rule in the document: 1..100 code points, something visible', () => {
    const schema = (buildOpenApi().components.schemas as Record<string, any>).CreateKeyRequest;
    const validate = new Ajv2020().compile(schema.properties.name);

    expect([emoji(100), 'a'].map((n) => validate(n))).toEqual([true, true]);
    expect([emoji(101), '', '\u200b'].map((n) => validate(n))).toEqual([false, false, false]);
  });
});

describe('role lists', () => {
  it('refuses a role listed twice, naming the second entry', () => {
    expect(issuesOf(CreateKeyBody.safeParse({ name: 'a', roles: ['owner', 'key-viewer', 'owner'] }))).toEqual(
      [{ path: 'roles.2', message: "Role 'owner' is listed twice." }],
    );
  });

  it.each([['Owner'], ['a'], ['1abc'], ['has space'], ['x'.repeat(41)]])(
    'refuses %p, not a role id',
    (id) => {
      expect(issuesOf(PatchKeyBody.safeParse({ roles: [id] }))).toEqual([
        { path: 'roles.0', message: 'Not a role id.' },
      ]);
    },
  );
});

describe('PATCH bodies', () => {
  it('needs at least one field', () => {
    expect(PatchKeyBody.safeParse({}).success).toBe(false);
    expect(PatchKeyBody.safeParse({ active: false }).success).toBe(true);
  });
});

describe('limit', () => {
  it.each([ListKeysQuery, ListAuditQuery])('takes plain digits 1..100 and defaults to 50', (schema) => {
    expect(schema.parse({}).limit).toBe(50);
    expect(schema.parse({ limit: '1' }).limit).toBe(1);
    expect(schema.parse({ limit: '100' }).limit).toBe(100);
    for (const limit of ['1e2', ' 5', '5 ', '05', '0', '101', '5.0', '0x10', '', '-1'])
      expect({ limit, ok: schema.safeParse({ limit }).success }).toEqual({ limit, ok: false });
  });
});

describe('headers: the document states what the parser accepts', () => {
  const parameter = (path: string, method: string, name: string) =>
    new Ajv2020().compile(
      (buildOpenApi().paths as any)[path][method].parameters.find((p: { name: string }) => p.name === name)
        .schema,
    );
  const accepts = (parse: (v: string) => unknown) => (value: string) => {
    try {
      parse(value);
      return true;
    } catch {
      return false;
    }
  };

  it('Idempotency-Key: 1..255 visible ASCII', () => {
    const documented = parameter('/v1/keys', 'post', 'Idempotency-Key');
    const samples = ['a', '~!', 'x'.repeat(255), 'x'.repeat(256), '', 'a b', 'é', '\t', 'ok\u0000'];

    for (const sample of samples) {
      expect({ sample, documented: documented(sample) }).toEqual({
        sample,
        documented: accepts(parseIdempotencyKey)(sample),
      });
    }
  });

  it('If-Match: an entity tag or *', () => {
    const documented = parameter('/v1/keys/{appKey}', 'patch', 'If-Match');
    const samples = ['"3"', 'W/"3"', '3', '*', ' "3" ', '"a"', '"3", "4"', '', '"1234567890"'];

    for (const sample of samples) {
      expect({ sample, documented: documented(sample) }).toEqual({
        sample,
        documented: accepts(parseIfMatch)(sample),
      });
    }
  });
});
