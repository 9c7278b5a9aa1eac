// Accounts of known sizes for listing, HTTP load and re-expiry: each gets an owner key through the
// real bootstrap use case (its token is the caller's credentials) plus seeded keys, older than the
// owner key, up to the account's size.
import { bootstrapAccount } from '../shared/use-cases/bootstrap';
import { authenticate } from '../shared/use-cases/authenticate';
import type { Caller } from '../shared/use-cases/caller';
import { DEFAULT_SETTINGS } from '../shared/domain/settings';
import type { BenchServices } from './setup';
import type { Credentials } from './micro';
import { keyItem, seededKey, writeItems } from './seed';

export interface SizedAccount {
  account: string;
  keys: number;
  owner: Credentials;
}

const MINUTE_MS = 60_000;

/** Creates one account per distinct size, named `list{size}`. */
export async function createSizedAccounts(
  bench: BenchServices,
  sizes: readonly number[],
): Promise<Map<number, SizedAccount>> {
  const { services } = bench;
  const accounts = new Map<number, SizedAccount>();
  const now = Date.now();
  for (const size of [...new Set(sizes)].sort((a, b) => a - b)) {
    const account = `list${size}`;
    const { key, token } = await bootstrapAccount(services, account);
    // Settings stay the defaults (no settings attribute), as on a freshly bootstrapped account.
    function* older(): Generator<Record<string, unknown>> {
      for (let i = 1; i < size; i++) {
        const spec = { account, settings: DEFAULT_SETTINGS, createdAtMs: now - i * MINUTE_MS };
        yield keyItem(seededKey(spec, services.hasher.currentKeyId, `integration ${i}`));
      }
    }
    await writeItems(bench.seeder, bench.tableName, older());
    accounts.set(size, { account, keys: size, owner: { appKey: key.appKey, token } });
  }
  return accounts;
}

export const callerOf = (bench: BenchServices, owner: Credentials): Promise<Caller> =>
  authenticate(bench.services.identities, owner.appKey, owner.token);
