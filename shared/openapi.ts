// The OpenAPI 3.1 document, generated from the route table and the zod schemas, so the document,
// the validators and the deployed routes cannot drift apart. Everything an operation says (its
// credentials, headers and every status with its problem codes) is derived from the route's
// fields, so a route added to the table comes out right without touching this file.
import * as z from 'zod';
import { routes, type RouteDefinition } from './routes';
import { PROBLEM_BASE, PROBLEMS, routeProblems, type AnswerCode } from './http/problem';
import { requestSchemas } from './http/schemas';

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const headerRef = (id: string) => ({ $ref: `#/components/headers/${id}` });
const idOf = (schema: z.ZodType): string | undefined =>
  z.globalRegistry.get(schema)?.id as string | undefined;

/** A standalone JSON Schema: the dialect is the document's own, so no `$schema` of its own. */

/** The documented request body: parsed by the middleware (`body`) or read by the handler (`rawBody`). */
const bodyOf = (route: RouteDefinition) => route.body ?? route.rawBody;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const out: Record<string, unknown> = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  delete out.$schema;
  return out;
}

const schemaFor = (schema: z.ZodType) => {
  const id = idOf(schema);
  return id ? ref(id) : jsonSchema(schema, 'input');
};

/** The credentials of management calls: two headers, required together (one requirement object). */
const SECURITY_SCHEMES = {
  appKey: { type: 'apiKey', in: 'header', name: 'X-API-AppKey', description: 'The key (`apk-...`).' },
  appToken: { type: 'apiKey', in: 'header', name: 'X-API-AppToken', description: 'Its token (`apt_...`).' },
};
const KEY_AND_TOKEN = [{ appKey: [], appToken: [] }];

const HEADERS = {
  ETag: {
    description: 'The version of the key in the body, for `If-Match`.',
    required: true,
    schema: { type: 'string', pattern: '^"[0-9]+"$' },
  },
  Location: {
    description: 'The path of the created resource.',
    required: true,
    schema: { type: 'string', format: 'uri-reference' },
  },
  RetryAfter: {
    description: 'Seconds to wait before retrying.',
    required: true,
    schema: { type: 'integer', minimum: 0 },
  },
  RetryAfterWhenInFlight: {
    description: 'Set when another request on the same key was still in progress: seconds to wait.',
    required: false,
    schema: { type: 'integer', minimum: 0 },
  },
  ContentDisposition: {
    description: 'attachment; filename="..."',
    required: true,
    schema: { type: 'string' },
  },
};

/** API Gateway's own body when the Lambda authorizer denies (API.md: "as API Gateway does"). */
const GATEWAY_MESSAGE = {
  type: 'object',
  required: ['message'],
  properties: { message: { type: 'string' } },
  description: "API Gateway's own error body, not problem+json.",
};

/** Responses carrying one versioned object: its version is the ETag. */
const KEY_RESPONSES = new Set(['Key', 'KeyWithToken', 'Role', 'ExternalKey']);
/** Idempotent writes: they take an Idempotency-Key. */
const isIdempotent = (route: RouteDefinition) =>
  !!route.sealsSecrets || !!route.problems?.includes('idempotency-mismatch');

function parameters(route: RouteDefinition): unknown[] {
  const list: unknown[] = [];
  for (const [, name] of route.path.matchAll(/\{(\w+)\}/g)) {
    list.push({
      name,
      in: 'path',
      required: true,
      schema:
        name === 'appKey'
          ? { type: 'string', pattern: '^apk-[a-z][a-z0-9]{2,29}-[0-9A-HJKMNP-TV-Z]{26}$' }
          : name === 'roleId'
            ? { type: 'string', pattern: '^[a-z][a-z0-9-]{1,39}$' }
            : { type: 'string' },
    });
  }
  if (route.query) {
    const query = requestSchemas[route.query] as z.ZodObject;
    for (const [name, field] of Object.entries(query.shape)) {
      // The output side: `limit` is a string on the wire but an integer 1..100 to the reader.
      list.push({ name, in: 'query', required: false, schema: jsonSchema(field as z.ZodType, 'output') });
    }
  }
  if (isIdempotent(route)) {
    list.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'A retry with the same key and body within 24 h returns the first response.',
      schema: { type: 'string', pattern: '^[!-~]{1,255}$' },
    });
  }
  // Only a route that honours If-Match can answer 412.
  if (route.problems?.includes('precondition-failed')) {
    list.push({
      name: 'If-Match',
      in: 'header',
      required: false,
      description: 'The ETag of the version the change applies to; `*` or absent: any version.',
      schema: { type: 'string', pattern: '^\\s*(\\*|(W/)?"[0-9]{1,9}"|[0-9]{1,9})\\s*$' },
    });
  }
  return list;
}

function successResponse(route: RouteDefinition) {
  const headers: Record<string, unknown> = {};
  if (route.response && KEY_RESPONSES.has(route.response)) headers.ETag = headerRef('ETag');
  if (route.success === 201) headers.Location = headerRef('Location');
  if (route.path.endsWith('/export')) headers['Content-Disposition'] = headerRef('ContentDisposition');
  const content =
    route.success === 204
      ? undefined
      : { 'application/json': { schema: route.response ? ref(route.response) : { type: 'object' } } };
  return {
    description: route.summary,
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(content ? { content } : {}),
  };
}

/** One response per status; its schema pins `type` to the codes this route may answer with. */
function problemResponse(route: RouteDefinition, status: number, codes: AnswerCode[]) {
  const headers: Record<string, unknown> = {};
  if (status === 503) headers['Retry-After'] = headerRef('RetryAfter');
  // A conflict met a request still in progress (a twin with the same Idempotency-Key, a change to
  // the same key): RequestInFlightError says when to retry.
  if (codes.includes('conflict')) headers['Retry-After'] = headerRef('RetryAfterWhenInFlight');
  return {
    description: codes.map((c) => `\`${c}\`: ${PROBLEMS[c].title}`).join('; '),
    ...(Object.keys(headers).length ? { headers } : {}),
    content: {
      'application/problem+json': {
        schema: {
          allOf: [
            ref('Problem'),
            {
              type: 'object',
              properties: {
                type: { enum: codes.map((c) => PROBLEM_BASE + c) },
                status: { const: status },
              },
            },
          ],
        },
      },
    },
  };
}

function responses(route: RouteDefinition): Record<string, unknown> {
  const out: Record<string, unknown> = { [String(route.success)]: successResponse(route) };
  const byStatus = new Map<number, AnswerCode[]>();
  for (const code of routeProblems(route)) {
    const { status } = PROBLEMS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  if (route.auth === 'authorizer') {
    // API Gateway answers before the handler runs: its own bodies, never problem+json.
    for (const [status, says] of [
      [401, 'No credentials: {"message":"Unauthorized"} from API Gateway'],
      [403, 'Credentials refused by the authorizer: {"message":"Forbidden"} from API Gateway'],
    ] as const) {
      out[String(status)] = {
        description: says,
        content: { 'application/json': { schema: ref('GatewayMessage') } },
      };
      byStatus.delete(status);
    }
  }
  if (route.response === 'Health') {
    // Local runtime only (HEALTH_CHECKS_STORAGE): storage did not answer in time.
    out['503'] = {
      description: 'Storage does not answer (local runtime)',
      headers: { 'Retry-After': headerRef('RetryAfter') },
      content: { 'application/json': { schema: ref('HealthUnavailable') } },
    };
    byStatus.delete(503);
  }
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    out[String(status)] = problemResponse(route, status, codes);
  }
  return out;
}

function operation(route: RouteDefinition) {
  const params = parameters(route);
  const authenticated = route.auth === 'key' || route.auth === 'authorizer';
  const description = [
    route.permission ? `Needs the \`${route.permission}\` permission.` : '',
    route.auth === 'authorizer' ? 'Protected by the standalone Lambda authorizer.' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    operationId: route.handler.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
    summary: route.summary,
    ...(description ? { description } : {}),
    security: authenticated ? KEY_AND_TOKEN : [],
    ...(params.length ? { parameters: params } : {}),
    ...(bodyOf(route) && bodyOf(route) !== 'EmptyBody'
      ? {
          requestBody: {
            required: bodyOf(route) !== 'RenewBody',
            content: { 'application/json': { schema: schemaFor(requestSchemas[bodyOf(route)!]) } },
          },
        }
      : {}),
    responses: responses(route),
  };
}

/** Only the headers some operation sends (Content-Disposition waits for the export route). */
function usedHeaders(paths: unknown): Partial<typeof HEADERS> {
  const text = JSON.stringify(paths);
  return Object.fromEntries(
    Object.entries(HEADERS).filter(([id]) => text.includes(`"#/components/headers/${id}"`)),
  );
}

export function buildOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes as readonly RouteDefinition[]) {
    if (route.path === '$default') continue;
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  // Every schema with a meta id becomes a component; references between them stay references.
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  // A component is addressed by its place in the document: zod's `$id` would be a fragment-only
  // URI, which JSON Schema 2020-12 forbids, and `$schema` is the document's dialect anyway.
  const components: Record<string, unknown> = { GatewayMessage: GATEWAY_MESSAGE };
  for (const [id, schema] of Object.entries(schemas)) {
    const component: Record<string, unknown> = { ...schema };
    delete component.$id;
    delete component.$schema;
    components[id] = component;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'API key service',
      version: '1.1.0',
      description:
        'Generate, verify, renew and expire API keys per account. Errors are application/problem+json ' +
        '(RFC 9457) whose `type` is https://apikeys.dev/problems/{code}.',
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: components, headers: usedHeaders(paths), securitySchemes: SECURITY_SCHEMES },
  };
}
