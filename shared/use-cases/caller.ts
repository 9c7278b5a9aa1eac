// Who is calling: established by authentication, and the account every action is confined to.
import type { Actor, RequestOrigin } from '../domain/audit';

export interface Caller {
  account: string;
  appKey: string;
  roles: string[];
  permissions: string[];
  /** Where the request came from, for the audit log (absent outside HTTP requests). */
  origin?: RequestOrigin;
}

export const actorOf = (caller: Caller): Actor => ({ type: 'key', appKey: caller.appKey });
