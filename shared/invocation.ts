// What every invocation does around its handler, whatever invoked it (API Gateway, the authorizer
// step, the scheduler): wait for the SDK clients to be traced, put the request ids on every log
// line, and at the end flush the metrics it recorded. None of it may fail an invocation.
import type { Context } from 'aws-lambda';
import type { Metrics } from './ports/metrics';
import { servicesInPlace } from './service-registry';
import { logger } from './logger';
import { tracingReady } from './adapters/tracing';

/**
 * Only in Lambda, where one container runs one invocation at a time: the local runtime serves
 * concurrent requests in one process, where per-request keys on the one logger would mislabel the
 * lines of the others (its request lines carry their requestId themselves).
 */
const IN_LAMBDA = Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME);

export async function beginInvocation(context: Context | undefined, requestId?: string): Promise<void> {
  await tracingReady();
  if (!IN_LAMBDA) return;
  try {
    // function_request_id (Lambda's, as in the REPORT line and the trace), cold_start, function_name.
    if (context?.awsRequestId) logger.addContext(context);
    // API Gateway's request id, as in the access log and in every error answer's log line.
    if (requestId) logger.appendKeys({ requestId });
  } catch {
    // Missing ids on log lines are no reason to refuse a request.
  }
}

export function endInvocation(): void {
  try {
    // The services in place, whichever composition built them (full, or verification-only).
    servicesInPlace<{ metrics?: Metrics }>()?.metrics?.flush();
    if (IN_LAMBDA) logger.resetKeys();
  } catch {
    // A configuration that cannot build services already failed the request, louder.
  }
}

/** A non-HTTP handler (authorizer, expiry scan) with the same begin and end as the HTTP stack. */
export function observed<E, R>(
  handler: (event: E, context: Context) => Promise<R>,
  requestIdOf: (event: E) => string | undefined = () => undefined,
): (event: E, context: Context) => Promise<R> {
  return async (event, context) => {
    await beginInvocation(context, requestIdOf(event));
    try {
      return await handler(event, context);
    } finally {
      endInvocation();
    }
  };
}
