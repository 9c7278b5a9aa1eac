// Roles and permissions (API.md "Predefined roles" and the no-escalation rule of POST /v1/keys).
import {
  checkCanActOn,
  checkCanGrant,
  checkRoleIds,
  findRole,
  isAdminKey,
  MANAGEMENT_PERMISSIONS,
  permissionsOf,
  PREDEFINED_ROLES,
  requirePermission,
  ROLE_ID_PATTERN,
} from '../../shared/domain/access';
import { DomainError } from '../../shared/domain/errors';

const caught = (fn: () => unknown): DomainError | undefined => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  return undefined;
};

const OWNER = permissionsOf(['owner']);
const KEY_ADMIN = permissionsOf(['key-admin']);
const KEY_VIEWER = permissionsOf(['key-viewer']);

describe('predefined roles', () => {
  it('are exactly the roles of the API.md table with their permissions', () => {
    const table = Object.fromEntries(PREDEFINED_ROLES.map((r) => [r.id, [...r.permissions].sort()]));

    expect(table).toEqual({
      owner: ['audit:view', 'keys:edit', 'keys:renew', 'keys:view', 'roles:edit', 'settings:edit'],
      'key-admin': ['audit:view', 'keys:edit', 'keys:renew', 'keys:view', 'settings:edit'],
      'key-viewer': ['keys:view'],
      'catalog-read': ['catalog:read'],
      'catalog-write': ['catalog:read', 'catalog:write'],
      'orders-read': ['orders:read'],
      'orders-write': ['orders:read', 'orders:write'],
    });
  });

  it('have ids matching the role id pattern and a name and description', () => {
    for (const role of PREDEFINED_ROLES) {
      expect(role.id).toMatch(ROLE_ID_PATTERN);
      expect(role.name.length).toBeGreaterThan(0);
      expect(role.description.length).toBeGreaterThan(0);
    }
  });

  it('name the six management permissions of API.md 1.1', () => {
    expect([...MANAGEMENT_PERMISSIONS].sort()).toEqual(
      ['keys:view', 'keys:edit', 'keys:renew', 'settings:edit', 'roles:edit', 'audit:view'].sort(),
    );
  });

  it('can be found by id, and an unknown id finds nothing', () => {
    expect(findRole('owner')?.id).toBe('owner');
    expect(findRole('root')).toBeUndefined();
  });
});

describe('permissionsOf', () => {
  it('is the sorted union of the permissions of the roles, without duplicates', () => {
    expect(permissionsOf(['catalog-write', 'catalog-read', 'key-viewer'])).toEqual([
      'catalog:read',
      'catalog:write',
      'keys:view',
    ]);
  });

  it('is empty for no roles, and unknown role ids contribute nothing', () => {
    expect(permissionsOf([])).toEqual([]);
    expect(permissionsOf(['nope', 'orders-read'])).toEqual(['orders:read']);
  });

  it('does not depend on the order of the roles', () => {
    expect(permissionsOf(['orders-write', 'owner'])).toEqual(permissionsOf(['owner', 'orders-write']));
  });
});

describe('checkRoleIds', () => {
  it('accepts known, unique role ids and the empty list', () => {
    expect(() => checkRoleIds(['owner', 'catalog-read'])).not.toThrow();
    expect(() => checkRoleIds([])).not.toThrow();
  });

  it('names each unknown role by its path roles[i]', () => {
    const error = caught(() => checkRoleIds(['owner', 'superuser', 'catalog-read', 'Owner']));

    expect(error?.code).toBe('validation-error');
    expect(error?.errors).toEqual([
      { path: 'roles[1]', message: expect.stringContaining('superuser') },
      { path: 'roles[3]', message: expect.stringContaining('Owner') },
    ]);
  });

  it('uses the given field name in paths', () => {
    expect(caught(() => checkRoleIds(['x1'], 'body.roles'))?.errors).toEqual([
      expect.objectContaining({ path: 'body.roles[0]' }),
    ]);
  });

  it('names the second occurrence of a duplicated role', () => {
    const error = caught(() => checkRoleIds(['catalog-read', 'owner', 'catalog-read']));

    expect(error?.code).toBe('validation-error');
    expect(error?.errors).toEqual([{ path: 'roles[2]', message: expect.stringContaining('catalog-read') }]);
  });

  it('rejects more than 20 roles, naming the list', () => {
    const roles = Array.from({ length: 21 }, (_, i) => PREDEFINED_ROLES[i % PREDEFINED_ROLES.length]!.id);

    const error = caught(() => checkRoleIds(roles));

    expect(error?.code).toBe('validation-error');
    expect(error?.errors).toContainEqual({ path: 'roles', message: expect.stringContaining('20') });
  });

  it('does not complain about the count at exactly 20 roles', () => {
    const roles = Array.from({ length: 20 }, (_, i) => PREDEFINED_ROLES[i % PREDEFINED_ROLES.length]!.id);

    const error = caught(() => checkRoleIds(roles)); // duplicates, but not too many

    expect(error?.errors?.some((e) => e.path === 'roles')).toBe(false);
  });
});

describe('checkCanGrant (no escalation)', () => {
  it('lets a caller grant roles whose management permissions it holds', () => {
    expect(() => checkCanGrant(OWNER, ['owner', 'key-admin', 'key-viewer'])).not.toThrow();
    expect(() => checkCanGrant(KEY_ADMIN, ['key-admin', 'key-viewer'])).not.toThrow();
    expect(() => checkCanGrant(KEY_VIEWER, ['key-viewer'])).not.toThrow();
  });

  it('forbids granting a role with a management permission the caller lacks, naming it', () => {
    const error = caught(() => checkCanGrant(KEY_ADMIN, ['catalog-read', 'owner']));

    expect(error?.code).toBe('forbidden');
    expect(error?.message).toContain('owner');
    expect(error?.message).toContain('roles:edit');
    expect(caught(() => checkCanGrant(KEY_VIEWER, ['key-admin']))?.code).toBe('forbidden');
  });

  it('lets a key-admin grant non-management roles such as catalog-write', () => {
    expect(() =>
      checkCanGrant(KEY_ADMIN, ['catalog-read', 'catalog-write', 'orders-read', 'orders-write']),
    ).not.toThrow();
  });

  it('treats consumer permissions as freely grantable, even by a caller without them', () => {
    expect(() => checkCanGrant(KEY_VIEWER, ['catalog-write', 'orders-write'])).not.toThrow();
  });

  it('does not count roles the key already had as granted', () => {
    expect(() => checkCanGrant(KEY_ADMIN, ['owner', 'catalog-read'], ['owner'])).not.toThrow();
    expect(() => checkCanGrant(KEY_ADMIN, [], ['owner'])).not.toThrow();
  });

  it('still forbids adding a stronger role to a key that had other roles', () => {
    expect(caught(() => checkCanGrant(KEY_ADMIN, ['key-admin', 'owner'], ['key-admin']))?.code).toBe(
      'forbidden',
    );
  });
});

describe('requirePermission', () => {
  it('passes when the permission is held and is forbidden otherwise', () => {
    expect(() => requirePermission(KEY_VIEWER, 'keys:view')).not.toThrow();
    expect(caught(() => requirePermission(KEY_VIEWER, 'keys:edit'))?.code).toBe('forbidden');
  });
});

describe('isAdminKey', () => {
  it('is true for an active key holding keys:edit', () => {
    expect(isAdminKey({ status: 'active', roles: ['owner'] })).toBe(true);
    expect(isAdminKey({ status: 'active', roles: ['catalog-read', 'key-admin'] })).toBe(true);
  });

  it('is false for an inactive key, however powerful', () => {
    expect(isAdminKey({ status: 'inactive', roles: ['owner'] })).toBe(false);
  });

  it('is false for an active key without keys:edit', () => {
    expect(isAdminKey({ status: 'active', roles: ['key-viewer', 'catalog-write'] })).toBe(false);
    expect(isAdminKey({ status: 'active', roles: [] })).toBe(false);
  });
});

describe('checkCanActOn (acting on other keys)', () => {
  it('lets a caller change keys whose management permissions it holds', () => {
    expect(() => checkCanActOn(OWNER, ['owner'])).not.toThrow();
    expect(() => checkCanActOn(OWNER, ['key-admin', 'catalog-write'])).not.toThrow();
    expect(() => checkCanActOn(KEY_ADMIN, ['key-admin'])).not.toThrow();
    expect(() => checkCanActOn(KEY_VIEWER, ['key-viewer', 'orders-write'])).not.toThrow();
    // Keys without management permissions can be changed by anyone allowed by the route.
    expect(() => checkCanActOn([], ['catalog-read', 'orders-write'])).not.toThrow();
  });

  it('refuses a lesser caller, naming what it lacks', () => {
    const error = caught(() => checkCanActOn(KEY_ADMIN, ['owner']));
    expect(error?.code).toBe('forbidden');
    expect(error?.message).toContain('roles:edit');
    expect(caught(() => checkCanActOn(KEY_VIEWER, ['key-admin']))?.code).toBe('forbidden');
    expect(caught(() => checkCanActOn(KEY_ADMIN, ['catalog-read', 'owner']))?.code).toBe('forbidden');
  });
});
