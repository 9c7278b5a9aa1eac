// Every failed API call becomes an ApiError carrying the problem+json code, so screens can say in
// plain words what went wrong (i18n/problem-text.ts) next to the control that caused it.
import type { FieldError, Problem } from './types';

const PROBLEM_BASE = 'https://apikeys.dev/problems/';

/** A code from API.md's problem table, or one of ours for failures that never reached the API. */
export type ProblemCode = string;

export class ApiError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly status: number,
    readonly detail: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  static fromProblem(status: number, body: unknown): ApiError {
    if (isProblem(body)) {
      const code = body.type.startsWith(PROBLEM_BASE) ? body.type.slice(PROBLEM_BASE.length) : 'unknown';
      return new ApiError(code, body.status, body.detail, body.errors ?? []);
    }
    // API Gateway's own answers (throttling, authorizer denials) are not problem+json.
    return new ApiError(status === 401 || status === 403 ? 'unauthorized' : 'unknown', status, '');
  }

  static network(): ApiError {
    return new ApiError('network', 0, '');
  }
}

function isProblem(body: unknown): body is Problem {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Problem).type === 'string' &&
    typeof (body as Problem).status === 'number'
  );
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('unknown', 0, String(error));
}
