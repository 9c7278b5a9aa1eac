// The one place that builds DynamoDB primary keys. Everything of an account shares its partition,
// so listing is one Query and a key's partition is derived from its appKey without a lookup.
import { parseAppKey } from '../../domain/ids';

export const accountPk = (account: string): string => `ACCOUNT#${account}`;
export const ACCOUNT_SK = 'ACCOUNT';
export const KEY_SK_PREFIX = 'KEY#';
export const keySk = (id: string): string => `${KEY_SK_PREFIX}${id}`;
export const idempotencySk = (callerAppKey: string, keyHash: string): string =>
  `IDEM#${callerAppKey}#${keyHash}`;

export interface ItemKey {
  PK: string;
  SK: string;
}

/** The primary key of a key item, or null when `appKey` is not an appKey at all. */
export function keyItemKey(appKey: string): ItemKey | null {
  const parsed = parseAppKey(appKey);
  return parsed ? { PK: accountPk(parsed.account), SK: keySk(parsed.id) } : null;
}

/**
 * The account's search directory: a head item (which shard new keys go into, and whether every
 * key has an entry) and numbered shard items. One Query for the prefix `DIR` reads them all.
 */
export const DIRECTORY_SK_PREFIX = 'DIR';
export const DIRECTORY_HEAD_SK = 'DIRHEAD';
export const directoryShardKey = (account: string, shard: number): ItemKey => ({
  PK: accountPk(account),
  SK: `DIR#${String(shard).padStart(6, '0')}`,
});
export const directoryHeadKey = (account: string): ItemKey => ({
  PK: accountPk(account),
  SK: DIRECTORY_HEAD_SK,
});

export const accountItemKey = (account: string): ItemKey => ({ PK: accountPk(account), SK: ACCOUNT_SK });

/** Pending background jobs share one small partition: they are rare and short-lived. */
export const JOBS_PK = 'JOBS';
export const REEXPIRY_JOB_SK_PREFIX = 'REEXPIRY#';
export const reexpiryJobSk = (account: string): string => `${REEXPIRY_JOB_SK_PREFIX}${account}`;
