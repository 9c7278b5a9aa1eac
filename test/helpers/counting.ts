// Counters around the real adapters, to see what a request costs in storage reads and KMS calls.
// They wrap the real DynamoDB adapters and the real HMAC hasher: nothing is faked, only counted.
import type { AccountRepository, KeyRepository, TokenHasher } from '../../shared/ports';

export interface Costs {
  keyReads: number;
  accountReads: number;
  macs: number;
}

export const noCosts = (): Costs => ({ keyReads: 0, accountReads: 0, macs: 0 });

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
