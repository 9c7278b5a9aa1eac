// The body of POST /v1/verify, judged by the verify function itself with plain checks: the hottest
// function bundles no schema library. The OpenAPI document describes the same body with the full
// zod schema (schemas.ts VerifyBody); test/unit/verify-body.test.ts holds the two to the same
// verdicts and field paths.
import type { FieldError } from '../domain/errors';
import { ACCOUNT_PATTERN } from '../domain/ids';

export interface VerifyInput {
  appKey: string;
  appToken: string;
  account?: string;
}

const FIELDS = new Set(['appKey', 'appToken', 'account']);
const MAX = 200;

type Verdict = { success: true; data: VerifyInput } | { success: false; errors: FieldError[] };

export function judgeVerifyBody(body: unknown): Verdict {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { success: false, errors: [{ path: '', message: 'Expected an object.' }] };
  }
  const input = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const field of ['appKey', 'appToken'] as const) {
    const value = input[field];
    if (typeof value !== 'string') errors.push({ path: field, message: `${field} must be a string.` });
    else if (value.length > MAX) errors.push({ path: field, message: `At most ${MAX} characters.` });
  }
  if (
    input.account !== undefined &&
    (typeof input.account !== 'string' || !ACCOUNT_PATTERN.test(input.account))
  ) {
    errors.push({ path: 'account', message: 'Not an account name.' });
  }
  for (const field of Object.keys(input))
    if (!FIELDS.has(field)) errors.push({ path: field, message: 'Unknown field.' });
  if (errors.length > 0) return { success: false, errors };
  const { appKey, appToken, account } = input as unknown as VerifyInput;
  return {
    success: true,
    data: account === undefined ? { appKey, appToken } : { appKey, appToken, account },
  };
}
