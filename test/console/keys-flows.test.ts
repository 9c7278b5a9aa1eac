// Browser flows of the "Generated keys" tab, each checked against what the API then reports:
// sign in, generate (token once), search and filters, edit roles, deactivate/activate, delete,
// load more and sign out.
import type { Page } from 'playwright-core';
import type { Credentials } from '../helpers/api';
import { describeInBrowser } from './support/browser';
import { ConsoleHarness } from './support/console-harness';
import { dialog, generateKey, row, rowAction } from './support/key-page';
import { expectRowCount, expectRows, expectText } from './support/wait';

describeInBrowser('console: generated keys', () => {
  let harness: ConsoleHarness;
  let owner: Credentials;
  let page: Page;

  beforeAll(async () => {
    harness = await ConsoleHarness.start();
    owner = await harness.api.bootstrap('keysui');
    ({ page } = await harness.newPage('en'));
  });
  afterAll(async () => harness?.stop());

  const getKey = (appKey: string) => harness.api.request('GET', `/v1/keys/${appKey}`, { as: owner });
  const verify = (appKey: string, appToken: string) =>
    harness.api.request('POST', '/v1/verify', { body: { appKey, appToken } });

  test('sign-in explains a malformed key, a wrong token and an inactive key', async () => {
    // Arrange
    const inactive = await harness.api.createKey(owner, ['key-viewer'], 'parked');
    await harness.api.request('POST', `/v1/keys/${inactive.appKey}/deactivate`, { as: owner, body: {} });
    await page.goto(harness.url);
    const appKey = page.locator('input[name="appKey"]');
    const token = page.locator('input[name="appToken"]');
    const submit = page.locator('form button[type="submit"]');

    // Act + Assert: a token pasted into the key field is named as such, next to the field
    await appKey.fill(owner.token);
    await token.fill(owner.token);
    await submit.click();
    await expectText(page, '#main', 'This is not an API key');
    expect(await appKey.getAttribute('aria-invalid')).toBe('true');

    await appKey.fill(owner.appKey);
    await token.fill(inactive.token);
    await submit.click();
    await expectText(page, '[data-testid="sign-in-error"]', 'The key or the token is wrong');

    await appKey.fill(inactive.appKey);
    await submit.click();
    await expectText(page, '[data-testid="sign-in-error"]', 'This key is inactive');
  });

  test('sign in shows the account and key in the header; the credential is in sessionStorage only', async () => {
    await harness.signIn(page, owner);

    expect(await page.getByTestId('identity-account').textContent()).toBe('keysui');
    expect(await page.getByTestId('identity-key').textContent()).toBe(owner.appKey);
    const storage = await page.evaluate(
      '({ session: JSON.stringify(sessionStorage), local: JSON.stringify(localStorage) })',
    );
    expect((storage as { session: string }).session).toContain(owner.appKey);
    expect((storage as { local: string }).local).not.toContain(owner.token);
    await row(page, owner.appKey).waitFor();
  });

  test('generate a key: name required, no role preselected, token shown once and then gone', async () => {
    // Arrange
    await page.getByTestId('generate-key').click();
    const form = dialog(page, 'generate-dialog');
    await form.waitFor();
    expect(await form.locator('input[type="checkbox"]').count()).toBe(7);
    expect(await form.locator('input[type="checkbox"]:checked').count()).toBe(0);

    // Act: submit without a name, then tick a management role
    await form.getByRole('button', { name: 'Generate' }).click();
    await expectText(page, '[data-testid="generate-dialog"]', 'Enter a name for the key.');
    await form.getByLabel('Key administrator', { exact: true }).check();
    await expectText(page, '[data-testid="management-warning"]', 'Key administrator can manage keys');
    await form.getByLabel('Key administrator', { exact: true }).uncheck();
    await form.getByRole('button', { name: 'Cancel' }).click();
    const created = await generateKey(page, 'ERP integration', ['Catalog read', 'Orders write']);

    // Assert: shown once, copyable, then forgotten
    const reveal = dialog(page, 'token-dialog');
    await expectText(page, '[data-testid="token-dialog"]', 'This token is shown only once');
    await reveal.getByRole('button', { name: 'Copy token' }).click();
    await expectText(page, '[data-testid="token-dialog"]', 'Token copied');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(created.token);
    await reveal.getByRole('button', { name: 'Done' }).click();
    await reveal.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(created.token);
    await row(page, created.appKey).waitFor();
    // ...and the API holds exactly that key and token
    const verified = await verify(created.appKey, created.token);
    expect(verified.body).toMatchObject({ valid: true, name: 'ERP integration' });
    expect(verified.body.roles).toEqual(['catalog-read', 'orders-write']);
    // The focus went back to the button that opened the dialog.
    expect(await page.evaluate('document.activeElement?.dataset.testid')).toBe('generate-key');
  });

  test('search finds a key by name and by key; the status filter narrows the list', async () => {
    const other = await harness.api.createKey(owner, [], 'Warehouse scanner');
    await page.reload();
    await row(page, other.appKey).waitFor();

    await page.getByTestId('search').fill('wareHOUSE');
    await expectRows(page, [other.appKey]);
    await page.getByTestId('search').fill(other.appKey.slice(-10));
    await expectRows(page, [other.appKey]);

    await page.getByTestId('search').fill('');
    await page.getByTestId('status-filter').selectOption('inactive');
    const inactive = await harness.api.request('GET', '/v1/keys?status=inactive', { as: owner });
    await expectRows(
      page,
      inactive.body.items.map((k: { appKey: string }) => k.appKey),
    );
    await page.getByTestId('status-filter').selectOption('');
  });

  test('edit roles: the API reports the new roles', async () => {
    const key = await harness.api.createKey(owner, ['catalog-read'], 'Edit me');
    await page.getByTestId('search').fill('Edit me');
    await expectRows(page, [key.appKey]);

    await rowAction(page, key.appKey, 'edit');
    const edit = dialog(page, 'edit-dialog');
    expect(await edit.getByLabel('Catalog read', { exact: true }).isChecked()).toBe(true);
    await edit.getByLabel('Catalog read', { exact: true }).uncheck();
    await edit.getByLabel('Orders read', { exact: true }).check();
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });

    await expectText(page, `tr[data-app-key="${key.appKey}"]`, 'Orders read');
    expect((await getKey(key.appKey)).body.roles).toEqual(['orders-read']);
  });

  test('deactivate needs a second, explicit click; activate restores the key', async () => {
    const key = await harness.api.createKey(owner, [], 'Toggle me');
    await page.getByTestId('search').fill('Toggle me');
    await expectRows(page, [key.appKey]);

    await rowAction(page, key.appKey, 'deactivate');
    const confirm = dialog(page, 'deactivate-dialog');
    expect((await getKey(key.appKey)).body.status).toBe('active'); // nothing happened yet
    await confirm.getByRole('button', { name: 'Yes, deactivate' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.locator(`tr[data-app-key="${key.appKey}"][data-status="inactive"]`).waitFor();
    await expectText(page, `tr[data-app-key="${key.appKey}"] .status`, 'Inactive');
    expect((await getKey(key.appKey)).body.status).toBe('inactive');
    expect((await verify(key.appKey, key.token)).body).toEqual({ valid: false, reason: 'inactive' });

    await rowAction(page, key.appKey, 'activate');
    await page.locator(`tr[data-app-key="${key.appKey}"][data-status="active"]`).waitFor();
    await expectText(page, `tr[data-app-key="${key.appKey}"] .status`, 'Active');
    expect((await getKey(key.appKey)).body.status).toBe('active');
    expect((await verify(key.appKey, key.token)).body.valid).toBe(true);
  });

  test('an API refusal is shown in plain words next to the action: the last admin key', async () => {
    await page.getByTestId('search').fill(owner.appKey);
    await expectRows(page, [owner.appKey]);

    await rowAction(page, owner.appKey, 'deactivate');
    const confirm = dialog(page, 'deactivate-dialog');
    await confirm.getByRole('button', { name: 'Yes, deactivate' }).click();

    await expectText(page, '[data-testid="deactivate-dialog"] [role="alert"]', 'last active key');
    expect((await getKey(owner.appKey)).body.status).toBe('active');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
  });

  test('delete is enabled only after ticking "I understand"; the API then has no such key', async () => {
    const key = await harness.api.createKey(owner, [], 'Delete me');
    await page.getByTestId('search').fill('Delete me');
    await expectRows(page, [key.appKey]);

    await rowAction(page, key.appKey, 'delete');
    const remove = dialog(page, 'delete-dialog');
    const button = remove.getByRole('button', { name: 'Delete key' });
    expect(await button.isDisabled()).toBe(true);
    await remove.getByLabel('I understand that this action cannot be undone').check();
    await button.click();
    await remove.waitFor({ state: 'detached' });

    await row(page, key.appKey).waitFor({ state: 'detached' });
    expect((await getKey(key.appKey)).status).toBe(404);
    expect((await verify(key.appKey, key.token)).body.valid).toBe(false);
  });

  test('load more fetches the next page', async () => {
    for (let i = 0; i < 21; i++) await harness.api.createKey(owner, [], `Bulk ${String(i).padStart(2, '0')}`);
    await page.getByTestId('search').fill('Bulk');
    await expectRowCount(page, 20);

    await page.getByRole('button', { name: 'Load more' }).click();

    await expectRowCount(page, 21);
    await expectText(page, '#main', 'Showing all 21 keys.');
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
  });

  test('sign out clears the session', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();

    await page.locator('input[name="appKey"]').waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await page.reload();
    await page.locator('input[name="appKey"]').waitFor();
    expect(harness.pageErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
