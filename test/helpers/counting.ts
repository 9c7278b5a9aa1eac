// Counters around the real adapters, to see what a request costs in storage reads and KMS calls.
// They wrap the real DynamoDB adapters and the real HMAC hasher: nothing is faked, only counted.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccountRepository, KeyRepository, TokenHasher } from '../../shared/ports';
import type { GrantStore, RoleStore } from '../../shared/ports/roles';
import { loadConfig } from '../../shared/config';
import type { Identities } from '../../shared/use-cases/identify';
import { buildVerification, type VerificationParts } from '../../shared/verification-services';

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

/** Items read from the table, by the command that read them (GetItem counts 1 when found). */
export interface ItemReads {
  GetCommand: number;
  QueryCommand: number;
  BatchGetCommand: number;
  /** The sort keys of every item a Query or BatchGetItem returned, in order. */
  sortKeys: string[];
}

export const noItemReads = (): ItemReads => ({
  GetCommand: 0,
  QueryCommand: 0,
  BatchGetCommand: 0,
  sortKeys: [],
});

/**
 * Counts every item the client's reads return, by adding a step to its middleware stack (the real
 * client and the real DynamoDB Local answer; the counter only looks). Reset `reads` to start over.
 */
export function countItemReads(db: DynamoDBDocumentClient): { reads: ItemReads } {
  const counter = { reads: noItemReads() };
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const out = result.output as {
        Item?: unknown;
        Items?: Array<Record<string, unknown>>;
        Responses?: Record<string, Array<Record<string, unknown>>>;
      };
      const command = context.commandName as keyof Omit<ItemReads, 'sortKeys'>;
      const items = out.Items ?? Object.values(out.Responses ?? {}).flat();
      if (command in counter.reads) counter.reads[command] += out.Item ? 1 : items.length;
      // Whether the document client has unmarshalled the items yet depends on the step order.
      const sk = (i: Record<string, unknown>): string =>
        typeof i.SK === 'object' ? String((i.SK as { S?: string }).S) : String(i.SK);
      counter.reads.sortKeys.push(...items.map(sk));
      return result;
    },
    { step: 'initialize', name: 'countItemReads' },
  );
  return counter;
}

/**
 * The verification core exactly as the composition builds it (buildVerification), over counted
 * adapters and with every cache empty: what one cold-container verification costs.
 */
export function countedIdentities(parts: VerificationParts, costs: Costs, ttlSeconds = 60): Identities {
  return buildVerification(
    {
      keys: countingKeys(parts.keys, costs),
      accounts: countingAccounts(parts.accounts, costs),
      access: countingAccess(parts.access, costs),
      hasher: countingHasher(parts.hasher, costs),
      clock: parts.clock,
    },
    { ...loadConfig({}), VERIFY_CACHE_TTL_SECONDS: ttlSeconds, SETTINGS_CACHE_TTL_SECONDS: ttlSeconds },
  ).identities;
}
