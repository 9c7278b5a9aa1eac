// Typed domain errors. Each carries a machine `code`; shared/http/problem.ts is the one place that
// maps codes to HTTP status. Messages are written for the API caller and never contain secrets.

export type ProblemCode =
  | 'validation-error'
  | 'confirmation-required'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'renewal-pending'
  | 'no-pending-renewal'
  | 'last-admin-key'
  | 'conflict'
  | 'precondition-failed'
  | 'payload-too-large'
  | 'idempotency-mismatch'
  | 'role-in-use'
  | 'role-predefined'
  | 'limit-exceeded'
  | 'service-unavailable';

export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const validationError = (message: string, errors: FieldError[] = []): DomainError =>
  new DomainError('validation-error', message, errors);

export const notFound = (what = 'No such key in this account.'): DomainError =>
  new DomainError('not-found', what);

export const forbidden = (message: string): DomainError => new DomainError('forbidden', message);

export const unauthorized = (): DomainError =>
  // One message for every authentication failure: the caller learns nothing about which part failed.
  new DomainError('unauthorized', 'Missing or invalid API credentials.');

/** A request with the same Idempotency-Key is still being processed: retry shortly to get its result. */
export class RequestInFlightError extends DomainError {
  readonly retryAfterSeconds = 1;
  constructor(
    message = 'A request with this Idempotency-Key is still in progress; retry in a second to receive its result.',
  ) {
    super('conflict', message);
  }
}

/** Storage or KMS failed; nothing was changed and the caller may retry. */
export class UnavailableError extends DomainError {
  constructor(
    readonly retryAfterSeconds = 1,
    /** What failed underneath (an SDK error name), for logs only: never shown to the caller. */
    readonly cause_?: string,
  ) {
    super('service-unavailable', 'The service is temporarily unavailable; nothing was changed. Retry later.');
  }
}
