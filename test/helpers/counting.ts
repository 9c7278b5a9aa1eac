// Counters around the real adapters, to see what a request costs in storage reads and KMS calls.
// They wrap the real DynamoDB store and the real HMAC hasher: nothing is faked, only counted.
import type { KeyStore, TokenHasher } from '../../shared/ports';

export interface Costs {
  keyReads: number;
  accountReads: number;
  macs: number;
}

export const noCosts = (): Costs => ({ keyReads: 0, accountReads: 0, macs: 0 });

export function countingStore(inner: KeyStore, costs: Costs): KeyStore {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop === 'getKey') return (appKey: string) => (costs.keyReads++, target.getKey(appKey));
      if (prop === 'getAccount')
        return (account: string) => (costs.accountReads++, target.getAccount(account));
      return value.bind(target);
    },
  });
}

export function countingHasher(inner: TokenHasher, costs: Costs): TokenHasher {
  return {
    get currentKeyId() {
      return inner.currentKeyId;
    },
    mac: (token, keyId) => (costs.macs++, inner.mac(token, keyId)),
  };
}
