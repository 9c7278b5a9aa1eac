// The one middy stack every HTTP handler shares, in a fixed order: observability (traced clients,
//   log ids, action counts, metrics flush: see observability.ts) -> security headers
//   (after/onError) -> request log -> problem+json errors (onError) ->
//   header normalization -> authentication + permission -> input parsing (size limit, JSON, zod).
// middy runs `after` and `onError` in reverse registration order, so on an error the problem
// renderer runs first, then the log line sees the final status, then security headers are added.
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import { DomainError, forbidden, notFound } from '../domain/errors';
import { ROLE_ID_PATTERN } from '../domain/roles';
import { parseAppKey } from '../domain/ids';
import { getServices, type Services } from '../composition';
import { logger } from '../logger';
import { routeNamed, type HandlerName, type Route } from '../routes';
import { authenticate } from '../use-cases/authenticate';
import type { Caller } from '../use-cases/caller';
import type { RequestOrigin } from '../domain/audit';
import { renderProblem } from './problem';
import { parseWith, readJsonBody } from './request-parsing';
import { requestSchemas, type RequestSchemaName } from './schemas';
import type { ApiResult } from './responses';
import { securityHeaders, withSecurityHeaders } from './security-headers';
import { REQUEST_DEADLINE_MS, withDeadline } from './deadline';
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

interface Parsed {
  body: unknown;
  query: unknown;
  appKey: string;
  roleId: string;
  caller: Caller | null;
  startedAt: number;
}
type ApiContext = Context & { api?: Parsed };
type MiddyRequest = middy.Request<APIGatewayProxyEventV2, ApiResult, Error, ApiContext>;

export function httpHandler<N extends HandlerName>(
  name: N,
  handle: (request: ApiRequest<N>) => Promise<ApiResult>,
) {
  const route = routeNamed(name);
  const stack = middy<APIGatewayProxyEventV2, ApiResult, Error, ApiContext>({ timeoutEarlyInMillis: 0 })
    .use(observability(route))
    .use(securityHeaders())
    .use({ before: startLog, after: endLog, onError: endLog })
    .use({ onError: renderError })
    .use(httpHeaderNormalizer())
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
  return async (event: APIGatewayProxyEventV2, context: Context): Promise<ApiResult> => {
    const startedAt = Date.now();
    try {
      return await withDeadline(REQUEST_DEADLINE_MS, () => stack(event, context));
    } catch (error) {
      // Only the deadline reaches here: middy renders every other error as problem+json.
      const response = withSecurityHeaders(renderProblem(error));
      logger.error('request failed', {
        route: event.routeKey,
        status: response.statusCode,
        durationMs: Date.now() - startedAt,
        requestId: event.requestContext?.requestId,
        error: (error as Error & { cause_?: string }).cause_ ?? (error as Error).name,
      });
      return response;
    }
  };
}

/** Where the request came from, as API Gateway reports it (the local runtime fills the same fields). */
const originOf = (event: APIGatewayProxyEventV2): RequestOrigin => ({
  requestId: event.requestContext?.requestId ?? null,
  sourceIp: event.requestContext?.http?.sourceIp || null,
  userAgent: event.requestContext?.http?.userAgent || null,
});

/** Checked once: even a filtered-out Powertools call reads the environment on every request. */
const DEBUG = logger.getLevelName() === 'DEBUG';

async function startLog(request: MiddyRequest): Promise<void> {
  request.context.api = {
    body: undefined,
    query: undefined,
    appKey: '',
    roleId: '',
    caller: null,
    startedAt: Date.now(),
  };
}

/** One line per request. Never the body, never headers: only what cannot hold a secret. */
async function endLog(request: MiddyRequest): Promise<void> {
  const api = request.context.api;
  const status = request.response?.statusCode ?? 500;
  const fields = {
    route: request.event.routeKey,
    status,
    durationMs: api ? Date.now() - api.startedAt : undefined,
    account: api?.caller?.account,
    callerKey: api?.caller?.appKey,
    requestId: request.event.requestContext?.requestId,
    error: request.error
      ? ((request.error as Error & { cause_?: string }).cause_ ?? request.error.name)
      : undefined,
  };
  // Successes are DEBUG: API Gateway's access log already records every request, and the hot
  // path (verification) should not pay for a second line. Refusals and failures stay visible.
  if (status >= 500) logger.error('request failed', fields);
  else if (status >= 400) logger.info('request refused', fields);
  else if (DEBUG) logger.debug('request', fields);
}

async function renderError(request: MiddyRequest): Promise<void> {
  request.response = renderProblem(request.error);
  // A defect, never an outage: the one message the internal-error alarm counts (infra/api-alarms.ts).
  if (request.response.statusCode >= 500 && request.response.statusCode !== 503) {
    logger.error('internal error', {
      route: request.event.routeKey,
      requestId: request.event.requestContext?.requestId,
      error: request.error,
    });
  }
}
