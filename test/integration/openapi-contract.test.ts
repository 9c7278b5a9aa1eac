// What each operation of the OpenAPI document promises, derived from the route table, and the
// response check that every integration test runs (test/helpers/contract-check.ts) catching a
// service that answers something the document does not list.
import { buildOpenApi } from '../../shared/openapi';
import { routes, type RouteDefinition } from '../../shared/routes';
import { PROBLEM_BASE } from '../../shared/http/problem';
import { ContractCheck } from '../helpers/contract-check';

const doc: any = buildOpenApi();
const documented = (routes as readonly RouteDefinition[]).filter((r) => r.path !== '$default');
const op = (route: RouteDefinition) => doc.paths[route.path][route.method.toLowerCase()];
const statuses = (route: RouteDefinition) => Object.keys(op(route).responses).map(Number);
const codesAt = (route: RouteDefinition, status: number): string[] =>
  op(route).responses[String(status)].content[
    'application/problem+json'
  ].schema.allOf[1].properties.type.enum.map((t: string) => t.slice(PROBLEM_BASE.length));
const named = (handler: string) => documented.find((r) => r.handler === handler)!;

describe('the statuses each operation declares', () => {
  it.each(['health', 'openapi', 'whoami'])('%s declares no 400: it takes no input', (handler) => {
    expect(statuses(named(handler))).not.toContain(400);
  });

  it('verify declares 503: it reads storage', () => {
    expect(statuses(named('verify'))).toEqual(expect.arrayContaining([200, 400, 413, 500, 503]));
  });

  it.each(['create-key', 'renew-token', 'activate-key', 'deactivate-key'])(
    '%s declares 409 conflict',
    (handler) => {
      expect(codesAt(named(handler), 409)).toContain('conflict');
    },
  );

  it.each(documented.filter((r) => r.body).map((r) => [r.handler, r] as const))(
    '%s takes a body, so declares 413 payload-too-large',
    (_h, route) => {
      expect(codesAt(route, 413)).toEqual(['payload-too-large']);
    },
  );

  it('whoami declares API Gateway bodies for 401 and 403, not problem+json', () => {
    const { responses } = op(named('whoami'));

    for (const status of ['401', '403']) {
      expect(responses[status].content).toEqual({
        'application/json': { schema: { $ref: '#/components/schemas/GatewayMessage' } },
      });
    }
  });

  it.each(documented.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s declares every problem code its route lists, at its status',
    (_name, route) => {
      for (const code of route.problems ?? []) {
        const status = doc.paths[route.path][route.method.toLowerCase()].responses;
        const declared = Object.values<any>(status).flatMap(
          (r) => r.content?.['application/problem+json']?.schema.allOf[1].properties.type.enum ?? [],
        );
        expect(declared).toContain(PROBLEM_BASE + code);
      }
    },
  );

  it('declares the contract headers where they are sent', () => {
    const create = op(named('create-key')).responses;
    const renew = op(named('renew-token')).responses;

    expect(Object.keys(create['201'].headers)).toEqual(['ETag', 'Location']);
    expect(Object.keys(op(named('get-key')).responses['200'].headers)).toEqual(['ETag']);
    expect(Object.keys(create['503'].headers)).toEqual(['Retry-After']);
    expect(Object.keys(renew['409'].headers)).toEqual(['Retry-After']);
    expect(op(named('update-key')).parameters.map((p: any) => p.name)).toContain('If-Match');
  });
});

describe('the response check every integration test runs', () => {
  const check = new ContractCheck(buildOpenApi() as any);
  const headers = (h: Record<string, string>) => new Headers(h);
  const problem = (code: string, status: number) =>
    JSON.stringify({ type: PROBLEM_BASE + code, title: 't', status, detail: 'd' });
  const json = { 'content-type': 'application/json' };
  const problemJson = { 'content-type': 'application/problem+json' };

  it('accepts a conforming answer', () => {
    const found = check.problems({
      method: 'GET',
      path: '/health',
      status: 200,
      headers: headers(json),
      text: '{"status":"ok"}',
    });

    expect(found).toEqual([]);
  });

  it.each([
    [
      'an undeclared status',
      'GET',
      '/health',
      400,
      problemJson,
      problem('validation-error', 400),
      /status 400/,
    ],
    [
      'a code the route does not declare, at a declared status',
      'POST',
      '/v1/keys/apk-abc-01H00000000000000000000000/activate',
      409,
      problemJson,
      problem('renewal-pending', 409),
      /body\/type must be equal to one of the allowed values/,
    ],
    [
      'a missing ETag',
      'GET',
      '/v1/keys/apk-abc-01H00000000000000000000000',
      200,
      json,
      '{}',
      /ETag is missing/,
    ],
    [
      'an undeclared Retry-After',
      'GET',
      '/v1/keys/apk-abc-01H00000000000000000000000',
      404,
      { ...problemJson, 'retry-after': '1' },
      problem('not-found', 404),
      /retry-after is sent but not declared/,
    ],
    [
      'a wrong media type',
      'GET',
      '/v1/settings',
      401,
      json,
      problem('unauthorized', 401),
      /content-type application\/json/,
    ],
    ['a body off its schema', 'GET', '/health', 200, json, '{"status":"fine"}', /body\/status/],
  ])('rejects %s', (_case, method, path, status, h, text, message) => {
    const found = check.problems({ method, path, status, headers: headers(h), text });

    expect(found.join('\n')).toMatch(message);
  });
});
