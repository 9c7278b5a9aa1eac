// The one table from problem code to HTTP status, and the one renderer of application/problem+json
// (RFC 9457). Unexpected errors are rendered without their details: no stack, no internal names.
import {
  DomainError,
  RequestInFlightError,
  UnavailableError,
  type FieldError,
  type ProblemCode,
} from '../domain/errors';

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
