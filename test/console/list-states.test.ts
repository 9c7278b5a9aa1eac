// Issue 14, items 5, 6, 11, 13 and 14 in the browser, at 1366x768 and 390x844 in English,
// Portuguese and Spanish: with the API down a filter change shows an error state with Retry and no
// row of another filter, and Retry (or the next successful load) clears it; a slow search marks
// the table busy right above the rows; another tab and back keeps the search, filters and pages;
// "Needs attention" lists the most urgent keys first; rows show "Last used", expiry in relative
// words with the exact date as tooltip and hidden text, a copy button on the key id, and the
// total once it is known. axe finds no serious or critical issue in any of these states.
import type { Page } from 'playwright-core';
import type { Credentials } from '../helpers/api';
import { seriousViolations } from './support/axe';
import { describeInBrowser } from './support/browser';
import { ConsoleHarness, type ConsoleLocale } from './support/console-harness';
import { row } from './support/key-page';
import { MATRIX, type Viewport } from './support/matrix';
import { expectRowCount, expectRows, waitForValue } from './support/wait';

interface Texts {
  loading: string;
  failed: string;
  retry: string;
  never: string;
  copied: string;
  attention: string;
  total: (n: number) => string;
  more: string;
  expired10: string;
  expiring5: string;
  lastUsed3: string;
  settingsTab: string;
  keysTab: string;
  unavailable: string;
}

/** Written out per language, not read from the console's messages: a wrong text must fail. */
const TEXT: Record<ConsoleLocale, Texts> = {
  en: {
    loading: 'Loading…',
    failed: 'The keys could not be loaded.',
    retry: 'Retry',
    never: 'Never',
    copied: 'Key copied.',
    attention: 'Needs attention',
    total: (n) => `Showing all ${n} keys.`,
    more: 'more can be loaded',
    expired10: 'Expired 10 days ago',
    expiring5: 'Expires in 5 days',
    lastUsed3: '3 days ago',
    settingsTab: 'Settings',
    keysTab: 'Generated keys',
    unavailable: 'The service is briefly unavailable',
  },
  'pt-BR': {
    loading: 'Carregando…',
    failed: 'Não foi possível carregar as chaves.',
    retry: 'Tentar de novo',
    never: 'Nunca',
    copied: 'Chave copiada.',
    attention: 'Precisa de atenção',
    total: (n) => `Mostrando todas as ${n} chaves.`,
    more: 'há mais para carregar',
    expired10: 'Expirou há 10 dias',
    expiring5: 'Expira em 5 dias',
    lastUsed3: 'há 3 dias',
    settingsTab: 'Configurações',
    keysTab: 'Chaves geradas',
    unavailable: 'O serviço está indisponível',
  },
  es: {
    loading: 'Cargando…',
    failed: 'No se pudieron cargar las claves.',
    retry: 'Reintentar',
    never: 'Nunca',
    copied: 'Clave copiada.',
    attention: 'Requiere atención',
    total: (n) => `Se muestran las ${n} claves.`,
    more: 'hay más para cargar',
    expired10: 'Venció hace 10 días',
    expiring5: 'Vence dentro de 5 días',
    lastUsed3: 'hace 3 días',
    settingsTab: 'Configuración',
    keysTab: 'Claves generadas',
    unavailable: 'El servicio no está disponible',
  },
};

const SERVICE_UNAVAILABLE = JSON.stringify({
  type: 'https://apikeys.dev/problems/service-unavailable',
  title: 'Service unavailable',
  status: 503,
  detail: 'Try again.',
});
const KEY_LIST = '**/v1/keys?**';
const ROW_KEYS = `[...document.querySelectorAll('tbody tr')].map((r) => r.dataset.appKey)`;

describeInBrowser('console: list states, needs attention and row details (issue 14)', () => {
  let harness: ConsoleHarness;
  let operator: Credentials;
  let attention: string[];
  let expiredKey: string;
  let expiringKey: string;
  let usedKey: string;
  let inactiveKey: string;

  beforeAll(async () => {
    harness = await ConsoleHarness.start();
    ({ operator, attention, expiredKey, expiringKey, usedKey, inactiveKey } = await seed(harness));
  });
  afterAll(async () => harness?.stop());

  async function expectNoSeriousAxe(page: Page, state: string): Promise<void> {
    expect({ state, violations: await seriousViolations(page) }).toEqual({ state, violations: [] });
  }

  const statusText = (page: Page): Promise<string> => page.getByTestId('keys-status').innerText();
  const waitForStatus = (page: Page, accept: (text: string) => boolean): Promise<string> =>
    waitForValue<string>(
      page,
      `document.querySelector('[data-testid="keys-status"]')?.textContent ?? ''`,
      accept,
    );

  test.each(MATRIX)('%s, %s', async (locale, _name, viewport: Viewport) => {
    const text = TEXT[locale];
    const { context, page } = await harness.newPage(locale);
    await page.setViewportSize(viewport);
    await harness.signIn(page, operator);

    // 14: a first page with more behind it says so; the total is not claimed
    await expectRowCount(page, 20);
    await waitForStatus(page, (s) => s.includes(text.more));
    await expectNoSeriousAxe(page, 'first page');

    // 13: "Needs attention": expired-critical, expired, expiring, then renewal pending, in that order
    await page.getByTestId('alert-filter').selectOption({ label: text.attention });
    await waitForValue<string[]>(
      page,
      ROW_KEYS,
      (rows) => JSON.stringify(rows) === JSON.stringify(attention),
    );
    expect(await statusText(page)).toBe(text.total(attention.length));
    await expectNoSeriousAxe(page, 'needs attention');

    // 14: relative expiry with the exact date as tooltip and as text for screen readers
    const expiry = (appKey: string) =>
      row(page, appKey)
        .locator('.token-list time')
        .first()
        .evaluate((t) => ({
          visible: t.firstChild?.textContent ?? '',
          title: t.getAttribute('title') ?? '',
          hidden: t.querySelector('.visually-hidden')?.textContent ?? '',
        }));
    const expired = await expiry(expiredKey);
    expect(expired.visible).toBe(text.expired10);
    expect(expired.title).toMatch(/2027/);
    expect(expired.hidden).toBe(` (${expired.title})`);
    expect((await expiry(expiringKey)).visible).toBe(text.expiring5);
    // "Last used": relative for a key that authenticated, "Never" for one that did not
    const lastUsed = row(page, usedKey).getByTestId('last-used');
    expect(await lastUsed.locator('time').evaluate((t) => t.firstChild?.textContent)).toBe(text.lastUsed3);
    expect(await lastUsed.locator('time').getAttribute('title')).toMatch(/2027/);
    expect(await row(page, expiredKey).getByTestId('last-used').innerText()).toContain(text.never);
    // No date breaks over lines, on a phone either
    const brokenDates = await page.evaluate(
      `[...document.querySelectorAll('tbody time')].filter((t) => t.getClientRects().length !== 1).map((t) => t.textContent)`,
    );
    expect(brokenDates).toEqual([]);
    // The copy button puts the key id on the clipboard and says so
    await row(page, expiredKey).getByTestId('copy-key').click();
    await row(page, expiredKey).getByRole('status').filter({ hasText: text.copied }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(expiredKey);

    // 6: a slow search: the old rows are dimmed and the table busy, "Loading" right above them
    await page.getByTestId('alert-filter').selectOption('');
    await expectRowCount(page, 20);
    await waitForStatus(page, (s) => s.includes(text.more));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(KEY_LIST, async (route) => {
      if (new URL(route.request().url()).searchParams.get('search') === 'Bulk') await held;
      await route.continue().catch(() => undefined);
    });
    await page.getByTestId('search').fill('Bulk');
    await page.locator('[data-testid="keys-table"][aria-busy="true"]').waitFor();
    const busy = await page.evaluate(`(() => {
      const status = document.querySelector('[data-testid="keys-status"]').getBoundingClientRect();
      return {
        status: document.querySelector('[data-testid="keys-status"]').textContent,
        areaBusy: document.querySelector('[data-testid="keys-area"]').getAttribute('aria-busy'),
        opacity: Number(getComputedStyle(document.querySelector('[data-testid="keys-table"] tbody')).opacity),
        statusInView: status.top >= 0 && status.bottom <= innerHeight,
      };
    })()`);
    expect(busy).toMatchObject({ status: text.loading, areaBusy: 'true', statusInView: true });
    expect((busy as { opacity: number }).opacity).toBeLessThan(0.6);
    release();
    await page.locator('[data-testid="keys-table"][aria-busy="false"]').waitFor();
    // Keys made in the same instant have no creation order: the API's own first page is the truth.
    const firstBulk = await harness.api.request('GET', '/v1/keys?search=Bulk&limit=20', { as: operator });
    await expectRows(
      page,
      firstBulk.body.items.map((k: { appKey: string }) => k.appKey),
    );
    await page.unroute(KEY_LIST);

    // 11: load more, another tab and back: the same search, filters and 21 rows, shown at once
    // (while the re-read behind them is still held), and still 21 once it answers
    await page.getByTestId('keys-load-more').click();
    await expectRowCount(page, 21);
    expect(await statusText(page)).toBe(text.total(21));
    await page.getByRole('tab', { name: text.settingsTab }).click();
    await page.locator('form.settings-form').waitFor();
    let releaseRefresh!: () => void;
    const refreshHeld = new Promise<void>((resolve) => (releaseRefresh = resolve));
    let refreshSeen!: () => void;
    const refreshStarted = new Promise<void>((resolve) => (refreshSeen = resolve));
    await page.route(KEY_LIST, async (route) => {
      refreshSeen();
      await refreshHeld;
      await route.continue().catch(() => undefined);
    });
    await page.getByRole('tab', { name: text.keysTab }).click();
    await refreshStarted;
    expect(await page.locator('tbody tr').count()).toBe(21);
    expect(await page.getByTestId('search').inputValue()).toBe('Bulk');
    expect(await statusText(page)).toBe(text.total(21));
    releaseRefresh();
    await page.unroute(KEY_LIST);
    await expectRowCount(page, 21);
    expect(await statusText(page)).toBe(text.total(21));

    // 5: the API down and a filter changed: an error state with Retry, and no row of the old filter
    await page.getByTestId('search').fill('');
    await expectRowCount(page, 20);
    await page.route(KEY_LIST, (route) =>
      route.fulfill({ status: 503, contentType: 'application/problem+json', body: SERVICE_UNAVAILABLE }),
    );
    await page.getByTestId('status-filter').selectOption('inactive');
    const error = page.getByTestId('keys-error');
    await error.waitFor();
    expect(await error.innerText()).toContain(text.failed);
    expect(await error.innerText()).toContain(text.unavailable);
    expect(await page.locator('tbody tr').count()).toBe(0);
    await expectNoSeriousAxe(page, 'API down');
    // The API is back: Retry loads the filter's rows and the error goes
    await page.unroute(KEY_LIST);
    await error.getByRole('button', { name: text.retry }).click();
    await expectRows(page, [inactiveKey]);
    expect(await error.count()).toBe(0);
    // Down again, then back: the next successful load clears the error without Retry
    await page.route(KEY_LIST, (route) =>
      route.fulfill({ status: 503, contentType: 'application/problem+json', body: SERVICE_UNAVAILABLE }),
    );
    await page.getByTestId('status-filter').selectOption('active');
    await error.waitFor();
    expect(await page.locator('tbody tr').count()).toBe(0);
    await page.unroute(KEY_LIST);
    await page.getByTestId('status-filter').selectOption('');
    await expectRowCount(page, 20);
    expect(await error.count()).toBe(0);

    await context.close();
    expect(harness.pageErrors.filter((e) => !/status of (4\d\d|503)/.test(e))).toEqual([]);
  });
});

/**
 * An account whose keys show every alert at the API's "now" (expiry 90 days, warning 14): keys
 * made 200, 100 and 85 days ago are expired-critical, expired (10 days ago) and expiring (in 5
 * days); one has a pending renewal and was last used 3 days ago; one is inactive; 21 are "Bulk".
 */
async function seed(harness: ConsoleHarness) {
  const { api } = harness;
  const clock = api.services.clock;
  const first = await api.bootstrap('lists14');
  await api.createKey(first, ['catalog-read'], 'Critical importer');
  clock.advanceDays(100);
  const second = await api.bootstrap('lists14');
  const expired = await api.createKey(second, ['orders-read'], 'Expired report');
  clock.advanceDays(15);
  const expiring = await api.createKey(second, ['orders-read'], 'Expiring sync');
  clock.advanceDays(82);
  // The second owner's token expired at day 190: a third one acts from here.
  const third = await api.bootstrap('lists14');
  const used = await api.createKey(third, ['catalog-read'], 'Renewing shop');
  await api.request('GET', '/v1/whoami', { as: used });
  // lastUsedAt is written best-effort after the answer: wait until the API reports it.
  for (
    let i = 0;
    !(await api.request('GET', `/v1/keys/${used.appKey}`, { as: third })).body.lastUsedAt;
    i++
  ) {
    if (i > 100) throw new Error('lastUsedAt never written');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  clock.advanceDays(3);
  const operator = await api.bootstrap('lists14');
  await api.request('POST', `/v1/keys/${used.appKey}/token/renew`, {
    as: operator,
    body: { deleteOldToken: 'later' },
  });
  const pos = await api.createKey(operator, ['orders-write'], 'Old point of sale');
  await api.request('POST', `/v1/keys/${pos.appKey}/deactivate`, { as: operator, body: {} });
  for (let i = 0; i < 21; i++) await api.createKey(operator, [], `Bulk ${String(i).padStart(2, '0')}`);

  // The merged list the console must show, read from the API's own filters.
  const list = async (query: string): Promise<{ appKey: string; renewal: unknown }[]> =>
    (await api.request('GET', `/v1/keys?limit=100&${query}`, { as: operator })).body.items;
  const attention = [
    ...(await list('alert=expired-critical')),
    ...(await list('alert=expired')),
    ...(await list('alert=expiring')),
    ...(await list('alert=none')).filter((k) => k.renewal),
  ].map((k) => k.appKey);
  expect(attention).toHaveLength(6);
  return {
    operator,
    attention,
    expiredKey: expired.appKey,
    expiringKey: expiring.appKey,
    usedKey: used.appKey,
    inactiveKey: pos.appKey,
  };
}
