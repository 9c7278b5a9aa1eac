// External grants as items of the granting account's partition: SK `GRANT#{appKey}`, so the
// verification of an external key reads its grant with one GetItem, and the account's grants
// (at most 1,000) are one bounded Query.
import type { ExternalGrant } from '../../domain/external-grant';
import { accountPk, type ItemKey } from './item-keys';

export const GRANT_SK_PREFIX = 'GRANT#';

export const grantItemKey = (account: string, appKey: string): ItemKey => ({
  PK: accountPk(account),
  SK: `${GRANT_SK_PREFIX}${appKey}`,
});

export const toGrantItem = (grant: ExternalGrant): Record<string, unknown> => ({
  ...grantItemKey(grant.account, grant.appKey),
  type: 'grant',
  ...grant,
});

export function fromGrantItem(item: Record<string, unknown>): ExternalGrant {
  return {
    account: String(item.account),
    appKey: String(item.appKey),
    owner: String(item.owner),
    roles: (item.roles as string[] | undefined) ?? [],
    status: item.status === 'inactive' ? 'inactive' : 'active',
    addedAt: String(item.addedAt),
    updatedAt: String(item.updatedAt),
    version: Number(item.version),
    rolesRevision: Number(item.rolesRevision ?? 0),
  };
}
