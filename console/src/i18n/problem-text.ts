// Turns an API failure into plain words in the chosen language. Field errors stay with their field
// (see fieldError); this is the sentence shown next to the action that failed.
import type { ApiError } from '../api/api-error';
import type { Messages } from './messages-en';

export function problemText(t: Messages, error: ApiError): string {
  return t.problems[error.code] ?? t.problems.unknown ?? '';
}

/** The API's own explanation, shown under the plain sentence where it adds something specific. */
export function problemDetail(t: Messages, error: ApiError): string | null {
  const specific = ['forbidden', 'validation-error', 'confirmation-required', 'unknown'];
  if (!error.detail || !specific.includes(error.code)) return null;
  return t.problemDetail(error.detail);
}

/** The API's message for one request field (`roles[1]` belongs to `roles`), if it named one. */
export function fieldError(error: ApiError | null, field: string): string | null {
  if (!error) return null;
  const match = error.fieldErrors.find((e) => e.path === field || e.path.startsWith(`${field}[`));
  return match ? match.message : null;
}
