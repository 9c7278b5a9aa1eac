// Issue 14's acceptance for items 1, 2, 3, 4, 8, 9, 10 and 18, at 1366x768 and 390x844 in English,
// Portuguese and Spanish: one page session per (viewport, language) walks through them all on a
// fresh account, with axe (no serious or critical finding) and the page's width checked at each
// step. The single-size English checks stay in layout-and-actions.test.ts and its neighbours.
//  1  the row menu opens inside the window; a phone's key card labels every field
//  2  a 100-character name widens nothing, the Renew and Edit dialogs keep × in view, dates stay
//     on one line at 1366 px
//  3  Edit: "None is selected" follows the ticks, and the key can be renamed
//  4  a token shown once asks before closing; Escape while "Working…" does not drop the request
//  8  Renew and Delete of the signed-in key, and every action on a more privileged key, are
//     offered disabled with the reason
//  9  the Generate dialog's buttons are in view without scrolling
// 10  search ignores accents
// 18  the document's lang changes in the same render as the text
import type { Page } from 'playwright-core';
import type { Credentials } from '../helpers/api';
import { layoutProblems } from './support/access-page';
import { describeInBrowser } from './support/browser';
import { ConsoleHarness, type ConsoleLocale } from './support/console-harness';
import { ISSUE14_TEXT } from './support/issue14-texts';
import { dialog, row } from './support/key-page';
import { LOCALES, MATRIX, type Viewport } from './support/matrix';
import { expectRows, waitForFocusIn, waitForValue } from './support/wait';

const LONG_NAME = 'N'.repeat(100);

interface Account {
  owner: Credentials;
  admin: Credentials;
  orders: Credentials;
  long: Credentials;
  accented: Credentials;
}

type MenuState = Record<string, { disabled: boolean; reason: string }>;

/** Each open menu item: disabled or not, and the text of what describes it (the reason). */
const MENU_ITEMS = `Object.fromEntries(
  [...document.querySelectorAll('[role="menu"] [role="menuitem"]')].map((item) => [
    item.dataset.action,
    {
      disabled: item.getAttribute('aria-disabled') === 'true',
      reason: (item.getAttribute('aria-describedby') || '').split(' ').filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
    },
  ]),
)`;

describeInBrowser('console: issue 14 items 1-4, 8-10 and 18 at both sizes in every language', () => {
  let harness: ConsoleHarness;

  beforeAll(async () => {
    harness = await ConsoleHarness.start();
  });
  afterAll(async () => harness?.stop());

  /** A fresh account per session, so one session's renames and new keys cannot move another's rows. */
  async function seed(account: string): Promise<Account> {
    const { api } = harness;
    const owner = await api.bootstrap(account);
    return {
      owner,
      admin: await api.createKey(owner, ['key-admin'], 'Key admin'),
      orders: await api.createKey(owner, ['orders-read'], 'Orders reader'),
      long: await api.createKey(owner, ['orders-read'], LONG_NAME),
      accented: await api.createKey(owner, ['catalog-read'], 'Integração ERP'),
    };
  }

  /** axe and the page's width, once the rows answer the filters (busy rows are dimmed on purpose). */
  async function expectClean(page: Page, step: string): Promise<void> {
    await waitForValue<string | null>(
      page,
      `document.querySelector('[data-testid="keys-area"]')?.getAttribute('aria-busy') ?? 'false'`,
      (busy) => busy === 'false',
    );
    const { axe, overflow, wider } = await layoutProblems(page);
    expect({ step, axe, overflow, wider }).toEqual({ step, axe: [], overflow: 0, wider: [] });
  }

  /** Waits until the element's box lies wholly inside the window. */
  async function expectInViewport(page: Page, selector: string): Promise<void> {
    await waitForValue<{ ok: boolean } | null>(
      page,
      `(() => {
        const el = document.querySelector(${JSON.stringify(selector)});
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { ok: r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
                 box: [r.left, r.top, r.right, r.bottom] };
      })()`,
      (value) => value?.ok === true,
    );
  }

  async function openMenu(page: Page, appKey: string): Promise<void> {
    const button = row(page, appKey).locator('button[aria-haspopup="menu"]');
    // The menu closes on scroll; let the scroll that brings the button into view land first.
    await button.scrollIntoViewIfNeeded();
    await page.evaluate(
      'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
    );
    await button.click();
    await page.getByRole('menu').waitFor();
  }

  async function closeMenu(page: Page): Promise<void> {
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
  }

  test.each(MATRIX)('%s, %s', async (locale, viewportName, viewport: Viewport) => {
    const text = ISSUE14_TEXT[locale];
    const account = await seed(`issue14${locale.replace('-', '').toLowerCase()}${viewportName}`);
    const { context, page } = await harness.newPage(locale);
    await page.setViewportSize(viewport);
    await harness.signIn(page, account.owner);
    await row(page, account.long.appKey).waitFor();

    // 2: the 100-character name widens nothing; axe is clean on the list
    await expectClean(page, 'list');

    // 1: on a phone the column headers give way to a label on every field of a card
    const headers = await page.evaluate(
      'getComputedStyle(document.querySelector(".keys-table thead")).display',
    );
    const labels = await page.evaluate(
      `[...document.querySelector('tr[data-app-key="${account.long.appKey}"]').querySelectorAll('td[data-label]')]
        .map((td) => getComputedStyle(td, '::before').content)`,
    );
    if (viewport.name === 'phone') {
      expect(headers).toBe('none');
      expect(labels).toEqual(text.cardLabels.map((label) => `"${label}"`));
    } else {
      expect(headers).not.toBe('none');
      // 2: at 1366 px each date of the long-named key stays on one line
      const lines = await page.evaluate(
        `[...document.querySelector('tr[data-app-key="${account.long.appKey}"]').querySelectorAll('td time')]
          .map((t) => t.getClientRects().length)`,
      );
      expect(lines).toEqual([1, 1]);
    }

    // 1: the row menu lies wholly inside the window
    await openMenu(page, account.orders.appKey);
    await expectInViewport(page, '[role="menu"]');
    await expectClean(page, 'row menu');

    // 3: Edit: the hint shows only while no role is ticked, and a new name reaches the API
    await page.locator('[role="menu"] [data-action="edit"]').click();
    const edit = dialog(page, 'edit-dialog');
    await waitForFocusIn(page, 'edit-dialog');
    const hint = edit.getByText(text.noneSelected);
    expect(await hint.count()).toBe(0);
    await edit.getByLabel(text.ordersRead, { exact: true }).uncheck();
    await hint.waitFor();
    await expectClean(page, 'edit, no role');
    await edit.getByLabel(text.catalogRead, { exact: true }).check();
    await hint.waitFor({ state: 'detached' });
    await edit.getByLabel(text.name, { exact: true }).fill('Catalog reader');
    await edit.getByRole('button', { name: text.save }).click();
    await edit.waitFor({ state: 'detached' });
    await row(page, account.orders.appKey).getByText('Catalog reader').waitFor();
    const stored = await harness.api.request('GET', `/v1/keys/${account.orders.appKey}`, {
      as: account.owner,
    });
    expect({ name: stored.body.name, roles: stored.body.roles }).toEqual({
      name: 'Catalog reader',
      roles: ['catalog-read'],
    });

    // 2: the Renew and Edit dialogs of the long-named key keep their title and × in view
    for (const [action, testId] of [
      ['renew', 'renew-dialog'],
      ['edit', 'edit-dialog'],
    ] as const) {
      await openMenu(page, account.long.appKey);
      await page.locator(`[role="menu"] [data-action="${action}"]`).click();
      await waitForFocusIn(page, testId);
      await expectInViewport(page, `[data-testid="${testId}"] .dialog-header .icon-button`);
      await expectInViewport(page, `[data-testid="${testId}"] h2`);
      await expectClean(page, `${action} dialog, long name`);
      await dialog(page, testId).getByRole('button', { name: text.close, exact: true }).click();
      await dialog(page, testId).waitFor({ state: 'detached' });
    }

    // 8: the signed-in key offers Renew and Delete disabled, with the reason; choosing one does nothing
    await openMenu(page, account.owner.appKey);
    const own = await waitForValue<MenuState>(page, MENU_ITEMS, (items) => items.renew?.disabled === true);
    expect(own.renew).toEqual({ disabled: true, reason: expect.stringMatching(text.ownRenew) });
    expect(own.delete).toEqual({ disabled: true, reason: expect.stringMatching(text.ownDelete) });
    expect(own.edit?.disabled).toBe(false);
    await expectClean(page, 'own key menu');
    // force: Playwright itself honours aria-disabled
    await page.locator('[role="menu"] [data-action="renew"]').click({ force: true });
    expect(await page.getByRole('menu').isVisible()).toBe(true);
    expect(await dialog(page, 'renew-dialog').count()).toBe(0);
    await closeMenu(page);

    // 9: the Generate dialog's buttons are in view without scrolling
    await page.getByTestId('generate-key').click();
    const generate = dialog(page, 'generate-dialog');
    await waitForFocusIn(page, 'generate-dialog');
    await expectInViewport(page, '[data-testid="generate-dialog"] .dialog-actions button.primary');
    await expectClean(page, 'generate dialog');

    // 4: Escape while "Working…" leaves the request to finish and its token on screen
    await generate.getByLabel(text.name, { exact: true }).fill('Slow API');
    await generate.locator('input[data-delivery="response"]').check();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/v1/keys', async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue();
    });
    await generate.locator('.dialog-actions button.primary').click();
    await generate.locator('.dialog-actions button.primary', { hasText: text.working }).waitFor();
    // Escape, × and Cancel (force: Playwright honours aria-disabled) while the API has not answered
    await page.keyboard.press('Escape');
    await generate.getByRole('button', { name: text.close, exact: true }).click({ force: true });
    await generate.getByRole('button', { name: text.cancel, exact: true }).click({ force: true });
    expect(await generate.getAttribute('aria-busy')).toBe('true');
    release();
    const reveal = dialog(page, 'token-dialog');
    await reveal.waitFor();
    await page.unroute('**/v1/keys');
    const appKey = await reveal.getByTestId('revealed-key').inputValue();
    const token = await reveal.getByTestId('revealed-token').inputValue();
    const verified = await harness.api.request('POST', '/v1/verify', { body: { appKey, appToken: token } });
    expect(verified.body.valid).toBe(true);

    // 4: the token shown once asks before closing, on Escape and on ×, and Go back keeps it
    await waitForFocusIn(page, 'token-dialog');
    await page.keyboard.press('Escape');
    const question = reveal.getByTestId('confirm-close');
    await question.getByText(text.didYouCopy).waitFor();
    await expectClean(page, 'did you copy it');
    await question.getByRole('button', { name: text.goBack }).click();
    await question.waitFor({ state: 'detached' });
    expect(await reveal.getByTestId('revealed-token').inputValue()).toBe(token);
    await reveal.getByRole('button', { name: text.close, exact: true }).click();
    await question.getByRole('button', { name: text.closeAnyway }).click();
    await reveal.waitFor({ state: 'detached' });

    // 10: a search without the accents finds the accented name, and only it
    await page.getByTestId('search').fill('integracao');
    await expectRows(page, [account.accented.appKey]);
    await expectClean(page, 'accent-insensitive search');
    await page.getByTestId('search').fill('');
    await expectRows(page, [...Object.values(account).map((key: Credentials) => key.appKey), appKey]);

    // 18: whenever the new language's text is in the page, the document already says so
    for (const next of [LOCALES[(LOCALES.indexOf(locale) + 1) % LOCALES.length]!, locale]) {
      await switchLanguage(page, next);
    }

    // 8: a key administrator sees every action on the owner's key disabled, with the reason
    const { context: adminContext, page: adminPage } = await harness.newPage(locale);
    await adminPage.setViewportSize(viewport);
    await harness.signIn(adminPage, account.admin);
    await openMenu(adminPage, account.owner.appKey);
    const onOwner = await waitForValue<MenuState>(
      adminPage,
      MENU_ITEMS,
      (items) => items.edit?.disabled === true,
    );
    for (const action of ['edit', 'deactivate', 'renew', 'delete'])
      expect({ action, ...onOwner[action] }).toEqual({
        action,
        disabled: true,
        reason: expect.stringMatching(text.morePrivileged),
      });
    await expectInViewport(adminPage, '[role="menu"]');
    await expectClean(adminPage, 'more privileged key menu');
    await adminContext.close();

    await context.close();
    expect(harness.pageErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });

  /**
   * Switches the language and checks item 18: a MutationObserver records, on every change to the
   * page, the tab's label with the document's lang, so a render that shows the new words under the
   * old lang (even for a moment) is caught rather than raced.
   */
  async function switchLanguage(page: Page, next: ConsoleLocale): Promise<void> {
    const label = ISSUE14_TEXT[next].keysTab;
    await page.evaluate(`(() => {
      window.__langRecords = [];
      const record = () => window.__langRecords.push({
        lang: document.documentElement.lang,
        tab: document.querySelector('[role="tab"]')?.textContent ?? '',
      });
      window.__langObserver?.disconnect();
      window.__langObserver = new MutationObserver(record);
      window.__langObserver.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    })()`);
    await page.getByTestId('language').selectOption(next);
    await page.getByRole('tab', { name: label }).waitFor();
    const records = (await page.evaluate('window.__langRecords')) as { lang: string; tab: string }[];
    const withNewText = records.filter((r) => r.tab.includes(label));
    expect(withNewText.length).toBeGreaterThan(0);
    expect(withNewText.filter((r) => r.lang !== next)).toEqual([]);
    expect(await page.evaluate('document.documentElement.lang')).toBe(next);
    await expectClean(page, `switched to ${next}`);
  }
});
