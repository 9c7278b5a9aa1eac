// Authentication of a management call or an authorizer request: key + token to a Caller, or 401.
// The same verification core serves /v1/verify, the handlers and the Lambda authorizer.
import { unauthorized } from '../domain/errors';
import { permissionsOf } from '../domain/access';
import type { Caller } from './caller';
import type { Verifier } from './verify';

export async function authenticate(
  verifier: Verifier,
  appKey: string | undefined,
  token: string | undefined,
): Promise<Caller> {
  if (!appKey || !token) throw unauthorized();
  const outcome = await verifier.verify(appKey, token);
  if (!outcome.valid) throw unauthorized();
  const { key } = outcome;
  return {
    account: key.account,
    appKey: key.appKey,
    roles: key.roles,
    permissions: permissionsOf(key.roles),
  };
}
