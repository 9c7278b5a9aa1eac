// Roles (access profiles): the predefined ones every account has, and an account's catalog of
// custom roles (API.md 1.1 "Custom roles"). A RoleCatalog answers "what does this role list allow?"
// for one account; the rules that use it (no escalation, acting on other keys) live in access.ts.

export const MANAGEMENT_PERMISSIONS = [
  'keys:view',
  'keys:edit',
  'keys:renew',
  'settings:edit',
  'roles:edit',
  'audit:view',
] as const;
export type ManagementPermission = (typeof MANAGEMENT_PERMISSIONS)[number];

export const isManagement = (permission: string): permission is ManagementPermission =>
  (MANAGEMENT_PERMISSIONS as readonly string[]).includes(permission);

export interface Role {
  id: string;
  name: string;
  description: string;
  permissions: string[];
}

/** A role an account composed itself. `holders` counts the keys and external grants holding it. */
export interface CustomRole extends Role {
  version: number;
  createdAt: string;
  updatedAt: string;
  holders: number;
  /**
   * Which life of the id this is: the catalog revision that created it. A role deleted and created
   * again under the same id starts again at version 1, so a grant judged on the old role must not
   * commit against the new one: holder increments are conditional on version and incarnation.
   */
  incarnation: number;
  /** When its last holder let go (ISO), for the quarantine of management changes (custom-roles.ts). */
  releasedAt?: string;
}

/** A role as the API shows it. */
export type RoleView = Role & { predefined: boolean } & Partial<
    Pick<CustomRole, 'version' | 'createdAt' | 'updatedAt'>
  >;

export const MAX_ROLES_PER_KEY = 20;
export const MAX_CUSTOM_ROLES = 100;
export const ROLE_ID_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;
export const PERMISSION_PATTERN = /^[a-z][a-z0-9-]{0,39}:[a-z][a-z0-9-]{0,39}$/;

/** The predefined roles present in every account (API.md). */
export const PREDEFINED_ROLES: readonly Role[] = [
  {
    id: 'owner',
    name: 'Owner',
    description: 'Full control of keys, settings and roles.',
    permissions: ['keys:view', 'keys:edit', 'keys:renew', 'settings:edit', 'roles:edit', 'audit:view'],
  },
  {
    id: 'key-admin',
    name: 'Key administrator',
    description: 'Generates, edits, renews and deletes keys; changes token settings.',
    permissions: ['keys:view', 'keys:edit', 'keys:renew', 'settings:edit', 'audit:view'],
  },
  {
    id: 'key-viewer',
    name: 'Key viewer',
    description: 'Reads keys and settings.',
    permissions: ['keys:view'],
  },
  {
    id: 'catalog-read',
    name: 'Catalog read',
    description: 'Reads the catalog.',
    permissions: ['catalog:read'],
  },
  {
    id: 'catalog-write',
    name: 'Catalog write',
    description: 'Reads and changes the catalog.',
    permissions: ['catalog:read', 'catalog:write'],
  },
  { id: 'orders-read', name: 'Orders read', description: 'Reads orders.', permissions: ['orders:read'] },
  {
    id: 'orders-write',
    name: 'Orders write',
    description: 'Reads and changes orders.',
    permissions: ['orders:read', 'orders:write'],
  },
];

const PREDEFINED_BY_ID = new Map(PREDEFINED_ROLES.map((role) => [role.id, role]));

export const isPredefinedRole = (id: string): boolean => PREDEFINED_BY_ID.has(id);

/** Whether a role list needs the account's catalog at all (the common case, only predefined, does not). */
export const holdsCustomRole = (roles: readonly string[]): boolean => roles.some((r) => !isPredefinedRole(r));

/** The management permissions of a permission list, sorted: what may not change while a role is held. */
export const managementOf = (permissions: readonly string[]): string[] =>
  permissions.filter(isManagement).sort();

/** One account's roles: the predefined ones and its custom ones. Immutable; memoises permission unions. */
export class RoleCatalog {
  private readonly custom: ReadonlyMap<string, CustomRole>;
  private readonly unions = new Map<string, readonly string[]>();

  constructor(
    customRoles: readonly CustomRole[] = [],
    /** Bumped by every change of a role definition: role writes are conditional on it. */
    readonly revision = 0,
    /** External grants the account has made (the 1,000 limit). */
    readonly grantCount = 0,
  ) {
    this.custom = new Map(customRoles.map((r) => [r.id, r]));
  }

  find(id: string): Role | undefined {
    return PREDEFINED_BY_ID.get(id) ?? this.custom.get(id);
  }

  findCustom(id: string): CustomRole | undefined {
    return this.custom.get(id);
  }

  get customRoles(): CustomRole[] {
    return [...this.custom.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * The roles among `roles` that a holder whose roles were judged at catalog `revision` holds. A
   * custom role created after that revision is another life of the id (the role it was given was
   * deleted, then one of the same id created): nobody gave it to this holder, which may be a key or grant
   * still cached elsewhere with its old roles, so it brings no permission.
   */
  heldAsOf(roles: string[], revision: number): string[] {
    const later = (id: string) => (this.custom.get(id)?.incarnation ?? 0) > revision;
    return roles.some(later) ? roles.filter((id) => !later(id)) : roles;
  }

  /** The union of the permissions of `roles`, sorted. Unknown ids contribute nothing. */
  permissionsOf(roles: readonly string[]): string[] {
    const id = roles.join(',');
    let union = this.unions.get(id);
    if (!union) {
      const all = new Set<string>();
      for (const role of roles) for (const p of this.find(role)?.permissions ?? []) all.add(p);
      union = [...all].sort();
      if (this.unions.size < 10_000) this.unions.set(id, union);
    }
    return [...union];
  }

  /** GET /v1/roles: predefined first, then custom by id. */
  list(): RoleView[] {
    return [
      ...PREDEFINED_ROLES.map((r) => ({ ...r, predefined: true })),
      ...this.customRoles.map(({ holders: _h, incarnation: _i, releasedAt: _r, ...r }) => ({
        ...r,
        predefined: false,
      })),
    ];
  }
}

/** The catalog of an account without custom roles, or of a role list that holds none. */
export const PREDEFINED_CATALOG = new RoleCatalog();
