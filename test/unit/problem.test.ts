// Errors as application/problem+json (API.md "Conventions" and the table of codes).
import {
  DomainError,
  forbidden,
  notFound,
  unauthorized,
  UnavailableError,
  validationError,
  type ProblemCode,
} from '../../shared/domain/errors';
import { PROBLEM_BASE, problemOf, renderProblem } from '../../shared/http/problem';

const header = (headers: Record<string, string>, name: string): string | undefined =>
  Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

/** The table of API.md, plus the two codes the implementation adds for HTTP-level failures. */
const API_TABLE: [ProblemCode, number][] = [
  ['validation-error', 400],
  ['confirmation-required', 400],
  ['unauthorized', 401],
  ['forbidden', 403],
  ['not-found', 404],
  ['renewal-pending', 409],
  ['no-pending-renewal', 409],
  ['last-admin-key', 409],
  ['precondition-failed', 412],
  ['idempotency-mismatch', 422],
  ['service-unavailable', 503],
];

describe('problem rendering', () => {
  it.each(API_TABLE)('renders %s with status %i as problem+json', (code, status) => {
    const rendered = renderProblem(new DomainError(code, 'Something about the request.'));
    const body = JSON.parse(rendered.body);

    expect(rendered.statusCode).toBe(status);
    expect(header(rendered.headers, 'content-type')).toBe('application/problem+json');
    expect(body).toMatchObject({
      type: `https://apikeys.dev/problems/${code}`,
      status,
      detail: 'Something about the request.',
    });
    expect(typeof body.title).toBe('string');
    expect(body.title.length).toBeGreaterThan(0);
  });

  it('renders the implementation-specific codes with fitting statuses', () => {
    expect(renderProblem(new DomainError('payload-too-large', 'x')).statusCode).toBe(413);
    expect(renderProblem(new DomainError('conflict', 'x')).statusCode).toBe(409);
  });

  it('uses the documented problem type base', () => {
    expect(PROBLEM_BASE).toBe('https://apikeys.dev/problems/');
  });

  it('lists field errors for a validation error', () => {
    const body = JSON.parse(
      renderProblem(
        validationError('The body is not valid.', [{ path: 'roles[1]', message: 'Unknown role.' }]),
      ).body,
    );

    expect(body.errors).toEqual([{ path: 'roles[1]', message: 'Unknown role.' }]);
  });

  it('gives a validation error an errors array even when empty', () => {
    expect(problemOf(validationError('Bad.')).errors).toEqual([]);
  });

  it('has no errors member for problems that are not input errors', () => {
    expect(problemOf(forbidden('No.'))).not.toHaveProperty('errors');
    expect(problemOf(notFound())).not.toHaveProperty('errors');
  });

  it('maps the helper constructors to their codes', () => {
    expect(problemOf(unauthorized()).status).toBe(401);
    expect(problemOf(forbidden('No.')).status).toBe(403);
    expect(problemOf(notFound()).status).toBe(404);
    expect(problemOf(validationError('Bad.')).status).toBe(400);
  });

  it('gives one message for every authentication failure', () => {
    expect(problemOf(unauthorized()).detail).toBe(problemOf(unauthorized()).detail);
    expect(problemOf(unauthorized()).detail).not.toMatch(/token|expired|inactive/i);
  });

  describe('service unavailable', () => {
    it('is 503 with a Retry-After header', () => {
      const rendered = renderProblem(new UnavailableError());

      expect(rendered.statusCode).toBe(503);
      expect(header(rendered.headers, 'retry-after')).toBe('1');
      expect(JSON.parse(rendered.body).type).toBe('https://apikeys.dev/problems/service-unavailable');
    });

    it('carries the retry delay it was given', () => {
      expect(header(renderProblem(new UnavailableError(7)).headers, 'retry-after')).toBe('7');
    });

    it('does not reveal what failed underneath', () => {
      const rendered = renderProblem(new UnavailableError(1, 'ProvisionedThroughputExceededException'));

      expect(rendered.body).not.toContain('ProvisionedThroughputExceededException');
    });

    it('is the only problem with a Retry-After header', () => {
      for (const [code] of API_TABLE) {
        if (code === 'service-unavailable') continue;
        expect(header(renderProblem(new DomainError(code, 'x')).headers, 'retry-after')).toBeUndefined();
      }
    });
  });

  describe('an unexpected error', () => {
    it('is a 500 problem with a generic detail and nothing of the error', () => {
      const error = new TypeError("Cannot read properties of undefined (reading 'hash') at KeyStore.secret");

      const rendered = renderProblem(error);
      const body = JSON.parse(rendered.body);

      expect(rendered.statusCode).toBe(500);
      expect(header(rendered.headers, 'content-type')).toBe('application/problem+json');
      expect(body.status).toBe(500);
      expect(Object.keys(body).sort()).toEqual(['detail', 'status', 'title', 'type']);
      expect(rendered.body).not.toContain('hash');
      expect(rendered.body).not.toContain('KeyStore');
      expect(rendered.body).not.toContain('TypeError');
      expect(rendered.body).not.toContain('stack');
    });

    it('leaks no token placed in the error message', () => {
      const token = 'apt_' + 'Z'.repeat(49);

      expect(renderProblem(new Error(`bad ${token}`)).body).not.toContain(token);
    });

    it('handles thrown non-errors the same way', () => {
      for (const thrown of ['a string', 42, null, undefined, { secret: 'x' }]) {
        const rendered = renderProblem(thrown);
        expect(rendered.statusCode).toBe(500);
        expect(rendered.body).not.toContain('secret');
      }
    });
  });
});
