// Every main screen, in English, Portuguese and Spanish, at 1366x768 and (the main ones) on a
// 390x844 phone: an axe-core check (no serious or critical violations) and a screenshot for
// docs/screenshots/ (linked from console/README.md). Also the
// keyboard paths: the row menu, a dialog's focus trap, Escape, and focus going back.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Credentials } from '../helpers/api';
import { REPO_ROOT } from '../../infra/repo-root';
import { describeInBrowser } from './support/browser';
import { seriousViolations } from './support/axe';
import { ConsoleHarness, type ConsoleLocale } from './support/console-harness';
import { dialog, row } from './support/key-page';
import { expectText, waitForFocusIn, waitForValue } from './support/wait';

const SCREENSHOTS = join(REPO_ROOT, 'docs', 'screenshots');
/** Screenshots are written only when asked (UPDATE_SCREENSHOTS=1): `npm test` leaves the tree clean. */
const WRITE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
const MAIN_SCREENS = ['sign-in', 'keys', 'generate-key', 'settings', 'settings-confirm'];
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

describeInBrowser('console: accessibility and screenshots', () => {
  let harness: ConsoleHarness;
  let operator: Credentials;
  let storefront: string;

  beforeAll(async () => {
    if (WRITE_SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
    harness = await ConsoleHarness.start();
    operator = await seedDemoAccount(harness);
    storefront = (await harness.api.request('GET', '/v1/keys?search=Storefront', { as: operator })).body
      .items[0].appKey;
  });
  afterAll(async () => harness?.stop());

  /**
   * Photographs the screen and checks it with axe. The four main screens are checked in both
   * languages; the secondary ones (menus, one-time token, delete) differ only in wording, so they
   * are checked once, in English, to keep the suite within its time budget.
   */
  async function check(page: Page, screen: string, locale: ConsoleLocale, suffix = ''): Promise<void> {
    // The key list is photographed whole, so every alert level is in the picture.
    if (WRITE_SCREENSHOTS) {
      await page.screenshot({
        path: join(SCREENSHOTS, `${screen}-${locale.toLowerCase()}${suffix}.png`),
        fullPage: screen === 'keys',
      });
    }
    if (locale !== 'en' && !MAIN_SCREENS.includes(screen)) return;
    const violations = await seriousViolations(page);
    expect({ screen, locale, violations }).toEqual({
      screen,
      locale,
      violations: [],
    });
  }

  test.each<[ConsoleLocale, string]>([
    ['en', 'Generate'],
    ['pt-BR', 'Gerar'],
    ['es', 'Generar'],
  ])('every screen passes axe and is photographed (%s)', async (locale, generateLabel) => {
    const { context, page } = await harness.newPage(locale);
    await page.setViewportSize(DESKTOP);

    await page.goto(harness.url);
    await page.locator('input[name="appKey"]').waitFor();
    await check(page, 'sign-in', locale);

    await harness.signIn(page, operator);
    await row(page, storefront).waitFor();
    await page.locator('button[data-alert="expired-critical"]').first().waitFor();
    await check(page, 'keys', locale);

    await page.getByTestId('generate-key').click();
    const generate = dialog(page, 'generate-dialog');
    await generate.locator('input[type="text"]').first().fill('ERP integration');
    await generate.locator('input[value="catalog-read"]').check();
    await generate.locator('input[value="key-admin"]').check();
    await page.getByTestId('management-warning').waitFor();
    await check(page, 'generate-key', locale);
    await generate.locator('input[value="key-admin"]').uncheck();
    // The link is the default delivery (share-links.test.ts checks its dialog with axe).
    await generate.locator('input[data-delivery="response"]').check();
    await generate.getByRole('button', { name: generateLabel, exact: true }).click();
    await dialog(page, 'token-dialog').waitFor();
    await check(page, 'token-shown-once', locale);
    // Escape asks "Did you copy it?" before a once-shown token is lost.
    await waitForFocusIn(page, 'token-dialog');
    await page.keyboard.press('Escape');
    await dialog(page, 'token-dialog').getByTestId('confirm-close').locator('button.danger').click();
    await dialog(page, 'token-dialog').waitFor({ state: 'detached' });

    await row(page, storefront).locator('button[aria-haspopup="menu"]').click();
    await page.getByRole('menu').waitFor();
    await check(page, 'row-menu', locale);
    await page.locator('[role="menu"] [data-action="delete"]').click();
    await dialog(page, 'delete-dialog').waitFor();
    await check(page, 'delete-key', locale);
    await page.keyboard.press('Escape');

    await page.getByRole('tab').nth(1).click();
    await page.locator('form.settings-form').waitFor();
    await check(page, 'settings', locale);
    // A shorter duration: the count before Apply, then the confirmation (cancelled: the demo stays)
    await page.locator('form.settings-form input[type="radio"][value="30"]').check();
    // Warned 30 days ahead, every token moves into "Expiring": a count worth showing
    await page.locator('form.settings-form input[type="number"]').fill('30');
    await page.locator('[data-testid="settings-impact"]:not(:empty)').waitFor();
    await page.locator('form.settings-form button[type="submit"]').click();
    await waitForFocusIn(page, 'apply-settings-dialog');
    await check(page, 'settings-confirm', locale);
    await page.keyboard.press('Escape');
    await dialog(page, 'apply-settings-dialog').waitFor({ state: 'detached' });
    await context.close();
  });

  test.each<ConsoleLocale>(['en', 'pt-BR', 'es'])(
    'the main screens pass axe on a phone (%s)',
    async (locale) => {
      const { context, page } = await harness.newPage(locale);
      await page.setViewportSize(PHONE);
      await page.goto(harness.url);
      await page.locator('input[name="appKey"]').waitFor();
      await check(page, 'sign-in', locale, '-phone');
      await harness.signIn(page, operator);
      await row(page, storefront).waitFor();
      await page.locator('button[data-alert="expired-critical"]').first().waitFor();
      await check(page, 'keys', locale, '-phone');
      await page.getByRole('tab').nth(1).click();
      await page.locator('form.settings-form').waitFor();
      await check(page, 'settings', locale, '-phone');
      await context.close();
    },
  );

  test('keyboard: the row menu opens, moves and closes with keys; a dialog keeps and returns focus', async () => {
    // Arrange
    const { context, page } = await harness.newPage('en');
    await harness.signIn(page, operator);
    const menuButton = row(page, storefront).locator('button[aria-haspopup="menu"]');
    // Focus moves after Preact re-renders, so each expectation waits for it.
    const expectFocus = (expected: string): Promise<string> =>
      waitForValue<string>(
        page,
        `(document.activeElement?.dataset.action ?? document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName)`,
        (value) => value === expected,
      );

    // Act + Assert: the menu button pattern
    await menuButton.focus();
    await page.keyboard.press('Enter');
    await expectFocus('edit');
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await expectFocus('deactivate');
    await page.keyboard.press('End');
    await expectFocus('delete');
    await page.keyboard.press('ArrowDown');
    await expectFocus('edit');
    await page.keyboard.press('Escape');
    await expectFocus('Actions for Storefront');
    expect(await page.getByRole('menu').count()).toBe(0);

    // A dialog opened from the menu: focus inside, Tab cannot leave, Escape closes, focus returns
    await page.keyboard.press('ArrowDown');
    // The menu opens on the next render: Enter must reach the item, not the button still focused.
    await expectFocus('edit');
    await page.keyboard.press('Enter');
    const edit = dialog(page, 'edit-dialog');
    await edit.waitFor();
    await waitForValue<boolean>(page, '!!document.activeElement?.closest("dialog")', (inside) => inside);
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate('!!document.activeElement?.closest("dialog")')).toBe(true);
    }
    await page.keyboard.press('Escape');
    await edit.waitFor({ state: 'detached' });
    await expectFocus('Actions for Storefront');

    // The tabs follow the arrow keys
    await page.getByRole('tab', { name: 'Generated keys' }).focus();
    await page.keyboard.press('ArrowRight');
    await expectText(page, '#main-heading', 'Token settings');
    expect(await page.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe('true');
    await context.close();
    expect(harness.pageErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});

/**
 * An account whose keys show every state the console can display: each alert level (keys created
 * at different moments of the API's clock), a pending renewal, an inactive key, several roles.
 */
async function seedDemoAccount(harness: ConsoleHarness): Promise<Credentials> {
  const { api } = harness;
  const clock = api.services.clock;
  // Owner keys expire like any other (90 days by default): each stage gets a fresh one.
  const first = await api.bootstrap('demostore');
  await api.createKey(first, ['catalog-read'], 'Legacy importer');
  clock.advanceDays(50);
  const second = await api.bootstrap('demostore');
  await api.createKey(second, ['orders-read'], 'Nightly sales report');
  clock.advanceDays(45);
  await api.createKey(second, ['catalog-read', 'orders-write'], 'ERP integration');
  clock.advanceDays(85);
  const operator = await api.bootstrap('demostore');
  const pos = await api.createKey(operator, ['orders-write'], 'Old point of sale');
  await api.request('POST', `/v1/keys/${pos.appKey}/deactivate`, { as: operator, body: {} });
  const shop = await api.createKey(operator, ['catalog-read', 'orders-read'], 'Storefront');
  await api.request('POST', `/v1/keys/${shop.appKey}/token/renew`, {
    as: operator,
    body: { deleteOldToken: 'later' },
  });
  await api.createKey(operator, ['key-viewer'], 'Audit dashboard');
  return operator;
}
