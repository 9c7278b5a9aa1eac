// Issue 14, item 15: Spanish, complete like pt-BR. A Spanish browser (any es-*) opens the console
// in Spanish; the switch offers "Español" from either other language and changes the text and the
// document's language together; no English text is left on the key list, the Settings tab or the
// Generate dialog; dates are Spanish and stay on one line. At 1366x768 and 390x844, starting from
// each of the three languages, with axe on every Spanish screen.
import type { Page } from 'playwright-core';
import { en } from '../../console/src/i18n/messages-en';
import { es } from '../../console/src/i18n/messages-es';
import type { Credentials } from '../helpers/api';
import { seriousViolations } from './support/axe';
import { describeInBrowser } from './support/browser';
import { ConsoleHarness } from './support/console-harness';
import { dialog } from './support/key-page';
import { MATRIX, type Viewport } from './support/matrix';
import { waitForValue } from './support/wait';

/** Every English text the Spanish one must replace (a text the same in both, like "Token", is not). */
function englishOnly(english: unknown, spanish: unknown, out = new Set<string>()): Set<string> {
  for (const [name, value] of Object.entries(english as Record<string, unknown>)) {
    const other = (spanish as Record<string, unknown>)[name];
    if (typeof value === 'string' && value !== other) out.add(value);
    else if (value && typeof value === 'object') englishOnly(value, other, out);
  }
  return out;
}
const ENGLISH_ONLY = englishOnly(en, es);

/** The texts a reader meets: visible text nodes, and the labels and tooltips of elements. */
const SHOWN_TEXTS = `(() => {
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    if (text && node.parentElement.checkVisibility()) texts.push(text);
  }
  // A closed select's options are not "visible", but they are read and shown when it opens.
  for (const option of document.querySelectorAll('select option')) texts.push(option.textContent.trim());
  for (const el of document.querySelectorAll('[aria-label], [title]')) {
    texts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '');
  }
  return texts.filter(Boolean);
})()`;

describeInBrowser('console: Spanish (issue 14)', () => {
  let harness: ConsoleHarness;
  let owner: Credentials;

  beforeAll(async () => {
    harness = await ConsoleHarness.start();
    owner = await harness.api.bootstrap('espanol14');
    await harness.api.createKey(owner, ['catalog-read', 'orders-read'], 'Integración ERP');
  });
  afterAll(async () => harness?.stop());

  async function expectAllSpanish(page: Page, screen: string): Promise<void> {
    const english = ((await page.evaluate(SHOWN_TEXTS)) as string[]).filter((t) => ENGLISH_ONLY.has(t));
    expect({ screen, english }).toEqual({ screen, english: [] });
    expect({ screen, violations: await seriousViolations(page) }).toEqual({ screen, violations: [] });
  }

  test('a Spanish browser (es-MX) opens the console in Spanish', async () => {
    const { context, page } = await harness.newPage('es-MX');
    await page.goto(harness.url);
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('es');
    expect(await page.getByTestId('language').inputValue()).toBe('es');
    await context.close();
  });

  test.each(MATRIX)('from %s, %s', async (locale, _name, viewport: Viewport) => {
    const { context, page } = await harness.newPage(locale);
    await page.setViewportSize(viewport);
    await harness.signIn(page, owner);
    await page.locator('tbody tr').first().waitFor();

    // The switch names Spanish in Spanish, and the text and lang change in the same render
    const option = page.locator('[data-testid="language"] option[value="es"]');
    expect(await option.textContent()).toBe('Español');
    expect(await option.getAttribute('lang')).toBe('es');
    if (locale !== 'es') await page.getByTestId('language').selectOption('es');
    await page.getByRole('tab', { name: 'Claves generadas' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('es');

    // Dates in Spanish ("26 nov 2026"), each on one line
    const created = await waitForValue<{ text: string; lines: number }[]>(
      page,
      `[...document.querySelectorAll('td[data-label="Creada el"] time')].map((t) => ({
        text: t.textContent, lines: t.getClientRects().length }))`,
      (dates) => dates.length > 0,
    );
    for (const date of created)
      expect(date).toEqual({ text: expect.stringMatching(/^\d{1,2} \p{Ll}{3,4}\.? \d{4}$/u), lines: 1 });
    await expectAllSpanish(page, 'keys');

    await page.getByTestId('generate-key').click();
    await dialog(page, 'generate-dialog').waitFor();
    await expectAllSpanish(page, 'generate');
    await dialog(page, 'generate-dialog').getByRole('button', { name: 'Cancelar' }).click();
    await dialog(page, 'generate-dialog').waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'Configuración' }).click();
    await page.locator('form.settings-form').waitFor();
    expect(await page.locator('form.settings-form legend').first().textContent()).toBe('Duración del token');
    await expectAllSpanish(page, 'settings');

    await context.close();
    expect(harness.pageErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
