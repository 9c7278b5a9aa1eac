// English texts. This object defines the shape every other language must fill (messages-pt-br.ts).
import type { AlertLevel, AuditAction } from '../api/types';

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
  sessionEndedInactive:
    'You were signed out: this key was deactivated elsewhere. Ask an operator to activate it, or sign in with another key.',
  sessionEndedExpired: 'You were signed out: the token of this key expired. Sign in with a renewed token.',
  sessionEndedInvalid:
    'You were signed out: this key was deleted or its token is no longer valid (renewed or cut). Sign in with a valid key and token.',

  keysTab: 'Generated keys',
  settingsTab: 'Settings',
  activityTab: 'Activity',
  searchLabel: 'Search by name or key',
  statusFilter: 'Status',
  statusAll: 'All statuses',
  alertFilter: 'Alert',
  alertAll: 'All alerts',
  alertNoneOption: 'No alert',
  alertAttention: 'Needs attention',
  alertAttentionHint:
    'Expired (critical), expired, expiring, then keys whose old token awaits deletion, most urgent first.',
  active: 'Active',
  inactive: 'Inactive',
  generateKey: '+ Generate key',
  colKeyName: 'Key / Name',
  colTokenDuration: 'Token duration',
  colRoles: 'Roles',
  colCreated: 'Created',
  colLastUsed: 'Last used',
  neverUsed: 'Never',
  colStatus: 'Status',
  colActions: 'Actions',
  noKeys: 'No keys match these filters.',
  loadMore: 'Load more',
  /** `shown` is n in the locale's digits. More pages remain: the total is not known yet. */
  keysShown: (n: number, shown: string) =>
    n === 1 ? 'Showing 1 key; more can be loaded.' : `Showing ${shown} keys; more can be loaded.`,
  /** Every page is loaded: the count is the total for these filters. */
  keysTotal: (n: number, shown: string) =>
    n === 1 ? 'Showing the only key (1 in total).' : `Showing all ${shown} keys.`,
  /** Export of the filtered list (GET /v1/keys/export): two buttons in a labelled group. */
  export: {
    label: 'Export',
    csv: 'Export CSV',
    xlsx: 'Export XLSX',
    working: 'Exporting…',
    hint: 'Downloads every key that matches the filters above, not only the rows shown.',
    attention:
      '“Needs attention” is an order the console makes, so it cannot be exported. Choose one alert, or All alerts, to export.',
    done: (file: string) => `Downloaded ${file}.`,
  },
  keysLoadFailed: 'The keys could not be loaded.',
  tokenExpires: (relative: string) => `Expires ${relative}`,
  tokenExpired: (relative: string) => `Expired ${relative}`,
  copyKeyId: (appKey: string) => `Copy key ${appKey}`,
  keyIdCopied: 'Key copied.',
  keyIdCopyFailed: 'Could not copy. Select the key and copy it by hand.',
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
  menuRenewLeaked: 'Renew leaked token',
  leaked: {
    label: 'Leaked',
    advice: (where: string, when: string) =>
      `A token of this key was found in public code (${where}) on ${when} and was cut at once. Renew the token, update the applications that use it, then reactivate the key.`,
    somewhere: 'public code',
  },
  menuFinishRenewal: 'Delete old token',
  menuUndoRenewal: 'Undo renewal',
  menuHistory: 'History',
  menuDelete: 'Delete key',
  refusedOwnRenew: 'You cannot renew the key you are signed in with. Ask another key administrator.',
  refusedOwnDelete: 'You cannot delete the key you are signed in with.',
  refusedMorePrivileged: 'This key holds permissions your key does not have, so your key cannot change it.',

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
  /** Single-access share links: delivery choice, the link shown once, the table mark, the share page. */
  share: {
    deliveryLegend: 'How to hand over the token',
    deliveryLink: 'Single-access link (recommended)',
    deliveryLinkHint:
      'You get a link that shows the token once, to whoever opens it first, within 24 hours. Nobody sees the token here.',
    deliveryResponse: 'Show the token now',
    deliveryResponseHint: 'The token appears in the next step, once. Copy it before you close the dialog.',
    linkTitle: 'Copy the link now',
    linkShownOnce: (date: string) =>
      `This link is shown only once. It reveals the token a single time, until ${date}. Send it only to the person who needs the token.`,
    linkLabel: 'Single-access link',
    copyLink: 'Copy link',
    linkCopied: 'Link copied to the clipboard.',
    linkCopyFailed: 'Could not copy. Select the link and copy it by hand.',
    didYouCopy: 'Did you copy it?',
    didYouCopyLink:
      'The link is not shown again. If you close without copying it, revoke it and renew the token to get a new link.',
    didYouCopyToken:
      'The token is not shown again. If you close without copying it, you will have to renew it.',
    goBack: 'Go back',
    closeAnyway: 'Close without copying',
    unopened: (date: string) => `Link not opened · expires ${date}`,
    menuRevoke: 'Revoke link',
    revokeTitle: 'Revoke the link?',
    revokeBody: (name: string) =>
      `The unopened link of “${name}” stops working at once. Nobody has seen the token it carries: renew the token to hand over a new one.`,
    revokeConfirm: 'Revoke link',
    pageTitle: 'Token handover',
    heading: 'A token was shared with you',
    intro:
      'This single-access link holds a new token for the API key below. The token is shown once: after you reveal it, the link stops working.',
    keyName: 'Key name',
    validUntil: 'Link valid until',
    reveal: 'Reveal token',
    revealing: 'Revealing…',
    revealHint: 'Reveal it only when you are ready to copy it: it cannot be shown again.',
    revealedNotice:
      'This token will not be shown again: the link is now spent. Copy it and store it somewhere safe.',
    invalidTitle: 'This link does not work',
    invalid:
      'This link is not valid: it was already opened, it expired, it was revoked, or it never existed. Ask whoever sent it for a new link.',
    spent:
      'The token could not be revealed: this link was already opened (it opens only once), it expired or it was revoked. Ask whoever sent it for a new link.',
    noSecret:
      'This address is incomplete: the part after “#” is missing. Open the link exactly as you received it.',
  },

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
  impactCounting: 'Counting the tokens this change affects…',
  impactNone: 'No token changes alert with these settings.',
  /** How many tokens the new settings move into each alert; shown before Apply and in the confirmation. */
  impact: (expiring: number, expired: number, fmt: (n: number) => string) =>
    `Applying this moves ${expiring === 1 ? '1 token' : `${fmt(expiring)} tokens`} into “Expiring” and ${
      expired === 1 ? '1 token' : `${fmt(expired)} tokens`
    } into “Expired”.`,
  impactEstimate: (keys: number, fmt: (n: number) => string) =>
    `Estimate from the first ${fmt(keys)} keys: the account has more, so the real numbers may be higher.`,
  impactUnknown: 'The affected tokens could not be counted.',
  confirmApplyTitle: 'Apply the new token settings?',
  confirmApplyBody: 'Every existing token of this account gets the new expiry at once.',
  confirmApply: 'Yes, apply',

  activityIntro: 'Every change to the keys and settings of this account, newest first.',
  activityKeyLabel: 'Key',
  activityKeyHint: 'A whole API key: what it did and what was done to it.',
  activityKeyInvalid: 'Enter a whole API key, like apk-yourstore-01J… (26 letters and digits at the end).',
  activityActionLabel: 'Action',
  activityActionAll: 'All actions',
  activityFromLabel: 'From',
  activityToLabel: 'To',
  activityRangeInvalid: 'The “From” date is after the “To” date.',
  clearFilters: 'Clear filters',
  colWhen: 'When',
  colAction: 'Action',
  colActor: 'Who',
  colTarget: 'Target',
  colChanges: 'Changes',
  noActivity: 'No activity matches these filters.',
  noActivityYet: 'No activity recorded yet.',
  entriesShown: (n: number) => (n === 1 ? 'Showing 1 entry.' : `Showing ${n} entries.`),
  retry: 'Retry',
  actorSystem: 'System',
  actorShareLink: 'Share link',
  actorLeakReport: 'Leak report',
  targetRole: (name: string) => `Role ${name}`,
  targetExternalKey: (id: string) => `External key ${id}`,
  requestDetails: 'Request details',
  sourceIp: 'Source IP',
  userAgent: 'User agent',
  requestId: 'Request ID',
  notRecorded: 'Not recorded',
  noChanges: 'No field changed.',
  changedTo: 'changed to',
  validUntil: (date: string) => `valid until ${date}`,
  noneValue: '(none)',
  yes: 'Yes',
  no: 'No',
  auditActions: {
    'key.created': 'Key generated',
    'key.updated': 'Key edited',
    'key.activated': 'Key activated',
    'key.deactivated': 'Key deactivated',
    'key.deleted': 'Key deleted',
    'token.renewed': 'Token renewed',
    'renewal.finished': 'Old token deleted',
    'renewal.undone': 'Renewal undone',
    'share.opened': 'Share link opened',
    'share.revoked': 'Share link revoked',
    'settings.updated': 'Settings changed',
    'role.created': 'Role created',
    'role.updated': 'Role edited',
    'role.deleted': 'Role deleted',
    'external-key.added': 'External key added',
    'external-key.updated': 'External key edited',
    'external-key.removed': 'External key removed',
    'token.leaked': 'Token reported as leaked',
    'renewal.flagged': 'Flagged for renewal by the expiry scan',
  } as Record<AuditAction, string>,
  /** Names of the fields an entry's changes may list; any other field shows under its own name. */
  auditFields: {
    name: 'Name',
    roles: 'Roles',
    status: 'Status',
    tokens: 'Tokens',
    tokenDurationDays: 'Token duration',
    expiryWarningDays: 'Warning before expiry (days)',
    enforceExpiry: 'Enforce expiry',
    permissions: 'Permissions',
    description: 'Description',
  } as Record<string, string>,

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
    'export-too-large':
      'Too many keys match to export at once (at most 10,000). Narrow the export with a search, a status or an alert.',
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
