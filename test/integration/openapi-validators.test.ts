// The served OpenAPI document as strict third-party tools see it: the official OpenAPI 3.1 schema
// (@seriousme/openapi-schema-validator, in a child process because it is ESM-only), Redocly's
// linter, and the JSON Schema 2020-12 meta-schema for every schema the document holds (Ajv).
import { execFileSync } from 'node:child_process';
import Ajv2020 from 'ajv/dist/2020';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { TestApi } from '../helpers/api';

/** Every Schema Object of an OpenAPI 3.1 document, with where it sits. */
function schemasOf(doc: any): [string, unknown][] {
  const found: [string, unknown][] = Object.entries(doc.components.schemas).map(([id, s]) => [
    `components/schemas/${id}`,
    s,
  ]);
  for (const [id, h] of Object.entries<any>(doc.components.headers ?? {}))
    found.push([`components/headers/${id}`, h.schema]);
  for (const [path, ops] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(ops)) {
      const at = `${method.toUpperCase()} ${path}`;
      for (const p of op.parameters ?? []) found.push([`${at} parameter ${p.name}`, p.schema]);
      for (const [type, media] of Object.entries<any>(op.requestBody?.content ?? {}))
        found.push([`${at} request ${type}`, media.schema]);
      for (const [status, r] of Object.entries<any>(op.responses))
        for (const [type, media] of Object.entries<any>(r.content ?? {}))
          found.push([`${at} ${status} ${type}`, media.schema]);
    }
  }
  return found;
}

describe('the OpenAPI document, judged by independent validators', () => {
  let api: TestApi;
  let doc: any;
  let text: string;
  beforeAll(async () => {
    api = await TestApi.start();
    const reply = await api.request('GET', '/openapi.json');
    doc = reply.body;
    text = reply.text;
  });
  afterAll(() => api.stop());

  it('is valid against the official OpenAPI 3.1 schema', () => {
    const script = `
      import { Validator } from '@seriousme/openapi-schema-validator';
      let input = '';
      for await (const chunk of process.stdin) input += chunk;
      const result = await new Validator().validate(JSON.parse(input));
      process.stdout.write(JSON.stringify(result));`;

    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      input: text,
      encoding: 'utf8',
    });

    expect(JSON.parse(output)).toEqual({ valid: true });
  });

  it("passes Redocly's recommended rules", async () => {
    const config = await createConfig({
      extends: ['recommended'],
      rules: {
        // health and openapi.json cannot answer any 4xx: inventing one would be a lie.
        'operation-4xx-response': 'off',
        // A private service: no licence to state.
        'info-license': 'off',
      },
    });

    const problems = await lintFromString({ source: text, absoluteRef: 'openapi.json', config });

    expect(problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
  });

  it('holds only valid JSON Schema 2020-12 schemas (no fragment-only $id, no unknown keyword)', () => {
    const ajv = new Ajv2020({ strict: true });
    const schemas = schemasOf(doc);

    const invalid = schemas.flatMap(([where, schema]) =>
      ajv.validateSchema(schema as object) ? [] : [`${where}: ${ajv.errorsText(ajv.errors)}`],
    );

    expect(schemas.length).toBeGreaterThan(60);
    expect(invalid).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain('"$id"');
  });

  it('declares the credentials as two apiKey header schemes, required together', () => {
    expect(doc.components.securitySchemes).toEqual({
      appKey: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-API-AppKey' }),
      appToken: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-API-AppToken' }),
    });
    expect(doc.paths['/v1/settings'].get.security).toEqual([{ appKey: [], appToken: [] }]);
    expect(doc.paths['/v1/verify'].post.security).toEqual([]);
    const credentialParameters = Object.values<any>(doc.paths)
      .flatMap((ops) => Object.values<any>(ops))
      .flatMap((op) => op.parameters ?? [])
      .filter((p) => /^x-api-app(key|token)$/i.test(p.name));
    expect(credentialParameters).toEqual([]);
  });
});
