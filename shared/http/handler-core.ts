// The part of the middy stack every HTTP handler shares, in a fixed order:
//   security headers (after/onError) -> request log -> problem+json errors (onError) ->
//   header normalization
// and the request deadline around it. It imports neither the composition root nor the request
// schemas, so the hot public routes (verify, health: shared/http/public-handler.ts) bundle only
// what they use; every other route adds authentication and input parsing (middleware.ts).
// middy runs `after` and `onError` in reverse registration order, so on an error the problem
// renderer runs first, then the log line sees the final status, then security headers are added.
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { logger } from '../logger';
import type { Caller } from '../use-cases/caller';
import type { RequestOrigin } from '../domain/audit';
import { renderProblem } from './problem';
import type { ApiResult } from './responses';
import { securityHeaders, withSecurityHeaders } from './security-headers';
import { REQUEST_DEADLINE_MS, withDeadline } from './deadline';

/** What the middlewares learn about a request, for the handler and the log line. */
export interface Parsed {
  body: unknown;
  query: unknown;
  appKey: string;
  roleId: string;
  caller: Caller | null;
  startedAt: number;
}
export type ApiContext = Context & { api?: Parsed };
export type MiddyRequest = middy.Request<APIGatewayProxyEventV2, ApiResult, Error, ApiContext>;

/**
 * The shared stack: a route adds its own `before` middlewares and its handler. `outermost` (the
 * observability middleware) is registered first, so its `after` and `onError` run last.
 */
export const baseStack = (outermost: middy.MiddlewareObj<APIGatewayProxyEventV2, ApiResult, Error>) =>
  middy<APIGatewayProxyEventV2, ApiResult, Error, ApiContext>({ timeoutEarlyInMillis: 0 })
    .use(outermost)
    .use(securityHeaders())
    .use({ before: startLog, after: endLog, onError: endLog })
    .use({ onError: renderError })
    .use(httpHeaderNormalizer());

/** A finished stack as a Lambda handler that answers within REQUEST_DEADLINE_MS whatever happens. */
export function bounded(
  stack: (event: APIGatewayProxyEventV2, context: Context) => Promise<ApiResult>,
  options: { writes: boolean } = { writes: true },
) {
  return async (event: APIGatewayProxyEventV2, context: Context): Promise<ApiResult> => {
    const startedAt = Date.now();
    try {
      return await withDeadline(REQUEST_DEADLINE_MS, () => stack(event, context), options);
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
export const originOf = (event: APIGatewayProxyEventV2): RequestOrigin => ({
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
