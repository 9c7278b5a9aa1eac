// Who is calling: established by authentication, and the account every action is confined to.
export interface Caller {
  account: string;
  appKey: string;
  roles: string[];
  permissions: string[];
}
