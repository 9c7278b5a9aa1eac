// Browser flows of the "External keys" tab (issue 13), checked against the API: add a grant for a
// key of another account (only roles without management permissions on offer), edit its roles,
// deactivate, filter, activate and remove it; verification across accounts follows each step; the
// API's refusals (409 conflict, 412) in plain words; a key without keys:edit sees a read-only tab.
// Layout and axe in English and Portuguese at 1366x768 and 390x844.
import type { Page } from 'playwright-core';
import type { Credentials } from '../helpers/api';
import { DESKTOP, PHONE, expectGrants, grantRow, layoutProblems, menuAction } from './support/access-page';
import { describeInBrowser } from './support/browser';
import { ConsoleHarness, type ConsoleLocale } from './support/console-harness';
import { dialog } from './support/key-page';
import { expectText, waitForFocusIn, waitForValue } from './support/wait';

const ACCOUNT = 'extui';

describeInBrowser('console: external keys (issue 13)', () => {
  let harness: ConsoleHarness;
  let owner: Credentials;
  let viewer: Credentials;
  let partner: Credentials;

  beforeAll(async () => {
    harness = await ConsoleHarness.start();
    owner = await harness.api.bootstrap(ACCOUNT);
    viewer = await harness.api.createKey(owner, ['key-viewer'], 'Dashboard');
    const partnerOwner = await harness.api.bootstrap('partnerstore');
    partner = await harness.api.createKey(partnerOwner, [], 'Partner integration');
  });
  afterAll(async () => harness?.stop());

  const grant = (appKey: string) => harness.api.request('GET', `/v1/external-keys/${appKey}`, { as: owner });
  /** What this account's verification says about the partner's key and token. */
  const verifyHere = async (): Promise<{ valid: boolean; reason?: string; permissions?: string[] }> =>
    (
      await harness.api.request('POST', '/v1/verify', {
        body: { appKey: partner.appKey, appToken: partner.token, account: ACCOUNT },
      })
    ).body;

  async function openExternal(
    credentials: Credentials,
    locale: ConsoleLocale = 'en',
    viewport = DESKTOP,
  ): Promise<Page> {
    const { page } = await harness.newPage(locale);
    await page.setViewportSize(viewport);
    await harness.signIn(page, credentials);
    await page.getByRole('tab', { name: locale === 'en' ? 'External keys' : 'Chaves externas' }).click();
    await waitForValue<string>(
      page,
      `document.querySelector('[data-testid="external-status"]')?.textContent ?? ''`,
      (text) => text !== '' && !/Loading|Carregando/.test(text),
    );
    return page;
  }

  test('add, edit roles, deactivate, filter, activate, remove: every step reaches the API (English, 1366x768)', async () => {
    // Arrange
    const page = await openExternal(owner);
    await expectText(page, '[data-testid="external-status"]', 'No external keys match these filters.');
    await page.getByTestId('add-external-key').click();
    await waitForFocusIn(page, 'external-key-dialog');
    const form = dialog(page, 'external-key-dialog');

    // Assert: only roles that manage nothing are offered
    const offered = await form
      .locator('input[type="checkbox"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('value')));
    expect(offered).toEqual(['catalog-read', 'catalog-write', 'orders-read', 'orders-write']);

    // Act + Assert: a key of this very account, and something that is not a key, are refused here
    await form.locator('input[name="appKey"]').fill(owner.appKey);
    await form.getByLabel('Catalog read', { exact: true }).check();
    await form.getByRole('button', { name: 'Add' }).click();
    await expectText(page, '[data-testid="external-key-dialog"] .field-error', 'belongs to your own account');
    await form.locator('input[name="appKey"]').fill('apk-partnerstore-nope');
    await form.getByRole('button', { name: 'Add' }).click();
    await expectText(page, '[data-testid="external-key-dialog"] .field-error', 'This is not an API key');
    expect((await harness.api.request('GET', '/v1/external-keys', { as: owner })).body.items).toEqual([]);

    // Act: the partner's key
    await form.locator('input[name="appKey"]').fill(partner.appKey);
    await form.getByRole('button', { name: 'Add' }).click();

    // Assert: the row as the reference shapes it, the grant in the API, and verification honours it
    await form.waitFor({ state: 'detached' });
    const added = grantRow(page, partner.appKey);
    await added.waitFor();
    expect(await added.locator('th').textContent()).toBe(`${partner.appKey}Account partnerstore`);
    expect(await added.locator('[data-role]').allTextContents()).toEqual(['Catalog read']);
    expect(await added.getAttribute('data-status')).toBe('active');
    expect(await added.locator('td').nth(2).textContent()).toBe('Active');
    const stored = await grant(partner.appKey);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ owner: 'partnerstore', roles: ['catalog-read'], status: 'active' });
    expect(await added.locator('time').getAttribute('datetime')).toBe(stored.body.addedAt);
    expect(await verifyHere()).toMatchObject({ valid: true, permissions: ['catalog:read'] });

    // Act: edit roles
    await menuAction(page, added, 'edit');
    await waitForFocusIn(page, 'external-key-dialog');
    await form.getByLabel('Orders read', { exact: true }).check();
    await form.getByRole('button', { name: 'Save' }).click();

    // Assert
    await form.waitFor({ state: 'detached' });
    await waitForValue<string[]>(
      page,
      `[...document.querySelectorAll('tr[data-app-key="${partner.appKey}"] [data-role]')].map((e) => e.dataset.role)`,
      (roles) => roles.join() === 'catalog-read,orders-read',
    );
    expect((await grant(partner.appKey)).body).toMatchObject({
      roles: ['catalog-read', 'orders-read'],
      version: 2,
    });

    // Act: deactivate, with its confirmation
    await menuAction(page, added, 'deactivate');
    const confirm = dialog(page, 'deactivate-external-dialog');
    await waitForFocusIn(page, 'deactivate-external-dialog');
    expect(await confirm.textContent()).toContain(
      `Requests of ${partner.appKey} to this account are refused`,
    );
    expect(await layoutProblems(page)).toEqual({ axe: [], overflow: 0, wider: [] });
    await confirm.getByRole('button', { name: 'Yes, deactivate' }).click();

    // Assert
    await grantRow(page, partner.appKey).and(page.locator('[data-status="inactive"]')).waitFor();
    expect((await grant(partner.appKey)).body.status).toBe('inactive');
    expect(await verifyHere()).toMatchObject({ valid: false, reason: 'inactive' });

    // Act + Assert: the status filter and the search ask the API
    await page.getByTestId('external-status-filter').selectOption('active');
    await expectGrants(page, []);
    await page.getByTestId('external-status-filter').selectOption('inactive');
    await expectGrants(page, [partner.appKey]);
    await page.getByTestId('external-status-filter').selectOption('');
    await page.getByTestId('external-search').fill('zzz');
    await expectGrants(page, []);
    await expectText(page, '[data-testid="external-status"]', 'No external keys match these filters.');
    await page.getByTestId('external-search').fill('partnerst');
    await expectGrants(page, [partner.appKey]);

    // Act: activate acts at once
    await menuAction(page, grantRow(page, partner.appKey), 'activate');
    await grantRow(page, partner.appKey).and(page.locator('[data-status="active"]')).waitFor();
    expect((await grant(partner.appKey)).body.status).toBe('active');

    // Act: remove, with its confirmation
    await menuAction(page, grantRow(page, partner.appKey), 'remove');
    const remove = dialog(page, 'remove-external-dialog');
    await waitForFocusIn(page, 'remove-external-dialog');
    expect(await remove.textContent()).toContain(`${partner.appKey} (account partnerstore) loses every role`);
    await remove.getByRole('button', { name: 'Remove' }).click();

    // Assert
    await remove.waitFor({ state: 'detached' });
    await expectGrants(page, []);
    expect((await grant(partner.appKey)).status).toBe(404);
    expect(await verifyHere()).toMatchObject({ valid: false, reason: 'not-granted' });
    await page.context().close();
  });

  test('the API refuses: a key granted meanwhile (409), roles changed elsewhere (412)', async () => {
    // Arrange: the list is open and empty when the grant is made elsewhere
    const page = await openExternal(owner);
    await page.getByTestId('add-external-key').click();
    await waitForFocusIn(page, 'external-key-dialog');
    const form = dialog(page, 'external-key-dialog');
    const elsewhere = await harness.api.request('POST', '/v1/external-keys', {
      as: owner,
      body: { appKey: partner.appKey, roles: ['orders-read'] },
    });
    expect(elsewhere.status).toBe(201);

    // Act
    await form.locator('input[name="appKey"]').fill(partner.appKey);
    await form.getByLabel('Catalog read', { exact: true }).check();
    await form.getByRole('button', { name: 'Add' }).click();

    // Assert
    const conflict = form.locator('[role="alert"][data-problem="conflict"]');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('This key is already granted roles in this account');
    expect((await grant(partner.appKey)).body.roles).toEqual(['orders-read']);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });

    // Arrange: the console has version 1; someone else makes it 2
    await page.reload();
    await page.getByRole('tab', { name: 'External keys' }).click();
    await grantRow(page, partner.appKey).waitFor();
    await menuAction(page, grantRow(page, partner.appKey), 'edit');
    await waitForFocusIn(page, 'external-key-dialog');
    const changed = await harness.api.request('PATCH', `/v1/external-keys/${partner.appKey}`, {
      as: owner,
      headers: { 'if-match': '"1"' },
      body: { roles: ['orders-write'] },
    });
    expect(changed.status).toBe(200);

    // Act
    await form.getByLabel('Catalog write', { exact: true }).check();
    await form.getByRole('button', { name: 'Save' }).click();

    // Assert
    const stale = form.locator('[role="alert"][data-problem="precondition-failed"]');
    await stale.waitFor();
    expect(await stale.textContent()).toContain(
      'This external key was changed elsewhere while you were editing it.',
    );
    expect((await grant(partner.appKey)).body.roles).toEqual(['orders-write']);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    expect(
      (await harness.api.request('DELETE', `/v1/external-keys/${partner.appKey}?confirm=true`, { as: owner }))
        .status,
    ).toBe(204);
    await page.context().close();
  });

  test('in Portuguese on a phone: add, deactivate and remove, all in Portuguese', async () => {
    // Arrange
    const page = await openExternal(owner, 'pt-BR', PHONE);
    await expectText(page, '#main-heading', 'Chaves externas');
    await page.getByRole('button', { name: '+ Adicionar chave externa' }).click();
    await waitForFocusIn(page, 'external-key-dialog');
    const form = dialog(page, 'external-key-dialog');

    // Act: nothing ticked is refused here, in Portuguese
    await form.locator('input[name="appKey"]').fill(partner.appKey);
    await form.getByRole('button', { name: 'Adicionar' }).click();
    await expectText(
      page,
      '[data-testid="external-key-dialog"] .field-error',
      'Escolha pelo menos um perfil.',
    );
    expect(await layoutProblems(page)).toEqual({ axe: [], overflow: 0, wider: [] });
    await form.getByLabel('Pedidos: leitura', { exact: true }).check();
    await form.getByRole('button', { name: 'Adicionar' }).click();

    // Assert
    await form.waitFor({ state: 'detached' });
    const added = grantRow(page, partner.appKey);
    await added.waitFor();
    expect(await added.locator('th').textContent()).toBe(`${partner.appKey}Conta partnerstore`);
    expect(await added.locator('[data-role]').allTextContents()).toEqual(['Pedidos: leitura']);
    expect(await added.locator('td').nth(2).textContent()).toBe('Ativa');
    expect((await grant(partner.appKey)).body.roles).toEqual(['orders-read']);

    // Act: deactivate
    await menuAction(page, added, 'deactivate');
    await waitForFocusIn(page, 'deactivate-external-dialog');
    await dialog(page, 'deactivate-external-dialog').getByRole('button', { name: 'Sim, desativar' }).click();

    // Assert
    await grantRow(page, partner.appKey).and(page.locator('[data-status="inactive"]')).waitFor();
    expect(await added.locator('td').nth(2).textContent()).toBe('Inativa');
    expect((await grant(partner.appKey)).body.status).toBe('inactive');

    // Act: remove
    await menuAction(page, added, 'remove');
    await waitForFocusIn(page, 'remove-external-dialog');
    expect(await layoutProblems(page)).toEqual({ axe: [], overflow: 0, wider: [] });
    await dialog(page, 'remove-external-dialog').getByRole('button', { name: 'Remover' }).click();

    // Assert
    await added.waitFor({ state: 'detached' });
    expect((await grant(partner.appKey)).status).toBe(404);
    await page.context().close();
  });

  test('a key without keys:edit sees the grants, read-only, and is told why', async () => {
    // Arrange
    const added = await harness.api.request('POST', '/v1/external-keys', {
      as: owner,
      body: { appKey: partner.appKey, roles: ['catalog-read'] },
    });
    expect(added.status).toBe(201);

    // Act
    const page = await openExternal(viewer);

    // Assert
    await grantRow(page, partner.appKey).waitFor();
    expect(await page.getByTestId('external-read-only').textContent()).toContain('keys:edit');
    expect(await page.getByTestId('add-external-key').count()).toBe(0);
    expect(
      await page.locator('[data-testid="external-keys-table"] button[aria-haspopup="menu"]').count(),
    ).toBe(0);
    await page.context().close();
  });

  test.each<[ConsoleLocale, { width: number; height: number }, string]>([
    ['en', DESKTOP, 'External keys'],
    ['en', PHONE, 'External keys'],
    ['pt-BR', DESKTOP, 'Chaves externas'],
    ['pt-BR', PHONE, 'Chaves externas'],
  ])(
    'layout and axe: the tab with a grant and its add dialog (%s, %j)',
    async (locale, viewport, heading) => {
      // Arrange: the previous test left one grant
      const page = await openExternal(owner, locale, viewport);
      await expectText(page, '#main-heading', heading);
      await grantRow(page, partner.appKey).waitFor();

      // Assert: the tab, then the dialog
      expect(await layoutProblems(page)).toEqual({ axe: [], overflow: 0, wider: [] });
      await page.getByTestId('add-external-key').click();
      await waitForFocusIn(page, 'external-key-dialog');
      expect(await layoutProblems(page)).toEqual({ axe: [], overflow: 0, wider: [] });

      // Escape closes it and focus goes back to the button that opened it
      await page.keyboard.press('Escape');
      await dialog(page, 'external-key-dialog').waitFor({ state: 'detached' });
      await waitForValue<string | undefined>(
        page,
        'document.activeElement?.dataset.testid',
        (id) => id === 'add-external-key',
      );
      await page.context().close();
      expect(harness.pageErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    },
  );
});
