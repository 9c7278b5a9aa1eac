// Which AWS SDK failures are outages (503, retry later) and which are defects (500, page someone).
// Only a dependency that did not answer, answered "busy" or answered with its own 5xx is an outage;
// a ValidationException, an AccessDenied from a missing grant or a marshalling TypeError is a bug
// in this service or its deployment, and disguising it as an outage would hide it from the alarms.
import { UnavailableError } from '../domain/errors';

/** Client-side failures to reach a dependency in time (smithy, Node's net stack, our deadline). */
const UNREACHABLE = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'AbortError',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'NetworkingError',
]);

/** Service answers that mean "not now": throttling and the services' own unavailability. */
const BUSY = new Set([
  'ThrottlingException',
  'Throttling',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'LimitExceededException', // KMS: request quota exceeded
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'KMSInternalException',
  'DependencyTimeoutException',
  'KeyUnavailableException',
  'TransactionInProgressException',
]);

interface SdkErrorShape {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

export function isOutage(error: unknown): boolean {
  if (error instanceof UnavailableError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const e = error as SdkErrorShape;
  if ((e.name && (UNREACHABLE.has(e.name) || BUSY.has(e.name))) || (e.code && UNREACHABLE.has(e.code)))
    return true;
  const status = e.$metadata?.httpStatusCode;
  return status !== undefined && status >= 500;
}

/**
 * Rethrows an SDK failure in domain terms: an outage becomes UnavailableError (503, Retry-After),
 * anything else is rethrown as it is and ends as a 500 `internal-error`.
 */
export function rethrowSdkError(error: unknown): never {
  if (error instanceof UnavailableError) throw error;
  if (isOutage(error)) throw new UnavailableError(1, (error as SdkErrorShape).name ?? 'Unavailable');
  throw error;
}
