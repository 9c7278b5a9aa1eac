// Counters around the real adapters, to see what a request costs in storage reads and KMS calls.
// They wrap the real DynamoDB adapters and the real HMAC hasher: nothing is faked, only counted.
import type { AccountRepository, KeyRepository, TokenHasher } from '../../shared/ports';
import type { GrantStore, RoleStore } from '../../shared/ports/roles';

export interface Costs {
  keyReads: number;
  accountReads: number;
  macs: number;
  /** Reads of an account's role catalog and of external grants. */
  catalogReads?: number;
  grantReads?: number;
}

export const noCosts = (): Costs => ({ keyReads: 0, accountReads: 0, macs: 0 });

/** Costs that also count role catalog and grant reads from zero. */
export const noAccessCosts = (): Required<Costs> => ({ ...noCosts(), catalogReads: 0, grantReads: 0 });

/** Every storage read a cost record counts. */
export const readsOf = (costs: Costs): number =>
  costs.keyReads + costs.accountReads + (costs.catalogReads ?? 0) + (costs.grantReads ?? 0);

/** The same object with one method counted on its way through. */
function counting<T extends object>(inner: T, method: keyof T, count: () => void): T {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop !== method) return value.bind(target);
      return (...args: unknown[]) => (count(), value.apply(target, args));
    },
  });
}

export const countingKeys = (inner: KeyRepository, costs: Costs): KeyRepository =>
  counting(inner, 'getKey', () => costs.keyReads++);

export const countingAccounts = (inner: AccountRepository, costs: Costs): AccountRepository =>
  counting(inner, 'getAccount', () => costs.accountReads++);

export function countingHasher(inner: TokenHasher, costs: Costs): TokenHasher {
  return {
    get currentKeyId() {
      return inner.currentKeyId;
    },
    mac: (token, keyId) => (costs.macs++, inner.mac(token, keyId)),
  };
}

export function countingAccess<T extends RoleStore & GrantStore>(
  inner: T,
  costs: Costs,
): RoleStore & GrantStore {
  return {
    getCatalog: (account) => (
      (costs.catalogReads = (costs.catalogReads ?? 0) + 1),
      inner.getCatalog(account)
    ),
    getGrant: (account, appKey) => (
      (costs.grantReads = (costs.grantReads ?? 0) + 1),
      inner.getGrant(account, appKey)
    ),
    listGrants: (account) => inner.listGrants(account),
  };
}
