// Issue 14, item 12: choosing a shorter token duration says, before Apply, how many tokens it moves
// into "Expiring" and "Expired"; Apply then asks for confirmation, Cancel changes nothing, and
// after confirming the API's own alerts agree with the count shown. At 1366x768 and 390x844, in
// English, Portuguese and Spanish, with axe on the form and on the confirmation.
import type { Credentials } from '../helpers/api';
import { seriousViolations } from './support/axe';
import { describeInBrowser } from './support/browser';
import { ConsoleHarness, type ConsoleLocale } from './support/console-harness';
import { dialog } from './support/key-page';
import { MATRIX, type Viewport } from './support/matrix';
import { waitForFocusIn, waitForValue } from './support/wait';

const TEXT: Record<
  ConsoleLocale,
  { settingsTab: string; keysTab: string; impact: string; apply: string; confirm: string; applied: string }
> = {
  en: {
    settingsTab: 'Settings',
    keysTab: 'Generated keys',
    impact: 'Applying this moves 3 tokens into “Expiring” and 0 tokens into “Expired”.',
    apply: 'Apply',
    confirm: 'Yes, apply',
    applied: 'Settings applied.',
  },
  'pt-BR': {
    settingsTab: 'Configurações',
    keysTab: 'Chaves geradas',
    impact: 'Aplicar isto leva 3 tokens para “Expirando” e 0 tokens para “Expirado”.',
    apply: 'Aplicar',
    confirm: 'Sim, aplicar',
    applied: 'Configurações aplicadas.',
  },
  es: {
    settingsTab: 'Configuración',
    keysTab: 'Claves generadas',
    impact: 'Aplicar esto pasa 3 tokens a “Por vencer” y 0 tokens a “Vencido”.',
    apply: 'Aplicar',
    confirm: 'Sí, aplicar',
    applied: 'Configuración aplicada.',
  },
};

describeInBrowser('console: the impact of a shorter token duration, confirmed (issue 14)', () => {
  let harness: ConsoleHarness;

  beforeAll(async () => {
    harness = await ConsoleHarness.start();
  });
  afterAll(async () => harness?.stop());

  /**
   * A fresh account (settings are per account) at 90 days with a 14-day warning: an owner key and
   * one more made 40 days ago, one made 20 days ago, and the operator's made now. Shortening to
   * 30 days moves the first three to the floor the API keeps (now + 14 days), i.e. "Expiring";
   * the operator's new token (expiry in 30 days) keeps no alert.
   */
  async function seedAccount(account: string): Promise<Credentials> {
    const { api } = harness;
    const clock = api.services.clock;
    const first = await api.bootstrap(account);
    await api.createKey(first, ['catalog-read'], 'Made 40 days ago');
    clock.advanceDays(20);
    await api.createKey(first, ['orders-read'], 'Made 20 days ago');
    clock.advanceDays(20);
    return api.bootstrap(account);
  }

  test.each(MATRIX)('%s, %s', async (locale, name, viewport: Viewport) => {
    const text = TEXT[locale];
    const operator = await seedAccount(`impact14${locale.replace('-', '').toLowerCase()}${name}`);
    const settings = async () => (await harness.api.request('GET', '/v1/settings', { as: operator })).body;
    const { context, page } = await harness.newPage(locale);
    await page.setViewportSize(viewport);
    await harness.signIn(page, operator);
    await page.getByRole('tab', { name: text.settingsTab }).click();
    const form = page.locator('form.settings-form');
    await form.waitFor();

    // Before Apply: the count, where the operator is about to click
    await form.locator('input[type="radio"][value="30"]').check();
    await waitForValue<string>(
      page,
      `document.querySelector('[data-testid="settings-impact"]').textContent`,
      (value) => value === text.impact,
    );
    expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });

    // Apply asks first; Cancel leaves every token as it was
    await form.getByRole('button', { name: text.apply, exact: true }).click();
    const confirmation = dialog(page, 'apply-settings-dialog');
    await waitForFocusIn(page, 'apply-settings-dialog');
    expect(await confirmation.getByTestId('apply-settings-impact').innerText()).toBe(text.impact);
    expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });
    await page.keyboard.press('Enter'); // focus starts on Cancel: a stray Enter applies nothing
    await confirmation.waitFor({ state: 'detached' });
    expect((await settings()).tokenDurationDays).toBe(90);

    // Confirmed: applied, and the API's alerts agree with the count shown
    await form.getByRole('button', { name: text.apply, exact: true }).click();
    await confirmation.getByRole('button', { name: text.confirm }).click();
    await page.getByTestId('settings-status').filter({ hasText: text.applied }).waitFor();
    expect((await settings()).tokenDurationDays).toBe(30);
    const expiring = await harness.api.request('GET', '/v1/keys?alert=expiring', { as: operator });
    expect(expiring.body.items).toHaveLength(3);
    const expired = await harness.api.request('GET', '/v1/keys?alert=expired', { as: operator });
    expect(expired.body.items).toHaveLength(0);
    // The Generated keys tab kept its list, but not a stale one: it shows the new alerts
    await page.getByRole('tab', { name: text.keysTab }).click();
    await waitForValue<number>(
      page,
      `document.querySelectorAll('tbody tr[data-alert="expiring"]').length`,
      (count) => count === 3,
    );

    await context.close();
    expect(harness.pageErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
