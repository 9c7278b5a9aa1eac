// The HTTP stack's observability middleware (registered first, so its `after` and `onError` run
// last and see the final status): counts a successful authenticated request as a management
// action of its route, and begins and ends the invocation (shared/invocation.ts).
import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { actionMetric, countsAsAction } from '../ports/metrics';
import type { RouteDefinition } from '../routes';
import type { Metrics } from '../ports/metrics';
import { servicesInPlace } from '../service-registry';
import { beginInvocation, endInvocation } from '../invocation';
import type { ApiResult } from './responses';

type Request = middy.Request<APIGatewayProxyEventV2, ApiResult, Error, Context>;

export function observability(
  route: Pick<RouteDefinition, 'handler' | 'auth'>,
): middy.MiddlewareObj<APIGatewayProxyEventV2, ApiResult, Error> {
  const countsAction = countsAsAction(route);
  return {
    before: (request: Request) => beginInvocation(request.context, request.event.requestContext?.requestId),
    after: async (request: Request) => {
      if (countsAction && (request.response?.statusCode ?? 500) < 400) {
        try {
          servicesInPlace<{ metrics?: Metrics }>()?.metrics?.count(actionMetric(route.handler));
        } catch {
          // never fail a request over a metric
        }
      }
      endInvocation();
    },
    onError: async () => endInvocation(),
  };
}
