// An account's custom roles and its external grants: the role catalog (one item per account, so a
// grant and a role deletion meet on one item and exactly one of them wins) and the grants.
import type { RoleCatalog } from '../domain/roles';
import type { ExternalGrant } from '../domain/external-grant';

export interface RoleStore {
  /** The account's catalog; an account without custom roles has the predefined catalog. */
  getCatalog(account: string): Promise<RoleCatalog>;
}

export interface GrantStore {
  /** The grant of `appKey` in `account`, or null. One GetItem. */
  getGrant(account: string, appKey: string): Promise<ExternalGrant | null>;
  /** Every grant of the account (at most 1,000, so one bounded Query). */
  listGrants(account: string): Promise<ExternalGrant[]>;
}
