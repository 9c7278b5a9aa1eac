// Mapping between the domain's ApiKey and its DynamoDB item.
import type { ApiKey } from '../../domain/key';
import { parseAppKey } from '../../domain/ids';
import { accountPk, keySk } from './item-keys';

export type KeyItem = ApiKey & { PK: string; SK: string; type: 'key'; nameLower: string };

export function toKeyItem(key: ApiKey): KeyItem {
  const { id } = parseAppKey(key.appKey)!;
  return {
    PK: accountPk(key.account),
    SK: keySk(id),
    type: 'key',
    nameLower: key.name.toLowerCase(),
    ...key,
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
] as const;
