// Browser flows of token renewal, each checked against the API: renew Later (both tokens shown,
// the old one pending deletion) then delete the old token; renew and undo; renew Now; and the
// API's refusal to renew one's own key shown in the dialog.
import type { Page } from 'playwright-core';
import type { Credentials } from '../helpers/api';
import { describeInBrowser } from './support/browser';
import { ConsoleHarness } from './support/console-harness';
import { dialog, row, rowAction } from './support/key-page';
import { expectRows, expectText } from './support/wait';

describeInBrowser('console: token renewal', () => {
  let harness: ConsoleHarness;
  let owner: Credentials;
  let page: Page;

  beforeAll(async () => {
    harness = await ConsoleHarness.start();
    owner = await harness.api.bootstrap('renewui');
    ({ page } = await harness.newPage('en'));
    await harness.signIn(page, owner);
  });
  afterAll(async () => harness?.stop());

  const getKey = (appKey: string) => harness.api.request('GET', `/v1/keys/${appKey}`, { as: owner });
  const isValid = async (appKey: string, appToken: string): Promise<boolean> =>
    (await harness.api.request('POST', '/v1/verify', { body: { appKey, appToken } })).body.valid;

  async function showOnly(name: string): Promise<Credentials> {
    const key = await harness.api.createKey(owner, ['catalog-read'], name);
    await page.getByTestId('search').fill(name);
    await expectRows(page, [key.appKey]);
    return key;
  }

  async function renew(appKey: string, mode: 'Later' | 'Now'): Promise<string> {
    await rowAction(page, appKey, 'renew');
    const renewDialog = dialog(page, 'renew-dialog');
    expect(await renewDialog.getByLabel('Later').isChecked()).toBe(true);
    await renewDialog.getByLabel(mode, { exact: true }).check();
    // The link is the default delivery (share-links.test.ts covers it): these flows take the token now.
    await renewDialog.getByLabel('Show the token now', { exact: true }).check();
    await renewDialog.getByRole('button', { name: 'Renew' }).click();
    const reveal = dialog(page, 'token-dialog');
    await expectText(page, '[data-testid="token-dialog"]', 'This token is shown only once');
    const token = await reveal.getByTestId('revealed-token').inputValue();
    // Copied first, so Done closes without asking "Did you copy it?".
    await reveal.getByRole('button', { name: 'Copy token' }).click();
    await expectText(page, '[data-testid="token-dialog"]', 'Token copied');
    await reveal.getByRole('button', { name: 'Done' }).click();
    await reveal.waitFor({ state: 'detached' });
    return token;
  }

  test('renew Later shows both tokens, the old one pending deletion; deleting it leaves the new one', async () => {
    // Arrange
    const key = await showOnly('Renew later');

    // Act
    const newToken = await renew(key.appKey, 'Later');

    // Assert: the page and the API both show two tokens, the old one pending deletion
    const tokens = row(page, key.appKey).locator('[data-token-state]');
    await expectText(page, `tr[data-app-key="${key.appKey}"]`, 'Pending deletion');
    expect(await tokens.count()).toBe(2);
    expect(await tokens.nth(1).getAttribute('data-token-state')).toBe('pending-deletion');
    const renewing = (await getKey(key.appKey)).body;
    expect(renewing.renewal).not.toBeNull();
    expect(renewing.tokens.map((t: { state: string }) => t.state)).toEqual(['active', 'pending-deletion']);
    expect(await isValid(key.appKey, key.token)).toBe(true);
    expect(await isValid(key.appKey, newToken)).toBe(true);

    // Act: delete the old token
    await rowAction(page, key.appKey, 'finish-renewal');
    const confirm = dialog(page, 'finish-renewal-dialog');
    await confirm.getByRole('button', { name: 'Delete old token' }).click();
    await confirm.waitFor({ state: 'detached' });

    // Assert
    await tokens.nth(1).waitFor({ state: 'detached' });
    const finished = (await getKey(key.appKey)).body;
    expect(finished.renewal).toBeNull();
    expect(finished.tokens).toHaveLength(1);
    expect(await isValid(key.appKey, key.token)).toBe(false);
    expect(await isValid(key.appKey, newToken)).toBe(true);
  });

  test('renew and undo: the new token is deleted and the old one stays', async () => {
    const key = await showOnly('Renew undo');
    const newToken = await renew(key.appKey, 'Later');
    await expectText(page, `tr[data-app-key="${key.appKey}"]`, 'Pending deletion');

    await rowAction(page, key.appKey, 'undo-renewal');
    const confirm = dialog(page, 'undo-renewal-dialog');
    await confirm.getByRole('button', { name: 'Undo renewal' }).click();
    await confirm.waitFor({ state: 'detached' });

    await row(page, key.appKey)
      .locator('[data-token-state="pending-deletion"]')
      .waitFor({ state: 'detached' });
    const undone = (await getKey(key.appKey)).body;
    expect(undone.renewal).toBeNull();
    expect(undone.tokens).toHaveLength(1);
    expect(await isValid(key.appKey, key.token)).toBe(true);
    expect(await isValid(key.appKey, newToken)).toBe(false);
  });

  test('renew Now replaces the token at once', async () => {
    const key = await showOnly('Renew now');

    const newToken = await renew(key.appKey, 'Now');

    expect(await row(page, key.appKey).locator('[data-token-state]').count()).toBe(1);
    expect((await getKey(key.appKey)).body.renewal).toBeNull();
    expect(await isValid(key.appKey, key.token)).toBe(false);
    expect(await isValid(key.appKey, newToken)).toBe(true);
  });

  test("renewing one's own key is offered disabled, with the reason the API would give", async () => {
    await page.getByTestId('search').fill(owner.appKey);
    await expectRows(page, [owner.appKey]);

    // Issue 14: the API refuses it (403), so the menu says why instead of opening the dialog
    await row(page, owner.appKey)
      .getByRole('button', { name: /actions for/i })
      .click();
    const renewItem = page.locator('[role="menu"] [data-action="renew"]');
    expect(await renewItem.getAttribute('aria-disabled')).toBe('true');
    await expectText(
      page,
      '[role="menu"] [data-action="renew"]',
      'You cannot renew the key you are signed in with',
    );
    await renewItem.click({ force: true });
    expect(await dialog(page, 'renew-dialog').count()).toBe(0);
    expect((await getKey(owner.appKey)).body.tokens).toHaveLength(1);
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    expect(harness.pageErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
