// Mapping between the domain's ApiKey and its DynamoDB item.
import type { ApiKey } from '../../domain/key';
import { parseAppKey } from '../../domain/ids';
import { accountPk, keySk } from './item-keys';
import { EXPIRY_SHARDS } from './table-definition';

export type KeyItem = Omit<ApiKey, 'dueAt'> & {
  PK: string;
  SK: string;
  type: 'key';
  nameLower: string;
  /** Expiry index keys: present only while something is due (a sparse index). */
  dueShard?: string;
  dueAt?: string;
};

/** Spreads index writes over shards by a stable hash of the appKey. */
export function dueShardOf(appKey: string): string {
  let hash = 0;
  for (let i = 0; i < appKey.length; i++) hash = (hash * 31 + appKey.charCodeAt(i)) >>> 0;
  return `DUE#${hash % EXPIRY_SHARDS}`;
}

export function toKeyItem(key: ApiKey): KeyItem {
  const { id } = parseAppKey(key.appKey)!;
  const { dueAt, ...rest } = key;
  return {
    rolesRevision: 0,
    PK: accountPk(key.account),
    SK: keySk(id),
    type: 'key',
    nameLower: key.name.toLowerCase(),
    ...rest,
    ...(dueAt ? { dueAt, dueShard: dueShardOf(key.appKey) } : {}),
  };
}

export function fromKeyItem(item: Record<string, unknown>): ApiKey {
  const i = item as unknown as KeyItem;
  return {
    appKey: i.appKey,
    account: i.account,
    name: i.name,
    roles: i.roles ?? [],
    status: i.status,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    version: Number(i.version),
    tokens: i.tokens,
    renewal: i.renewal ?? null,
    renewalFlag: i.renewalFlag ?? null,
    lastUsedAt: i.lastUsedAt ?? null,
    share: i.share ?? null,
    leak: i.leak ?? null,
    dueAt: i.dueAt ?? null,
    ...(i.directoryShard === undefined ? {} : { directoryShard: Number(i.directoryShard) }),
    rolesRevision: Number(i.rolesRevision ?? 0),
  };
}

/** Attributes a lifecycle write owns; lastUsedAt is written separately and never overwritten here. */
export const LIFECYCLE_ATTRIBUTES = [
  'name',
  'nameLower',
  'roles',
  'status',
  'updatedAt',
  'version',
  'tokens',
  'renewal',
  'renewalFlag',
  'share',
  'leak',
  'rolesRevision',
] as const;

/** Index attributes: SET when due, REMOVEd otherwise (an index key may not be NULL). */
export const EXPIRY_INDEX_ATTRIBUTES = ['dueAt', 'dueShard'] as const;
