// Bootstrap: make sure an account exists and mint a key with the owner role for an operator.
// It runs with the operator's own storage credentials, so no API caller is involved.
import { ACCOUNT_PATTERN } from '../domain/ids';
import { validationError } from '../domain/errors';
import type { Clock, KeyStore } from '../ports';
import type { KeyService, KeyWithToken } from './manage-keys';

export async function bootstrapAccount(
  deps: { store: KeyStore; keys: KeyService; clock: Clock },
  account: string,
  name = 'Bootstrap owner key',
): Promise<KeyWithToken> {
  if (!ACCOUNT_PATTERN.test(account)) {
    throw validationError('The account name is not valid.', [
      { path: 'account', message: 'Must match ^[a-z][a-z0-9]{2,29}$.' },
    ]);
  }
  await deps.store.ensureAccount(account, deps.clock.now());
  return deps.keys.issue(account, { name, roles: ['owner'] });
}
