// English texts of the Roles and External keys tabs. Kept apart from messages-en.ts so these tabs
// can grow without touching the shared dictionary; this object defines the shape the other
// languages fill (access-messages-pt-br.ts, access-messages-es.ts).
export const accessEn = {
  rolesTab: 'Roles',
  externalTab: 'External keys',

  rolesIntro:
    'A role is a named set of permissions given to keys. Predefined roles come with every account and cannot change; custom roles are yours to create, edit and delete.',
  rolesReadOnly: 'Your key can see the roles but not change them: that needs the roles:edit permission.',
  createRole: '+ Create role',
  colRole: 'Role',
  colDescription: 'Description',
  colPermissions: 'Permissions',
  colKind: 'Type',
  predefined: 'Predefined',
  custom: 'Custom',
  predefinedLocked: 'Predefined roles cannot be changed or deleted.',
  rolesShown: (n: number) => (n === 1 ? 'Showing 1 role.' : `Showing ${n} roles.`),
  roleActionsFor: (name: string) => `Actions for role ${name}`,
  menuEditRole: 'Edit',
  menuDeleteRole: 'Delete role',

  createRoleTitle: 'Create role',
  editRoleTitle: (name: string) => `Edit role ${name}`,
  roleIdLabel: 'ID',
  roleIdHint:
    'Lowercase letters, digits and hyphens, starting with a letter, 2 to 40 characters, like stock-sync. It cannot change later.',
  roleIdInvalid: 'Use 2 to 40 lowercase letters, digits and hyphens, starting with a letter.',
  roleIdTaken: 'A role with this ID already exists. Choose another ID.',
  roleNameLabel: 'Name',
  roleNameHint: 'What the role is for, as operators will see it, like “Stock sync”.',
  roleNameRequired: 'Enter a name for the role.',
  roleNameTooLong: 'Use at most 100 characters.',
  roleDescriptionLabel: 'Description (optional)',
  permissionsLabel: 'Permissions',
  permissionsHint:
    'One per line or separated by commas, as resource:action in lowercase, like catalog:read. From 1 to 50.',
  permissionsEmpty: 'Enter at least one permission.',
  permissionsMalformed: (entries: string) =>
    `Not a permission (resource:action, lowercase letters, digits and hyphens): ${entries}`,
  permissionsDuplicate: (entries: string) => `Listed more than once: ${entries}`,
  permissionsTooMany: (n: number) => `${n} permissions: a role holds at most 50.`,
  permissionsManagement:
    'This role manages this account (keys, settings, roles or the audit log): give it only to keys that administer the account.',
  create: 'Create',
  reload: 'Reload',

  deleteRoleTitle: 'Delete role?',
  deleteRoleBody: (name: string, id: string) => `The role “${name}” (${id}) is deleted for good.`,
  holdersChecking: 'Checking which keys hold this role…',
  holdersNone: 'No key and no external key holds this role.',
  holdersKeys: (n: number) => (n === 1 ? 'Held by 1 key:' : `Held by ${n} keys:`),
  holdersExternal: (n: number) => (n === 1 ? 'Granted to 1 external key:' : `Granted to ${n} external keys:`),
  holdersMore: (n: number) => `…and ${n} more.`,
  holdersBlock: 'A role cannot be deleted while any key holds it: remove it from these keys first.',
  holdersFailed:
    'Could not check which keys hold this role; the service still refuses the deletion if one does.',
  deleteRoleConfirm: 'Delete role',

  externalIntro:
    'Keys of other accounts that may use this account’s resources with the roles granted here. They can never manage this account’s keys.',
  externalReadOnly:
    'Your key can see the external keys but not change them: that needs the keys:edit permission.',
  addExternal: '+ Add external key',
  externalSearchLabel: 'Search by key or owner',
  colKeyOwner: 'Key / Owner',
  colRoles: 'Roles',
  colAdded: 'Added on',
  colStatus: 'Status',
  ownerAccount: (owner: string) => `Account ${owner}`,
  noExternal: 'No external keys match these filters.',
  externalShown: (n: number) => (n === 1 ? 'Showing 1 external key.' : `Showing ${n} external keys.`),
  externalActionsFor: (appKey: string) => `Actions for external key ${appKey}`,
  menuEditRoles: 'Edit roles',
  menuRemove: 'Remove',

  addExternalTitle: 'Add external key',
  externalKeyLabel: 'API key of the other account',
  externalKeyHint: 'Like apk-theirstore-01J…: the key only, its token is never needed here.',
  externalKeyInvalid: 'This is not an API key: it looks like apk-account- followed by 26 letters and digits.',
  externalKeyOwnAccount: 'This key belongs to your own account: give it roles under Generated keys instead.',
  externalRolesNote: 'Only roles without management permissions can be granted to keys of other accounts.',
  externalRolesRequired: 'Pick at least one role.',
  externalAddNote:
    'The grant is recorded whether or not such a key exists: the service never reveals other accounts’ keys.',
  add: 'Add',
  editExternalTitle: (appKey: string) => `Edit roles of ${appKey}`,
  deactivateExternalTitle: 'Deactivate external key?',
  deactivateExternalBody: (appKey: string) =>
    `Requests of ${appKey} to this account are refused at once. You can activate it again later.`,
  deactivateExternalConfirm: 'Yes, deactivate',
  removeExternalTitle: 'Remove external key?',
  removeExternalBody: (appKey: string, owner: string) =>
    `${appKey} (account ${owner}) loses every role granted here, for good. The key itself stays in its own account.`,
  removeExternalConfirm: 'Remove',

  /** The API's refusals in these tabs' own words; anything else falls back to the shared texts. */
  roleProblems: {
    'role-in-use-delete':
      'Keys or external keys still hold this role, so it cannot be deleted. Remove it from them first.',
    'role-in-use-edit':
      'Keys hold this role, so its management permissions (like keys:edit) cannot change. Other permissions can.',
    'role-predefined': 'Predefined roles cannot be changed or deleted.',
    'limit-exceeded':
      'This account already has 100 custom roles, the most allowed. Delete one you no longer need.',
    'conflict-create': 'A role with this ID already exists. Choose another ID.',
    conflict: 'Someone changed this role at the same moment. Reload the roles and try again.',
    'precondition-failed':
      'This role was changed elsewhere while you were editing it. Reload to see the new values, then try again.',
    forbidden:
      'Your key is not allowed to do this: changing roles needs roles:edit, and a role may only hold management permissions your key holds too.',
    'not-found': 'This role no longer exists: someone may have deleted it. Reload the list.',
  } as Record<string, string>,
  externalProblems: {
    conflict: 'This key is already granted roles in this account: edit its roles instead.',
    'limit-exceeded': 'This account already grants 1,000 external keys, the most allowed. Remove one first.',
    'precondition-failed':
      'This external key was changed elsewhere while you were editing it. Close the dialog, reload and try again.',
    forbidden: 'Your key is not allowed to change external keys: that needs keys:edit.',
    'not-found': 'This external key is no longer granted: someone may have removed it. Reload the list.',
  } as Record<string, string>,
};

export type AccessMessages = typeof accessEn;
