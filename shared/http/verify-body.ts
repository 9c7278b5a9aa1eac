// The body of POST /v1/verify, for the verify function itself: zod/mini, so the hottest function
// does not bundle full zod. The OpenAPI document describes the same body with the full schema
// (schemas.ts VerifyBody); test/unit/verify-body.test.ts holds the two to the same answers.
import * as z from 'zod/mini';
import { ACCOUNT_PATTERN } from '../domain/ids';

const bounded = (what: string) => z.string(`${what} must be a string.`).check(z.maxLength(200, 'Too long.'));

export const VerifyBodyMini = z.strictObject({
  appKey: bounded('appKey'),
  appToken: bounded('appToken'),
  account: z.optional(
    z.string('account must be a string.').check(z.regex(ACCOUNT_PATTERN, 'Not an account name.')),
  ),
});

export type VerifyInput = z.infer<typeof VerifyBodyMini>;
