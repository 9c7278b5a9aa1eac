// Bootstrap: make sure an account exists and mint a key with the owner role for an operator.
// It runs with the operator's own storage credentials, so no API caller is involved: the audit
// log records the key as created by `system`.
import { ACCOUNT_PATTERN } from '../domain/ids';
import { validationError } from '../domain/errors';
import type { AccountRepository, Clock } from '../ports';
import type { KeyView } from '../domain/key';
import type { KeyCreation } from './keys/create-key';

export async function bootstrapAccount(
  deps: { accounts: AccountRepository; keyCreation: KeyCreation; clock: Clock },
  account: string,
  name = 'Bootstrap owner key',
): Promise<{ key: KeyView; token: string }> {
  if (!ACCOUNT_PATTERN.test(account)) {
    throw validationError('The account name is not valid.', [
      { path: 'account', message: 'Must match ^[a-z][a-z0-9]{2,29}$.' },
    ]);
  }
  await deps.accounts.ensureAccount(account, deps.clock.now());
  return deps.keyCreation.issue(account, { name, roles: ['owner'] });
}
