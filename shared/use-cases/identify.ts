// Who a key + token is, and what it may do, in its own account or (API.md 1.1 "External keys") in
// another account that granted it roles. The same core serves POST /v1/verify, the management
// handlers (own account only) and the Lambda authorizer (X-API-Account).
//
// Storage reads on a cold cache: the key, its account's settings, the catalog of the account whose
// roles are reported (only when they include a custom role), and for an external verification the
// grant: one GetItem more than the same verification in the key's own account.
import type { ApiKey, TokenRecord } from '../domain/key';
import { ACCOUNT_PATTERN } from '../domain/ids';
import type { Verifier } from './verify';
import type { RoleSource } from './roles/role-source';
import type { GrantSource } from './external/grant-source';
import { NO_METRICS, verificationMetric, type Metrics } from '../ports/metrics';

export interface Identity {
  valid: true;
  key: ApiKey;
  token: TokenRecord;
  /** The account the key acts in: its own, or the one that granted it roles. */
  account: string;
  /** The key's own account. */
  owner: string;
  roles: string[];
  permissions: string[];
}

export type IdentityOutcome =
  Identity | { valid: false; reason: 'invalid' | 'inactive' | 'expired' | 'not-granted' };

export class Identities {
  constructor(
    readonly verifier: Verifier,
    private readonly roles: RoleSource,
    private readonly grants: GrantSource,
    private readonly metrics: Metrics = NO_METRICS,
  ) {}

  async identify(appKey: unknown, token: unknown, account?: string): Promise<IdentityOutcome> {
    const outcome = await this.judge(appKey, token, account);
    this.metrics.count(verificationMetric(outcome.valid ? 'valid' : outcome.reason));
    return outcome;
  }

  private async judge(appKey: unknown, token: unknown, account?: string): Promise<IdentityOutcome> {
    const outcome = await this.verifier.verify(appKey, token);
    if (!outcome.valid) return outcome;
    const { key } = outcome;
    if (account === undefined || account === key.account) {
      const catalog = await this.roles.forHolder(key.account, key.roles, key.rolesRevision);
      const roles = catalog.heldAsOf(key.roles, key.rolesRevision ?? 0);
      return {
        ...outcome,
        account: key.account,
        owner: key.account,
        roles,
        permissions: catalog.permissionsOf(roles),
      };
    }
    // Only a correct token learns anything about grants (`not-granted`, or `inactive` for a
    // deactivated grant); a name that is not an account cannot hold one.
    const grant = ACCOUNT_PATTERN.test(account) ? await this.grants.get(account, key.appKey) : null;
    if (!grant) return { valid: false, reason: 'not-granted' };
    if (grant.status !== 'active') return { valid: false, reason: 'inactive' };
    const catalog = await this.roles.forHolder(account, grant.roles, grant.rolesRevision);
    const roles = catalog.heldAsOf(grant.roles, grant.rolesRevision ?? 0);
    return { ...outcome, account, owner: key.account, roles, permissions: catalog.permissionsOf(roles) };
  }
}
