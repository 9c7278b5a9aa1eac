// The one table from problem code to HTTP status, and the one renderer of application/problem+json
// (RFC 9457). Unexpected errors are rendered without their details: no stack, no internal names.
import {
  DomainError,
  RequestInFlightError,
  UnavailableError,
  type FieldError,
  type ProblemCode,
} from '../domain/errors';
import type { RouteDefinition } from '../routes';

export const PROBLEM_BASE = 'https://apikeys.dev/problems/';

export const PROBLEMS: Record<ProblemCode | 'internal-error', { status: number; title: string }> = {
  'validation-error': { status: 400, title: 'The request is not valid' },
  'confirmation-required': { status: 400, title: 'Confirmation required' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not found' },
  'renewal-pending': { status: 409, title: 'A renewal is pending' },
  'no-pending-renewal': { status: 409, title: 'No renewal is pending' },
  'last-admin-key': { status: 409, title: 'Last admin key' },
  conflict: { status: 409, title: 'Concurrent change' },
  'precondition-failed': { status: 412, title: 'Precondition failed' },
  'payload-too-large': { status: 413, title: 'Payload too large' },
  'idempotency-mismatch': { status: 422, title: 'Idempotency key reused' },
  'role-in-use': { status: 409, title: 'Role in use' },
  'role-predefined': { status: 409, title: 'Predefined role' },
  'limit-exceeded': { status: 409, title: 'Limit exceeded' },
  'service-unavailable': { status: 503, title: 'Service unavailable' },
  'internal-error': { status: 500, title: 'Internal error' },
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export interface RenderedProblem {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export function problemOf(error: unknown): Problem {
  if (error instanceof DomainError) {
    const { status, title } = PROBLEMS[error.code];
    return {
      type: PROBLEM_BASE + error.code,
      title,
      status,
      detail: error.message,
      ...(error.code === 'validation-error' ? { errors: error.errors ?? [] } : {}),
    };
  }
  const { status, title } = PROBLEMS['internal-error'];
  return { type: PROBLEM_BASE + 'internal-error', title, status, detail: 'An unexpected error occurred.' };
}

export function renderProblem(error: unknown): RenderedProblem {
  const problem = problemOf(error);
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (error instanceof UnavailableError || error instanceof RequestInFlightError)
    headers['retry-after'] = String(error.retryAfterSeconds);
  return { statusCode: problem.status, headers, body: JSON.stringify(problem) };
}

export type AnswerCode = ProblemCode | 'internal-error';

/**
 * Every problem a route can answer: the codes its use case throws (the route table's `problems`)
 * and the ones the shared middleware adds by the route's shape, decided here from the same fields
 * the middleware branches on (http/middleware.ts). The OpenAPI document lists exactly these.
 */
export function routeProblems(route: RouteDefinition): AnswerCode[] {
  const codes = new Set<AnswerCode>(route.problems ?? []);
  // Input: a body (size limit, JSON, schema) or a query (management routes judge any query).
  if (route.body || route.query || route.auth === 'key') codes.add('validation-error');
  if (route.body) codes.add('payload-too-large');
  // A malformed {appKey} is a 404, like a key of another account.
  if (route.path.includes('{appKey}')) codes.add('not-found');
  if (route.auth === 'key') codes.add('unauthorized');
  if (route.permission) codes.add('forbidden');
  // Whatever reads storage or KMS (authentication does) can meet an outage or the request deadline.
  if (route.auth === 'key' || route.access !== 'none') codes.add('service-unavailable');
  if (route.path === '$default') codes.add('not-found');
  // A defect is possible anywhere; it is rendered without details (problemOf).
  codes.add('internal-error');
  return [...codes];
}
