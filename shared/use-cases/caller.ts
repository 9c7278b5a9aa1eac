// Who is calling: established by authentication, and the account every action is confined to.
import type { Actor, RequestOrigin } from '../domain/audit';

export interface Caller {
  /** The account the caller acts in. */
  account: string;
  /** The key's own account: differs from `account` only behind the authorizer, for an external key. */
  owner?: string;
  appKey: string;
  roles: string[];
  permissions: string[];
  /** Where the request came from, for the audit log (absent outside HTTP requests). */
  origin?: RequestOrigin;
}

export const actorOf = (caller: Caller): Actor => ({ type: 'key', appKey: caller.appKey });
