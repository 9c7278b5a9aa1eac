// The OpenAPI 3.1 document, generated from the route table and the zod schemas, so the document,
// the validators and the deployed routes cannot drift apart.
import * as z from 'zod';
import { routes, type RouteDefinition } from './routes';
import { PROBLEMS } from './http/problem';
import { requestSchemas } from './http/schemas';

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const idOf = (schema: z.ZodType): string | undefined =>
  z.globalRegistry.get(schema)?.id as string | undefined;

function schemaFor(schema: z.ZodType) {
  const id = idOf(schema);
  return id ? ref(id) : z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

const problemResponse = (code: string) => ({
  description: `${code}`,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

function operation(route: RouteDefinition) {
  const parameters: unknown[] = [];
  if (route.path.includes('{appKey}')) {
    parameters.push({
      name: 'appKey',
      in: 'path',
      required: true,
      schema: { type: 'string', pattern: '^apk-[a-z][a-z0-9]{2,29}-[0-9A-HJKMNP-TV-Z]{26}$' },
    });
  }
  if (route.query) {
    const query = requestSchemas[route.query] as z.ZodObject;
    for (const [name, field] of Object.entries(query.shape)) {
      parameters.push({
        name,
        in: 'query',
        required: false,
        schema: z.toJSONSchema(field as z.ZodType, { io: 'input', unrepresentable: 'any' }),
      });
    }
  }
  if (route.auth === 'key' || route.auth === 'authorizer') {
    parameters.push({ name: 'X-API-AppKey', in: 'header', required: true, schema: { type: 'string' } });
    parameters.push({ name: 'X-API-AppToken', in: 'header', required: true, schema: { type: 'string' } });
  }
  if (route.sealsSecrets) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      schema: { type: 'string', maxLength: 255 },
    });
  }
  if (route.handler === 'update-key') {
    parameters.push({ name: 'If-Match', in: 'header', required: false, schema: { type: 'string' } });
  }
  const codes = new Set(['validation-error', ...(route.problems ?? [])]);
  if (route.auth !== 'none') ['unauthorized', 'service-unavailable'].forEach((c) => codes.add(c));
  if (route.permission) codes.add('forbidden');
  const responses: Record<string, unknown> = {
    [String(route.success)]: route.response
      ? { description: route.summary, content: { 'application/json': { schema: ref(route.response) } } }
      : { description: route.summary },
  };
  for (const code of codes) {
    const status = PROBLEMS[code as keyof typeof PROBLEMS]?.status;
    if (status) responses[String(status)] = problemResponse(code);
  }
  return {
    operationId: route.handler.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
    summary: route.summary,
    ...(route.permission ? { description: `Needs the \`${route.permission}\` permission.` } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body && route.body !== 'EmptyBody'
      ? {
          requestBody: {
            required: route.body !== 'RenewBody',
            content: { 'application/json': { schema: schemaFor(requestSchemas[route.body]) } },
          },
        }
      : {}),
    responses,
  };
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
  for (const schema of Object.values(schemas)) delete (schema as { $schema?: string }).$schema;
  return {
    openapi: '3.1.0',
    info: {
      title: 'API key service',
      version: '1.0.0',
      description:
        'Generate, verify, renew and expire API keys per account. Errors are application/problem+json.',
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas },
  };
}
