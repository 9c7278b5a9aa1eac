// The role form's own check of the permission text (API.md "Custom roles": 1..50 unique strings
// matching ^[a-z][a-z0-9-]{0,39}:[a-z][a-z0-9-]{0,39}$), and how the API's field errors are placed.
import { ApiError } from '../../console/src/api/api-error';
import { parsePermissions, permissionProblem } from '../../console/src/access/permission-list';
import { apiFieldError, roleFormErrors } from '../../console/src/access/role-form';
import { accessEn } from '../../console/src/i18n/access-messages-en';

describe('permission list', () => {
  test('lines and commas both separate entries; blanks and spaces around entries are dropped', () => {
    expect(parsePermissions(' catalog:read,\n\norders:write , stock-sync:run\n,')).toEqual([
      'catalog:read',
      'orders:write',
      'stock-sync:run',
    ]);
  });

  test.each([
    ['', { kind: 'empty' }],
    ['Catalog:read', { kind: 'malformed', entries: ['Catalog:read'] }],
    ['catalog', { kind: 'malformed', entries: ['catalog'] }],
    ['catalog:read:all', { kind: 'malformed', entries: ['catalog:read:all'] }],
    ['1catalog:read', { kind: 'malformed', entries: ['1catalog:read'] }],
    [`${'a'.repeat(41)}:read`, { kind: 'malformed', entries: [`${'a'.repeat(41)}:read`] }],
    ['catalog:read\ncatalog:read', { kind: 'duplicate', entries: ['catalog:read'] }],
  ])('%j is refused as %j', (text, problem) => {
    expect(permissionProblem(parsePermissions(text))).toEqual(problem);
  });

  test('1 and 50 distinct well-formed permissions pass; 51 do not', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `res${i}:read`);
    expect(permissionProblem(['a:b'])).toBeNull();
    expect(permissionProblem([`${'a'.repeat(40)}:${'b'.repeat(40)}`])).toBeNull();
    expect(permissionProblem(many(50))).toBeNull();
    expect(permissionProblem(many(51))).toEqual({ kind: 'too-many', count: 51 });
  });
});

describe('role form', () => {
  test('a bad id, a blank name and a bad permission are each reported at their field', () => {
    const errors = roleFormErrors(accessEn, { id: 'Stock', name: '  ', permissions: ['stock'] }, []);
    expect(errors).toEqual({
      id: accessEn.roleIdInvalid,
      name: accessEn.roleNameRequired,
      permissions: accessEn.permissionsMalformed('stock'),
    });
  });

  test('an id already in the account is refused before asking the API; editing has no id to check', () => {
    const input = { name: 'Stock', permissions: ['stock:sync'] };
    expect(roleFormErrors(accessEn, { ...input, id: 'owner' }, ['owner']).id).toBe(accessEn.roleIdTaken);
    expect(roleFormErrors(accessEn, { ...input, id: null }, ['owner'])).toEqual({
      id: null,
      name: null,
      permissions: null,
    });
  });

  test("the API's error for permissions[1] is shown with the entry it names", () => {
    const error = new ApiError('validation-error', 400, 'bad', [
      { path: 'permissions[1]', message: 'must match the pattern' },
      { path: 'name', message: 'too long' },
    ]);
    expect(apiFieldError(error, 'permissions', ['a:b', 'c:d'])).toBe('c:d: must match the pattern');
    expect(apiFieldError(error, 'name')).toBe('too long');
    expect(apiFieldError(error, 'id')).toBeNull();
  });
});
