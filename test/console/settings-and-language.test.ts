// Browser flows of the Settings tab and the language switch, checked against the API: settings
// load from and apply to the API, a shorter duration makes the alert icon appear (and moving the
// API's clock shows the other levels), and the language follows the browser and the switch.
import type { Page } from 'playwright-core';
import type { Credentials } from '../helpers/api';
import { describeInBrowser } from './support/browser';
import { ConsoleHarness } from './support/console-harness';
import { row } from './support/key-page';
import { expectRows, expectText } from './support/wait';

describeInBrowser('console: settings and language', () => {
  let harness: ConsoleHarness;
  let owner: Credentials;
  let page: Page;

  beforeAll(async () => {
    harness = await ConsoleHarness.start();
    owner = await harness.api.bootstrap('settingsui');
    ({ page } = await harness.newPage('en'));
    await harness.signIn(page, owner);
  });
  afterAll(async () => harness?.stop());

  const getKey = (appKey: string) => harness.api.request('GET', `/v1/keys/${appKey}`, { as: owner });
  const openTab = (name: string | RegExp) => page.getByRole('tab', { name }).click();

  test('settings show the values the API holds', async () => {
    await openTab('Settings');

    const form = page.locator('form.settings-form');
    await form.waitFor();
    expect(await form.getByLabel('90 days (recommended)').isChecked()).toBe(true);
    expect(await form.getByLabel('Warning before expiry (days)').inputValue()).toBe('14');
    expect(await form.getByLabel('Enforce expiry').isChecked()).toBe(true);
    for (const days of [30, 60, 180, 365]) expect(await form.getByLabel(`${days} days`).count()).toBe(1);
  });

  test('a warning longer than the duration is refused before it reaches the API', async () => {
    const form = page.locator('form.settings-form');
    await form.getByLabel('30 days').check();
    await form.getByLabel('Warning before expiry (days)').fill('45');
    await form.getByRole('button', { name: 'Apply' }).click();

    await expectText(page, 'form.settings-form', 'Enter a whole number from 1 to 30.');
    expect((await harness.api.request('GET', '/v1/settings', { as: owner })).body.tokenDurationDays).toBe(90);
  });

  test('shortening the duration applies through the API and the alert icon appears', async () => {
    // Arrange: a key with no alert yet
    const key = await harness.api.createKey(owner, [], 'Soon expiring');
    expect((await getKey(key.appKey)).body.alert).toBe('none');

    // Act: 30 days, warn 30 days ahead, and let expired tokens keep working for the next test
    const form = page.locator('form.settings-form');
    await form.getByLabel('30 days').check();
    await form.getByLabel('Warning before expiry (days)').fill('30');
    await form.getByLabel('Enforce expiry').uncheck();
    await form.getByRole('button', { name: 'Apply' }).click();
    // A shorter duration is confirmed first (settings-impact.test.ts checks the counts shown).
    await page.getByTestId('apply-settings-dialog').getByRole('button', { name: 'Yes, apply' }).click();
    await expectText(page, '[data-testid="settings-status"]', 'Settings applied.');

    // Assert: the API holds the new settings and reports the alert the page shows
    const settings = (await harness.api.request('GET', '/v1/settings', { as: owner })).body;
    expect(settings).toMatchObject({ tokenDurationDays: 30, expiryWarningDays: 30, enforceExpiry: false });
    expect((await getKey(key.appKey)).body.alert).toBe('expiring');
    await openTab('Generated keys');
    await page.getByTestId('search').fill('Soon expiring');
    await expectRows(page, [key.appKey]);
    const badge = row(page, key.appKey).locator('button[data-alert="expiring"]', { hasText: 'Expiring' });
    await badge.waitFor();
    await badge.focus();
    const tooltip = row(page, key.appKey).getByRole('tooltip');
    await tooltip.waitFor({ state: 'visible' });
    expect(await tooltip.textContent()).toContain('Renew it');
    await page.keyboard.press('Escape');
    await tooltip.waitFor({ state: 'hidden' });
  });

  test('expired and critically expired keys get their own icon, label and colour', async () => {
    const key = (await harness.api.request('GET', '/v1/keys?search=Soon%20expiring', { as: owner })).body
      .items[0].appKey as string;
    const colours: string[] = [];
    const badgeColour = async (level: string): Promise<string> => {
      const badge = row(page, key).locator(`button[data-alert="${level}"]`);
      await badge.waitFor();
      return badge.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).backgroundColor);
    };
    colours.push(await badgeColour('expiring'));

    harness.api.services.clock.advanceDays(31);
    await harness.syncClock(page);
    await page.reload();
    expect((await getKey(key)).body.alert).toBe('expired');
    await expectText(page, `tr[data-app-key="${key}"]`, 'Expired');
    colours.push(await badgeColour('expired'));

    harness.api.services.clock.advanceDays(90);
    await harness.syncClock(page);
    await page.reload();
    expect((await getKey(key)).body.alert).toBe('expired-critical');
    await expectText(page, `tr[data-app-key="${key}"]`, 'Expired (critical)');
    colours.push(await badgeColour('expired-critical'));

    await page.screenshot({ path: '/tmp/alerts.png' });
    expect(new Set(colours).size).toBe(3);
    // The alert filter asks the API for that level only.
    await page.getByTestId('search').fill('');
    await page.getByTestId('alert-filter').selectOption('expired-critical');
    const critical = await harness.api.request('GET', '/v1/keys?alert=expired-critical', { as: owner });
    await expectRows(
      page,
      critical.body.items.map((k: { appKey: string }) => k.appKey),
    );
    await page.getByTestId('alert-filter').selectOption('');
  });

  test('switching to Portuguese translates the console and formats dates in pt-BR; it is remembered', async () => {
    const created = (await getKey(owner.appKey)).body.createdAt as string;
    const ptDate = new Intl.DateTimeFormat('pt-BR', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(created),
    );
    const enDate = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(created),
    );
    await page.getByTestId('search').fill(owner.appKey);
    await expectRows(page, [owner.appKey]);
    await expectText(page, `tr[data-app-key="${owner.appKey}"] time`, enDate);

    await page.getByTestId('language').selectOption('pt-BR');

    await page.getByRole('tab', { name: 'Chaves geradas' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('pt-BR');
    await expectText(page, 'thead', 'Duração do token');
    await expectText(page, `tr[data-app-key="${owner.appKey}"] time`, ptDate);
    await page.reload();
    await page.getByRole('tab', { name: 'Configurações' }).waitFor();
    await page.getByTestId('language').selectOption('en');
    await page.getByRole('tab', { name: 'Generated keys' }).waitFor();
  });

  test("the language defaults to the browser's", async () => {
    const { context, page: ptPage } = await harness.newPage('pt-BR');
    await ptPage.goto(harness.url);

    await ptPage.getByRole('heading', { name: 'Entrar' }).waitFor();
    expect(await ptPage.getByTestId('language').inputValue()).toBe('pt-BR');
    await context.close();
    expect(harness.pageErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
