// The middy stack of every authenticated or schema-checked HTTP handler: the shared base
// (handler-core.ts: security headers, request log, problem+json, header normalization, deadline),
// then authentication + permission -> input parsing (size limit, JSON, zod).
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import { DomainError, forbidden, notFound, validationError } from '../domain/errors';
import { ROLE_ID_PATTERN } from '../domain/roles';
import { parseAppKey } from '../domain/ids';
import { getServices, type Services } from '../composition';
import { routeNamed, type HandlerName, type Route } from '../routes';
import { authenticate } from '../use-cases/authenticate';
import type { Caller } from '../use-cases/caller';
import type { RequestOrigin } from '../domain/audit';
import { parseWith, readJsonBody } from './request-parsing';
import { requestSchemas, type RequestSchemaName } from './schemas';
import type { ApiResult } from './responses';
import { baseStack, bounded, originOf, type MiddyRequest } from './handler-core';
import { observability } from './observability';

type RouteOf<N extends HandlerName> = Extract<Route, { handler: N }>;
type SchemaOutput<S> = S extends RequestSchemaName ? z.output<(typeof requestSchemas)[S]> : undefined;
type BodyOf<N extends HandlerName> = RouteOf<N> extends { body: infer S } ? SchemaOutput<S> : undefined;
type QueryOf<N extends HandlerName> = RouteOf<N> extends { query: infer S } ? SchemaOutput<S> : undefined;
type CallerOf<N extends HandlerName> = RouteOf<N> extends { auth: 'key' } ? Caller : null;

export interface ApiRequest<N extends HandlerName> {
  event: APIGatewayProxyEventV2;
  headers: Record<string, string | undefined>;
  body: BodyOf<N>;
  query: QueryOf<N>;
  /** The {appKey} path parameter, checked for shape (a malformed one is a 404). */
  appKey: string;
  /** The {roleId} path parameter, checked for shape (a malformed one is a 404). */
  roleId: string;
  caller: CallerOf<N>;
  /** Where the request came from, for the audit log of public routes (callers carry their own). */
  origin: RequestOrigin;
  services: Services;
}

export function httpHandler<N extends HandlerName>(
  name: N,
  handle: (request: ApiRequest<N>) => Promise<ApiResult>,
) {
  const route = routeNamed(name);
  const stack = baseStack(observability(route))
    .use({
      before: async (request: MiddyRequest) => {
        const services = getServices();
        const { event } = request;
        const api = request.context.api!;
        // Who is asking comes first: without valid credentials nothing about the input is judged.
        if (route.auth === 'key') {
          const headers = event.headers ?? {};
          api.caller = {
            ...(await authenticate(services.identities, headers['x-api-appkey'], headers['x-api-apptoken'])),
            origin: originOf(event),
          };
          // X-API-Account is the authorizer's (an external key acting in a granting account); a
          // management call always acts in the key's own account, so naming another is refused
          // rather than silently run somewhere the caller did not mean.
          const target = headers['x-api-account'];
          if (target !== undefined && target !== api.caller.account) {
            throw validationError("Management calls act in the key's own account.", [
              {
                path: 'X-API-Account',
                message: `This key belongs to '${api.caller.account}'; omit the header.`,
              },
            ]);
          }
          if (route.permission && !api.caller.permissions.includes(route.permission)) {
            throw forbidden(`This key lacks the '${route.permission}' permission.`);
          }
        }
        // Management routes reject unknown query parameters as they reject unknown body fields;
        // public routes (health, openapi, verify, the 404 catch-all) ignore a query they do not take.
        if (route.query || route.auth === 'key') {
          const schema = requestSchemas[route.query ?? 'NoQuery'];
          api.query = parseWith(schema, event.queryStringParameters ?? {}, 'query string');
        }
        const appKey = event.pathParameters?.appKey;
        if (appKey !== undefined) {
          if (!parseAppKey(appKey)) throw notFound();
          api.appKey = appKey;
        }
        const roleId = event.pathParameters?.roleId;
        if (roleId !== undefined) {
          if (!ROLE_ID_PATTERN.test(roleId))
            throw new DomainError('not-found', 'No such role in this account.');
          api.roleId = roleId;
        }
        if (route.body) {
          const raw = readJsonBody(event.body, event.isBase64Encoded, services.config.MAX_BODY_BYTES);
          api.body = parseWith(requestSchemas[route.body], raw, 'body');
        }
      },
    })
    .handler(async (event, context) => {
      const api = context.api!;
      return handle({
        event,
        headers: event.headers ?? {},
        body: api.body as BodyOf<N>,
        query: api.query as QueryOf<N>,
        appKey: api.appKey,
        roleId: api.roleId,
        caller: api.caller as CallerOf<N>,
        origin: originOf(event),
        services: getServices(),
      });
    });
  // Only a write route needs its deadline known to its unit of work (deadline.ts); a read route's
  // one write is lastUsedAt bookkeeping. In the local server, where every route shares a process,
  // one GET /v1/keys would otherwise turn on promise hooks for every later verification.
  return bounded(stack, { writes: route.access === 'write' });
}
