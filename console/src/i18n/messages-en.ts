// English texts. This object defines the shape every other language must fill (messages-pt-br.ts).
import type { AlertLevel } from '../api/types';

type Advice = Record<Exclude<AlertLevel, 'none'>, { label: string; advice: string }>;

export const en = {
  appTitle: 'API keys',
  skipToContent: 'Skip to content',
  language: 'Language',
  signOut: 'Sign out',
  accountLabel: 'Account',
  keyLabel: 'Key',
  sectionsLabel: 'Console sections',
  loading: 'Loading…',
  close: 'Close',
  cancel: 'Cancel',
  required: 'Enter a value.',

  signInTitle: 'Sign in',
  signInIntro:
    'Paste an API key and its token. They are kept in this browser tab only and removed when you sign out or close the tab.',
  appKeyLabel: 'API key',
  appKeyHint: 'Looks like apk-yourstore-01J… (the key, not the token).',
  tokenLabel: 'API token',
  tokenHint: 'Starts with apt_.',
  signInButton: 'Sign in',
  signingIn: 'Signing in…',
  appKeyFormat: 'This is not an API key: it looks like apk-account- followed by 26 letters and digits.',
  tokenFormat: 'This is not an API token: it starts with apt_ and has 53 characters.',
  signInInvalid: 'The key or the token is wrong. Check that you pasted both completely.',
  signInInactive: 'This key is inactive. Ask an operator to activate it, or sign in with another key.',
  signInExpired: 'The token of this key has expired. Sign in with a renewed token.',
  signInNoView:
    'This key cannot view keys: it needs a role with the keys:view permission, such as Key viewer.',

  keysTab: 'Generated keys',
  settingsTab: 'Settings',
  searchLabel: 'Search by name or key',
  statusFilter: 'Status',
  statusAll: 'All statuses',
  alertFilter: 'Alert',
  alertAll: 'All alerts',
  alertNoneOption: 'No alert',
  active: 'Active',
  inactive: 'Inactive',
  generateKey: '+ Generate key',
  colKeyName: 'Key / Name',
  colTokenDuration: 'Token duration',
  colRoles: 'Roles',
  colCreated: 'Created',
  colStatus: 'Status',
  colActions: 'Actions',
  noKeys: 'No keys match these filters.',
  loadMore: 'Load more',
  keysShown: (n: number) => (n === 1 ? 'Showing 1 key.' : `Showing ${n} keys.`),
  tokenExpires: (date: string) => `Expires ${date}`,
  tokenExpired: (date: string) => `Expired ${date}`,
  pendingDeletion: 'Pending deletion',
  newToken: 'New token',
  noRoles: 'No roles',
  yourKey: 'Your key',
  actionsFor: (name: string) => `Actions for ${name}`,
  alerts: {
    expiring: {
      label: 'Expiring',
      advice: 'The token expires soon. Renew it and update the applications that use it.',
    },
    expired: {
      label: 'Expired',
      advice:
        'The token has expired. Renew it now: while expiry is enforced, applications using it are refused.',
    },
    'expired-critical': {
      label: 'Expired (critical)',
      advice: 'The token expired more than 90 days ago. Renew it, or delete the key if nothing uses it.',
    },
  } as Advice,

  menuEdit: 'Edit',
  menuDeactivate: 'Deactivate',
  menuActivate: 'Activate',
  menuRenew: 'Renew token',
  menuFinishRenewal: 'Delete old token',
  menuUndoRenewal: 'Undo renewal',
  menuDelete: 'Delete key',

  generateTitle: 'Generate key',
  nameLabel: 'Name',
  nameHint: 'What will use this key, for example “ERP integration”.',
  nameRequired: 'Enter a name for the key.',
  rolesLegend: 'Roles',
  rolesHint: 'None is selected: pick only the roles this key needs.',
  overPermissive:
    'Avoid over-permissive roles. Anyone holding this key can do everything its roles allow, so grant the least access that works.',
  managementWarning: (roles: string) =>
    `${roles} can manage keys or settings. Give such roles only to keys that administer this account.`,
  generate: 'Generate',
  working: 'Working…',
  tokenTitle: 'Copy the token now',
  tokenShownOnce:
    'This token is shown only once. Copy it and store it somewhere safe: it cannot be shown again, only renewed.',
  copy: 'Copy token',
  copied: 'Token copied to the clipboard.',
  copyFailed: 'Could not copy. Select the token and copy it by hand.',
  done: 'Done',

  editTitle: (name: string) => `Edit ${name}`,
  activeCheckbox: 'Active',
  activeHint: 'An inactive key cannot authenticate.',
  save: 'Save',

  deactivateTitle: 'Deactivate key?',
  deactivateBody: (name: string) =>
    `Applications using “${name}” stop authenticating at once. You can activate the key again later.`,
  deactivateConfirm: 'Yes, deactivate',

  renewTitle: (name: string) => `Renew the token of ${name}`,
  deleteOldLegend: 'Delete the old token',
  deleteOldLater: 'Later',
  deleteOldLaterHint:
    'Both tokens work until you delete the old one, so applications can move to the new token without downtime.',
  deleteOldNow: 'Now',
  deleteOldNowHint: 'The old token stops working at once.',
  renew: 'Renew',
  newTokenTitle: 'Copy the new token now',

  finishTitle: 'Delete the old token?',
  finishBody: (name: string) =>
    `The old token of “${name}” stops working at once. Make sure every application already uses the new token.`,
  finishConfirm: 'Delete old token',
  undoTitle: 'Undo the renewal?',
  undoBody: (name: string) => `The new token of “${name}” is deleted and the old token stays in use.`,
  undoConfirm: 'Undo renewal',

  deleteTitle: 'Delete key?',
  deleteBody: (name: string, appKey: string) =>
    `The key “${name}” (${appKey}) and its tokens are deleted for good. Applications using it stop authenticating.`,
  deleteUnderstand: 'I understand that this action cannot be undone',
  deleteConfirm: 'Delete key',

  settingsTitle: 'Token settings',
  settingsIntro: 'These settings apply to new and existing tokens of this account.',
  durationLegend: 'Token duration',
  durationDays: (days: number) => `${days} days`,
  recommended: '(recommended)',
  warningLabel: 'Warning before expiry (days)',
  warningHint: (max: number) =>
    `Keys show the “Expiring” alert this many days before their token expires: a whole number from 1 to ${max}.`,
  warningInvalid: (max: number) => `Enter a whole number from 1 to ${max}.`,
  enforceLabel: 'Enforce expiry',
  enforceHint: 'Expired tokens are refused. Turn this off only during a migration.',
  apply: 'Apply',
  applied: 'Settings applied.',
  lastChanged: (date: string) => `Last changed ${date}.`,
  neverChanged: 'Defaults, never changed.',

  problems: {
    'validation-error': 'Some values were not accepted. Check the fields marked below.',
    'confirmation-required': 'The deletion was not confirmed.',
    unauthorized:
      'Your sign-in is no longer valid: the key may have been deactivated, deleted or renewed. Sign out and sign in again.',
    forbidden: 'Your key is not allowed to do this.',
    'not-found': 'This key no longer exists: someone may have deleted it. Reload the list.',
    'renewal-pending': 'A renewal is already pending: delete the old token or undo the renewal first.',
    'no-pending-renewal': 'No renewal is pending for this key any more. Reload the list.',
    'last-admin-key':
      'This is the last active key that can manage keys; the account would be left without one. First give another active key the Owner or Key administrator role.',
    conflict: 'Someone changed this at the same moment. Try again.',
    'precondition-failed':
      'Someone changed this key while you were editing it. Close the dialog, check the new values and try again.',
    'idempotency-mismatch':
      'This request was already sent with different values. Close the dialog and retry.',
    'service-unavailable': 'The service is briefly unavailable. Nothing was changed; try again in a moment.',
    network: 'The API could not be reached. Check your connection and try again.',
    unknown: 'Something went wrong. Try again, and reload the page if it keeps happening.',
  } as Record<string, string>,
  problemDetail: (detail: string) => `Details from the API: ${detail}`,

  roles: {
    owner: { name: 'Owner', description: 'Full control of keys, settings and roles.' },
    'key-admin': {
      name: 'Key administrator',
      description: 'Generates, edits, renews and deletes keys; changes token settings.',
    },
    'key-viewer': { name: 'Key viewer', description: 'Reads keys and settings.' },
    'catalog-read': { name: 'Catalog read', description: 'Reads the catalog.' },
    'catalog-write': { name: 'Catalog write', description: 'Reads and changes the catalog.' },
    'orders-read': { name: 'Orders read', description: 'Reads orders.' },
    'orders-write': { name: 'Orders write', description: 'Reads and changes orders.' },
  } as Record<string, { name: string; description: string }>,
};

export type Messages = typeof en;
