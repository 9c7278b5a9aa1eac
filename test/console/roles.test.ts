// Browser flows of the "Roles" tab (issue 13), checked against the API: predefined roles first and
// read-only, then custom roles by id; create, edit (If-Match, and the 412 "changed elsewhere" with
// Reload), a delete refused while a key or an external grant holds the role, then allowed; the
// API's refusals (409 conflict, 409 role-in-use, 403) in plain words; a key without roles:edit sees
// a read-only tab. Layout and axe in English and Portuguese at 1366x768 and 390x844.
import type { Page } from 'playwright-core';
import type { Credentials } from '../helpers/api';
import {
  DESKTOP,
  PHONE,
  expectRoleIds,
  layoutProblems,
  menuAction,
  roleRow,
  roleRows,
} from './support/access-page';
import { describeInBrowser } from './support/browser';
import { ConsoleHarness, type ConsoleLocale } from './support/console-harness';
import { dialog } from './support/key-page';
import { expectText, waitForFocusIn, waitForValue } from './support/wait';

const PREDEFINED = [
  'owner',
  'key-admin',
  'key-viewer',
  'catalog-read',
  'catalog-write',
  'orders-read',
  'orders-write',
];

interface ApiRole {
  id: string;
  name: string;
  description: string;
  permissions: string[];
  predefined: boolean;
  version?: number;
}

describeInBrowser('console: roles (issue 13)', () => {
  let harness: ConsoleHarness;
  let owner: Credentials;
  let viewer: Credentials;

  beforeAll(async () => {
    harness = await ConsoleHarness.start();
    owner = await harness.api.bootstrap('rolesui');
    viewer = await harness.api.createKey(owner, ['key-viewer'], 'Dashboard');
  });
  afterAll(async () => harness?.stop());

  const apiRoles = async (): Promise<ApiRole[]> => {
    const reply = await harness.api.request<{ items: ApiRole[] }>('GET', '/v1/roles', { as: owner });
    expect(reply.status).toBe(200);
    return reply.body.items;
  };
  const apiRole = async (id: string): Promise<ApiRole | undefined> =>
    (await apiRoles()).find((r) => r.id === id);

  async function openRoles(
    credentials: Credentials,
    locale: ConsoleLocale = 'en',
    viewport = DESKTOP,
  ): Promise<Page> {
    const { page } = await harness.newPage(locale);
    await page.setViewportSize(viewport);
    await harness.signIn(page, credentials);
    await page.getByRole('tab', { name: locale === 'en' ? 'Roles' : 'Perfis de acesso' }).click();
    await roleRow(page, 'owner').waitFor();
    return page;
  }

  /** Fills the create dialog and submits it. */
  async function submitNewRole(
    page: Page,
    role: { id: string; name: string; description?: string; permissions: string },
  ): Promise<void> {
    const form = dialog(page, 'role-dialog');
    await form.locator('input[name="id"]').fill(role.id);
    await form.locator('input[name="name"]').fill(role.name);
    await form.locator('input[name="description"]').fill(role.description ?? '');
    await form.locator('textarea[name="permissions"]').fill(role.permissions);
    await form.locator('button[type="submit"]').click();
  }

  test('create, see, edit, fail to delete while held, delete: every step reaches the API (English, 1366x768)', async () => {
    // Arrange
    const page = await openRoles(owner);

    // Assert: predefined roles first, marked and without a menu; the order is the API's
    const listed = await roleRows(page);
    expect(listed.map((r) => r.id)).toEqual((await apiRoles()).map((r) => r.id));
    expect(listed.slice(0, PREDEFINED.length)).toEqual(
      PREDEFINED.map((id) => ({ id, predefined: true, menu: false })),
    );
    expect(await roleRow(page, 'owner').locator('th').textContent()).toBe('Ownerowner');
    expect(await roleRow(page, 'owner').locator('.tag-predefined').textContent()).toBe('Predefined');

    // Act: a permission list the API would refuse is refused here, and nothing is sent
    await page.getByTestId('create-role').click();
    await waitForFocusIn(page, 'role-dialog');
    await submitNewRole(page, {
      id: 'stock-sync',
      name: 'Stock sync',
      permissions: 'stock:read, Stock\nstock:read',
    });
    const form = dialog(page, 'role-dialog');
    await expectText(page, '[data-testid="role-dialog"] .field-error', 'Not a permission');
    expect(await form.locator('.field-error').textContent()).toContain('Stock');
    expect(await form.locator('textarea[name="permissions"]').getAttribute('aria-invalid')).toBe('true');
    expect(await apiRole('stock-sync')).toBeUndefined();

    // Act: fixed, one per line and comma separated mixed
    await form.locator('textarea[name="permissions"]').fill('stock:read, stock:write\nstock:sync');
    await form.locator('button[type="submit"]').click();

    // Assert: the row after the predefined ones, as the API has it
    await form.waitFor({ state: 'detached' });
    await roleRow(page, 'stock-sync').waitFor();
    expect(await apiRole('stock-sync')).toMatchObject({
      name: 'Stock sync',
      permissions: ['stock:read', 'stock:write', 'stock:sync'],
      predefined: false,
      version: 1,
    });
    await expectRoleIds(page, [...PREDEFINED, 'stock-sync']);
    expect(
      await roleRow(page, 'stock-sync')
        .locator('[data-permission]')
        .evaluateAll((els) => els.map((e) => e.textContent)),
    ).toEqual(['stock:read', 'stock:write', 'stock:sync']);
    expect(await roleRow(page, 'stock-sync').locator('td').nth(2).textContent()).toBe('Custom');

    // Act: edit name and permissions
    await menuAction(page, roleRow(page, 'stock-sync'), 'edit');
    await waitForFocusIn(page, 'role-dialog');
    expect(await form.getByTestId('role-id').textContent()).toBe('stock-sync');
    await form.locator('input[name="name"]').fill('Stock synchronisation');
    await form.locator('textarea[name="permissions"]').fill('stock:read\nstock:sync');
    await form.locator('button[type="submit"]').click();

    // Assert
    await form.waitFor({ state: 'detached' });
    await expectText(page, '[data-role-id="stock-sync"] .role-name', 'Stock synchronisation');
    expect(await apiRole('stock-sync')).toMatchObject({
      name: 'Stock synchronisation',
      permissions: ['stock:read', 'stock:sync'],
      version: 2,
    });

    // Arrange: a key and an external grant hold the role
    const warehouse = await harness.api.createKey(owner, ['stock-sync'], 'Warehouse');
    const partner = await harness.api.bootstrap('rolespartner');
    const granted = await harness.api.request('POST', '/v1/external-keys', {
      as: owner,
      body: { appKey: partner.appKey, roles: ['stock-sync'] },
    });
    expect(granted.status).toBe(201);

    // Act: delete
    await menuAction(page, roleRow(page, 'stock-sync'), 'delete');
    const remove = dialog(page, 'delete-role-dialog');
    await remove.locator('[data-testid="role-holders"][data-state="known"]').waitFor();

    // Assert: the dialog names who holds it and offers no deletion; the layout holds with the list
    expect(
      await remove.locator('[data-holder]').evaluateAll((els) => els.map((e) => e.dataset.holder)),
    ).toEqual([warehouse.appKey, partner.appKey]);
    expect(await remove.getByTestId('role-holders').textContent()).toContain('Held by 1 key:');
    expect(await remove.getByTestId('role-holders').textContent()).toContain('Granted to 1 external key:');
    await remove.getByLabel('I understand that this action cannot be undone').check();
    expect(await remove.getByRole('button', { name: 'Delete role' }).isDisabled()).toBe(true);
    expect(await layoutProblems(page)).toEqual({ axe: [], overflow: 0, wider: [] });
    await remove.getByRole('button', { name: 'Cancel' }).click();
    await remove.waitFor({ state: 'detached' });

    // Arrange: nobody holds it when the dialog looks, but a key gets it before the click
    expect(
      (await harness.api.request('PATCH', `/v1/keys/${warehouse.appKey}`, { as: owner, body: { roles: [] } }))
        .status,
    ).toBe(200);
    expect(
      (await harness.api.request('DELETE', `/v1/external-keys/${partner.appKey}?confirm=true`, { as: owner }))
        .status,
    ).toBe(204);
    await menuAction(page, roleRow(page, 'stock-sync'), 'delete');
    await remove.locator('[data-testid="role-holders"][data-state="known"]').waitFor();
    expect(await remove.getByTestId('role-holders').textContent()).toBe(
      'No key and no external key holds this role.',
    );
    expect(
      (
        await harness.api.request('PATCH', `/v1/keys/${warehouse.appKey}`, {
          as: owner,
          body: { roles: ['stock-sync'] },
        })
      ).status,
    ).toBe(200);

    // Act
    await remove.getByLabel('I understand that this action cannot be undone').check();
    await remove.getByRole('button', { name: 'Delete role' }).click();

    // Assert: the API's 409 role-in-use, in plain words, and the role is still there
    const refusal = remove.locator('[role="alert"][data-problem="role-in-use"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      'Keys or external keys still hold this role, so it cannot be deleted. Remove it from them first.',
    );
    expect(await apiRole('stock-sync')).toBeDefined();
    await remove.getByRole('button', { name: 'Cancel' }).click();
    await remove.waitFor({ state: 'detached' });

    // Act: nobody holds it any more, for real
    expect(
      (await harness.api.request('PATCH', `/v1/keys/${warehouse.appKey}`, { as: owner, body: { roles: [] } }))
        .status,
    ).toBe(200);
    await menuAction(page, roleRow(page, 'stock-sync'), 'delete');
    await remove.locator('[data-testid="role-holders"][data-state="known"]').waitFor();
    await remove.getByLabel('I understand that this action cannot be undone').check();
    await remove.getByRole('button', { name: 'Delete role' }).click();

    // Assert: gone from the table and from the API; focus lands on the heading, not on nothing
    await remove.waitFor({ state: 'detached' });
    await expectRoleIds(page, PREDEFINED);
    expect(await apiRole('stock-sync')).toBeUndefined();
    await waitForValue<string>(page, 'document.activeElement?.id', (id) => id === 'main-heading');
    await page.context().close();
  });

  test('a role changed elsewhere while the dialog is open: 412 says so, Reload shows the new values, the next save wins', async () => {
    // Arrange
    const created = await harness.api.request('POST', '/v1/roles', {
      as: owner,
      body: {
        id: 'price-watch',
        name: 'Price watch',
        description: 'Reads prices',
        permissions: ['prices:read'],
      },
    });
    expect(created.status).toBe(201);
    const page = await openRoles(owner);
    await menuAction(page, roleRow(page, 'price-watch'), 'edit');
    const form = dialog(page, 'role-dialog');
    await waitForFocusIn(page, 'role-dialog');
    const elsewhere = await harness.api.request('PUT', '/v1/roles/price-watch', {
      as: owner,
      headers: { 'if-match': '"1"' },
      body: {
        name: 'Price watcher',
        description: 'Reads prices',
        permissions: ['prices:read', 'prices:list'],
      },
    });
    expect(elsewhere.status).toBe(200);

    // Act
    await form.locator('input[name="description"]').fill('Reads every price');
    await form.locator('button[type="submit"]').click();

    // Assert: refused, in plain words, nothing overwritten
    const refusal = form.locator('[role="alert"][data-problem="precondition-failed"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      'This role was changed elsewhere while you were editing it.',
    );
    expect(await apiRole('price-watch')).toMatchObject({
      name: 'Price watcher',
      description: 'Reads prices',
    });

    // Act: Reload, then save again
    await form.getByRole('button', { name: 'Reload' }).click();
    await waitForValue<string>(
      page,
      `document.querySelector('[data-testid="role-dialog"] input[name="name"]').value`,
      (name) => name === 'Price watcher',
    );
    expect(await form.locator('textarea[name="permissions"]').inputValue()).toBe('prices:read\nprices:list');
    expect(await refusal.count()).toBe(0);
    await form.locator('input[name="description"]').fill('Reads every price');
    await form.locator('button[type="submit"]').click();

    // Assert
    await form.waitFor({ state: 'detached' });
    expect(await apiRole('price-watch')).toMatchObject({
      name: 'Price watcher',
      description: 'Reads every price',
      permissions: ['prices:read', 'prices:list'],
      version: 3,
    });
    await expectText(page, '[data-role-id="price-watch"] .role-name', 'Price watcher');
    await page.context().close();
  });

  test('the API refuses: an id taken meanwhile (409) at the ID field, a management permission the key lacks (403), a too long description (400) at its field', async () => {
    // Arrange: a key that may edit roles but does not hold audit:view
    const editorRole = await harness.api.request('POST', '/v1/roles', {
      as: owner,
      body: {
        id: 'role-editor',
        name: 'Role editor',
        description: '',
        permissions: ['keys:view', 'roles:edit'],
      },
    });
    expect(editorRole.status).toBe(201);
    const editor = await harness.api.createKey(owner, ['role-editor'], 'Role editor');
    const page = await openRoles(editor);
    await page.getByTestId('create-role').click();
    await waitForFocusIn(page, 'role-dialog');
    expect(
      (
        await harness.api.request('POST', '/v1/roles', {
          as: owner,
          body: { id: 'late-role', name: 'Late', description: '', permissions: ['late:read'] },
        })
      ).status,
    ).toBe(201);

    // Act: the id the list did not know about yet
    await submitNewRole(page, { id: 'late-role', name: 'Mine', permissions: 'mine:read' });

    // Assert
    const form = dialog(page, 'role-dialog');
    await form.locator('[role="alert"][data-problem="conflict"]').waitFor();
    expect(await form.locator('input[name="id"]').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field-error').first().textContent()).toBe(
      'A role with this ID already exists. Choose another ID.',
    );
    expect(await apiRole('late-role')).toMatchObject({ name: 'Late' });

    // Act: a management permission this key does not hold
    await submitNewRole(page, { id: 'auditors', name: 'Auditors', permissions: 'audit:view' });

    // Assert
    const forbidden = form.locator('[role="alert"][data-problem="forbidden"]');
    await forbidden.waitFor();
    expect(await forbidden.textContent()).toContain('Your key is not allowed to do this');
    await form.getByTestId('role-management-warning').waitFor();
    expect(await apiRole('auditors')).toBeUndefined();

    // Act: a description longer than the service keeps (its own limit, which the console leaves to it)
    await submitNewRole(page, {
      id: 'auditors',
      name: 'Auditors',
      description: 'd'.repeat(501),
      permissions: 'audit-log:read',
    });

    // Assert: the API's errors[] entry is shown at the description field, and nothing was created
    await form.locator('[role="alert"][data-problem="validation-error"]').waitFor();
    const description = form.locator('input[name="description"]');
    expect(await description.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await description.getAttribute('aria-describedby')) ?? '';
    const fieldError = page.locator(`[id="${describedBy.split(' ').pop()}"]`);
    expect(await fieldError.getAttribute('class')).toBe('field-error');
    const same = await harness.api.request('POST', '/v1/roles', {
      as: owner,
      body: {
        id: 'auditors',
        name: 'Auditors',
        description: 'd'.repeat(501),
        permissions: ['audit-log:read'],
      },
    });
    expect(same.status).toBe(400);
    expect(same.body.errors).toEqual([expect.objectContaining({ path: 'description' })]);
    expect(await fieldError.textContent()).toBe(same.body.errors[0].message);
    expect(await form.locator('input[name="name"]').getAttribute('aria-invalid')).toBeNull();
    expect(await apiRole('auditors')).toBeUndefined();
    await page.context().close();
  });

  test('in Portuguese on a phone: create, refused delete while held, delete, all in Portuguese', async () => {
    // Arrange
    const page = await openRoles(owner, 'pt-BR', PHONE);
    await page.getByRole('button', { name: '+ Criar perfil' }).click();
    await waitForFocusIn(page, 'role-dialog');
    expect(await layoutProblems(page)).toEqual({ axe: [], overflow: 0, wider: [] });

    // Act
    await submitNewRole(page, { id: 'estoque', name: 'Estoque', permissions: 'Estoque' });

    // Assert: the client-side check speaks Portuguese
    await expectText(page, '[data-testid="role-dialog"] .field-error', 'Não é uma permissão');
    await dialog(page, 'role-dialog').locator('textarea[name="permissions"]').fill('estoque:read');
    await dialog(page, 'role-dialog').locator('button[type="submit"]').click();
    await roleRow(page, 'estoque').waitFor();
    expect(await roleRow(page, 'estoque').locator('td').nth(2).textContent()).toContain('Personalizado');
    expect(await roleRow(page, 'owner').locator('.role-name').textContent()).toBe('Proprietário');

    // Act: held by a key, delete
    const holder = await harness.api.createKey(owner, ['estoque'], 'Depósito');
    await menuAction(page, roleRow(page, 'estoque'), 'delete');
    const remove = dialog(page, 'delete-role-dialog');
    await remove.locator('[data-testid="role-holders"][data-state="known"]').waitFor();

    // Assert
    expect(await remove.getByTestId('role-holders').textContent()).toContain('Atribuído a 1 chave:');
    expect(await remove.locator('[data-holder]').getAttribute('data-holder')).toBe(holder.appKey);
    expect(await layoutProblems(page)).toEqual({ axe: [], overflow: 0, wider: [] });
    await remove.getByRole('button', { name: 'Cancelar' }).click();
    await remove.waitFor({ state: 'detached' });

    // Act: no longer held
    expect(
      (await harness.api.request('PATCH', `/v1/keys/${holder.appKey}`, { as: owner, body: { roles: [] } }))
        .status,
    ).toBe(200);
    await menuAction(page, roleRow(page, 'estoque'), 'delete');
    await remove.locator('[data-testid="role-holders"][data-state="known"]').waitFor();
    await remove.getByLabel('Entendo que esta ação não pode ser desfeita').check();
    await remove.getByRole('button', { name: 'Excluir perfil' }).click();

    // Assert
    await remove.waitFor({ state: 'detached' });
    await roleRow(page, 'estoque').waitFor({ state: 'detached' });
    expect(await apiRole('estoque')).toBeUndefined();
    await page.context().close();
  });

  test('the 101st custom role is refused with the limit in plain words (409 limit-exceeded)', async () => {
    // Arrange: an account of its own already holding the 100 custom roles API.md allows
    const limited = await harness.api.bootstrap('rolelimit');
    for (let i = 0; i < 100; i++) {
      const reply = await harness.api.request('POST', '/v1/roles', {
        as: limited,
        body: {
          id: `role-${String(i).padStart(3, '0')}`,
          name: `Role ${i}`,
          description: '',
          permissions: ['x:y'],
        },
      });
      expect(reply.status).toBe(201);
    }
    const page = await openRoles(limited);
    await roleRow(page, 'role-099').waitFor();
    await page.getByTestId('create-role').click();
    await waitForFocusIn(page, 'role-dialog');

    // Act
    await submitNewRole(page, { id: 'one-more', name: 'One more', permissions: 'x:y' });

    // Assert
    const refusal = dialog(page, 'role-dialog').locator('[role="alert"][data-problem="limit-exceeded"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      'This account already has 100 custom roles, the most allowed.',
    );
    await page.context().close();
  });

  test('a key without roles:edit sees every role, read-only, and is told why', async () => {
    // Arrange + Act
    const page = await openRoles(viewer);

    // Assert
    await page.getByTestId('roles-read-only').waitFor();
    expect(await page.getByTestId('roles-read-only').textContent()).toContain('roles:edit');
    expect(await page.getByTestId('create-role').count()).toBe(0);
    expect((await roleRows(page)).map((r) => r.id)).toEqual((await apiRoles()).map((r) => r.id));
    expect((await roleRows(page)).some((r) => r.menu)).toBe(false);
    await page.context().close();
  });

  test.each<[ConsoleLocale, { width: number; height: number }, string]>([
    ['en', DESKTOP, 'Roles'],
    ['en', PHONE, 'Roles'],
    ['pt-BR', DESKTOP, 'Perfis de acesso'],
    ['pt-BR', PHONE, 'Perfis de acesso'],
  ])('layout and axe: the tab and its create dialog (%s, %j)', async (locale, viewport, heading) => {
    // Arrange
    const page = await openRoles(owner, locale, viewport);
    await expectText(page, '#main-heading', heading);

    // Assert: the tab, then the dialog
    expect(await layoutProblems(page)).toEqual({ axe: [], overflow: 0, wider: [] });
    await page.getByTestId('create-role').click();
    await waitForFocusIn(page, 'role-dialog');
    expect(await layoutProblems(page)).toEqual({ axe: [], overflow: 0, wider: [] });

    // Escape closes it and focus goes back to the button that opened it
    await page.keyboard.press('Escape');
    await dialog(page, 'role-dialog').waitFor({ state: 'detached' });
    await waitForValue<string | undefined>(
      page,
      'document.activeElement?.dataset.testid',
      (id) => id === 'create-role',
    );
    await page.context().close();
    expect(harness.pageErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
