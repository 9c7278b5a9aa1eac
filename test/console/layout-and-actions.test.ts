// Issue 14 in the browser: the row menu stays inside a phone's window and the narrow layout labels
// its fields; a 100-character name without spaces neither widens the page nor hides a dialog's close
// button, and dates stay on one line at 1366 px; the Edit dialog's "None is selected" hint follows
// the ticks; actions the API would refuse are offered disabled with the reason; a dialog's action
// buttons stay in view at 1366x768.
import type { Locator, Page } from 'playwright-core';
import type { Credentials } from '../helpers/api';
import { seriousViolations } from './support/axe';
import { describeInBrowser } from './support/browser';
import { ConsoleHarness, type ConsoleLocale } from './support/console-harness';
import { dialog, row } from './support/key-page';
import { waitForValue } from './support/wait';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };
const LONG_NAME = 'N'.repeat(100);

describeInBrowser('console: layout and refused actions (issue 14)', () => {
  let harness: ConsoleHarness;
  let owner: Credentials;
  let admin: Credentials;
  let orders: Credentials;
  let long: Credentials;

  beforeAll(async () => {
    harness = await ConsoleHarness.start();
    owner = await harness.api.bootstrap('layout14');
    admin = await harness.api.createKey(owner, ['key-admin'], 'Key admin');
    orders = await harness.api.createKey(owner, ['orders-read'], 'Orders reader');
    long = await harness.api.createKey(owner, ['orders-read'], LONG_NAME);
  });
  afterAll(async () => harness?.stop());

  async function signedIn(
    credentials: Credentials,
    viewport: { width: number; height: number },
    locale: ConsoleLocale = 'en',
  ): Promise<Page> {
    const { page } = await harness.newPage(locale);
    await page.setViewportSize(viewport);
    await harness.signIn(page, credentials);
    await row(page, long.appKey).waitFor();
    return page;
  }

  async function openMenu(page: Page, appKey: string): Promise<Locator> {
    const button = row(page, appKey).getByRole('button', { name: /actions for|ações para/i });
    // The menu closes on scroll; let the scroll that brings the button into view land first.
    await button.scrollIntoViewIfNeeded();
    await page.evaluate(
      'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
    );
    await button.click();
    const menu = page.getByRole('menu');
    await menu.waitFor();
    return menu;
  }

  /** The page's scroll width, and what sticks out of the window if anything does. */
  function pageWidth(page: Page): Promise<{ width: number; wider: string[] }> {
    return page.evaluate(`({
      width: document.documentElement.scrollWidth,
      wider: [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > innerWidth)
        .map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)),
    })`);
  }

  /** Waits until the element's box lies wholly inside the window, and returns it. */
  async function expectInViewport(page: Page, selector: string): Promise<void> {
    await waitForValue<{ ok: boolean } | null>(
      page,
      `(() => {
        const el = document.querySelector(${JSON.stringify(selector)});
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { ok: r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
                 box: [r.left, r.top, r.right, r.bottom], innerWidth, innerHeight };
      })()`,
      (value) => value?.ok === true,
    );
  }

  type MenuState = Record<string, { disabled: boolean; reason: string }>;

  /**
   * The state of each item of the open menu (disabled or not, and the reason it is described by),
   * once `accept` holds: the roles' permissions arrive after the rows.
   */
  function menuItems(page: Page, accept: (items: MenuState) => boolean): Promise<MenuState> {
    return waitForValue<MenuState>(
      page,
      `Object.fromEntries(
      [...document.querySelectorAll('[role="menu"] [role="menuitem"]')].map((item) => [
        item.dataset.action,
        {
          disabled: item.getAttribute('aria-disabled') === 'true',
          reason: (item.getAttribute('aria-describedby') || '')
            .split(' ').filter(Boolean)
            .map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
        },
      ]),
    )`,
      accept,
    );
  }

  test('phone: the page keeps its width, fields are labelled, the menu opens inside the window, axe is clean', async () => {
    const page = await signedIn(owner, PHONE);

    // A 100-character name does not widen the page
    expect(await pageWidth(page)).toEqual({ width: PHONE.width, wider: [] });

    // Each field of a card carries its label (the column headers are hidden)
    const labels = await page.evaluate(
      `[...document.querySelector('tr[data-app-key="${long.appKey}"]').querySelectorAll('td[data-label]')]
        .map((td) => getComputedStyle(td, '::before').content)`,
    );
    expect(labels).toEqual(['"Token duration"', '"Roles"', '"Created"', '"Last used"', '"Status"']);
    expect(await page.evaluate('getComputedStyle(document.querySelector(".keys-table thead")).display')).toBe(
      'none',
    );

    expect(await seriousViolations(page)).toEqual([]);

    // The row menu lies wholly inside the window, and its items can be used
    await openMenu(page, orders.appKey);
    await expectInViewport(page, '[role="menu"]');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('[role="menu"] [data-action="edit"]').click();
    await dialog(page, 'edit-dialog').waitFor();
    await dialog(page, 'edit-dialog').getByRole('button', { name: 'Cancel' }).click();
    await dialog(page, 'edit-dialog').waitFor({ state: 'detached' });
    await page.context().close();
  });

  test('phone: with a 100-character name the Renew and Edit dialogs keep the close button visible', async () => {
    const page = await signedIn(owner, PHONE);
    for (const [action, testId] of [
      ['renew', 'renew-dialog'],
      ['edit', 'edit-dialog'],
    ]) {
      await openMenu(page, long.appKey);
      await page.locator(`[role="menu"] [data-action="${action}"]`).click();
      const box = dialog(page, testId!);
      await box.waitFor();
      const close = box.getByRole('button', { name: 'Close' });
      expect(await close.isVisible()).toBe(true);
      await expectInViewport(page, `[data-testid="${testId}"] .dialog-header .icon-button`);
      await expectInViewport(page, `[data-testid="${testId}"] h2`);
      expect(await pageWidth(page)).toEqual({ width: PHONE.width, wider: [] });
      await close.click();
      await box.waitFor({ state: 'detached' });
    }
    await page.context().close();
  });

  test('1366x768: dates stay on one line, and the Generate button is in view without scrolling', async () => {
    const page = await signedIn(owner, DESKTOP);

    const lines = await page.evaluate(
      `[...document.querySelector('tr[data-app-key="${long.appKey}"]').querySelectorAll('td time')]
        .map((t) => t.getClientRects().length)`,
    );
    expect(lines).toEqual([1, 1]);
    // The cell stretches to the row's height, so its content is measured: one line of text
    const created = await page.evaluate(`(() => {
      const time = document.querySelector('tr[data-app-key="${long.appKey}"] td:nth-of-type(3) time');
      return { height: time.getBoundingClientRect().height, font: parseFloat(getComputedStyle(time).fontSize) };
    })()`);
    const { height, font } = created as { height: number; font: number };
    expect(height).toBeLessThan(font * 2);

    await page.getByTestId('generate-key').click();
    const form = dialog(page, 'generate-dialog');
    await form.waitFor();
    await expectInViewport(page, '[data-testid="generate-dialog"] .dialog-actions button.primary');
    expect(await form.getByRole('button', { name: 'Generate' }).isVisible()).toBe(true);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    await page.context().close();
  });

  test('Edit: "None is selected" shows only while no role is ticked', async () => {
    const page = await signedIn(owner, DESKTOP);
    await openMenu(page, orders.appKey);
    await page.locator('[role="menu"] [data-action="edit"]').click();
    const form = dialog(page, 'edit-dialog');
    await form.waitFor();
    const hint = form.getByText('None is selected');

    expect(await hint.count()).toBe(0);
    await form.getByLabel('Orders read', { exact: true }).uncheck();
    await hint.waitFor();
    await form.getByLabel('Catalog read', { exact: true }).check();
    await hint.waitFor({ state: 'detached' });
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    await page.context().close();
  });

  test('Edit renames a key: an empty name is refused, a new one reaches the API', async () => {
    const target = await harness.api.createKey(owner, ['orders-read'], 'Old name');
    const page = await signedIn(owner, DESKTOP);
    await row(page, target.appKey).waitFor();
    await openMenu(page, target.appKey);
    await page.locator('[role="menu"] [data-action="edit"]').click();
    const form = dialog(page, 'edit-dialog');
    const name = form.getByLabel('Name', { exact: true });
    expect(await name.inputValue()).toBe('Old name');

    await name.fill('   ');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Enter a name for the key.').waitFor();

    await name.fill('New name');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await row(page, target.appKey).getByText('New name').waitFor();
    const stored = await harness.api.request('GET', `/v1/keys/${target.appKey}`, { as: owner });
    expect({ name: stored.body.name, roles: stored.body.roles }).toEqual({
      name: 'New name',
      roles: ['orders-read'],
    });
    await page.context().close();
  });

  test.each<[ConsoleLocale, RegExp, RegExp]>([
    ['en', /cannot renew the key you are signed in with/, /cannot delete the key you are signed in with/],
    ['pt-BR', /Não é possível renovar a chave com que você entrou/, /Não é possível excluir a chave/],
  ])(
    'the signed-in key offers Renew and Delete disabled, with the reason (%s)',
    async (locale, renew, del) => {
      const page = await signedIn(owner, DESKTOP, locale);
      await openMenu(page, owner.appKey);
      const items = await menuItems(page, (i) => i.renew?.disabled === true);
      expect(items.renew?.disabled).toBe(true);
      expect(items.renew?.reason).toMatch(renew);
      expect(items.delete?.disabled).toBe(true);
      expect(items.delete?.reason).toMatch(del);
      expect(items.edit?.disabled).toBe(false);
      expect(await page.locator('[role="menu"] [data-action="renew"]').getAttribute('title')).toMatch(renew);

      // Choosing it anyway (force: Playwright itself honours aria-disabled) does nothing
      await page.locator('[role="menu"] [data-action="renew"]').click({ force: true });
      expect(await page.getByRole('menu').isVisible()).toBe(true);
      expect(await dialog(page, 'renew-dialog').count()).toBe(0);
      await page.context().close();
    },
  );

  test('a key admin sees actions on an owner key disabled, and on an orders key enabled', async () => {
    const page = await signedIn(admin, DESKTOP);
    await openMenu(page, owner.appKey);
    const onOwner = await menuItems(page, (i) => i.edit?.disabled === true);
    for (const action of ['edit', 'deactivate', 'renew', 'delete']) {
      expect({ action, ...onOwner[action] }).toEqual({
        action,
        disabled: true,
        reason: expect.stringMatching(/permissions your key does not have/),
      });
    }
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });

    await openMenu(page, orders.appKey);
    const onOrders = await menuItems(page, (i) => i.edit !== undefined);
    for (const action of ['edit', 'deactivate', 'renew', 'delete'])
      expect({ action, ...onOrders[action] }).toEqual({ action, disabled: false, reason: '' });
    await page.locator('[role="menu"] [data-action="renew"]').click();
    await dialog(page, 'renew-dialog').waitFor();
    await page.context().close();
  });
});
