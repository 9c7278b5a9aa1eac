// Authentication of a management call or an authorizer request: key + token to a Caller, or 401.
// Management calls act in the key's own account only (no `account`): an external grant never
// manages keys. The authorizer may pass the target account of X-API-Account.
import { unauthorized } from '../domain/errors';
import type { Caller } from './caller';
import type { Identities } from './identify';

export async function authenticate(
  identities: Identities,
  appKey: string | undefined,
  token: string | undefined,
  account?: string,
): Promise<Caller> {
  if (!appKey || !token) throw unauthorized();
  const outcome = await identities.identify(appKey, token, account);
  if (!outcome.valid) throw unauthorized();
  return {
    account: outcome.account,
    owner: outcome.owner,
    appKey: outcome.key.appKey,
    roles: outcome.roles,
    permissions: outcome.permissions,
  };
}
