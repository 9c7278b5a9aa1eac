// Issue 14, "Export" in the console: with a search and a status set (then an alert level),
// "Export CSV" and "Export XLSX" download the file the API makes for exactly those filters, under
// the server's name. The files are opened with readers written from the formats
// (test/helpers/spreadsheets.ts): the CSV's BOM, header and rows; the XLSX's Keys and External
// sheets. "Needs attention" has no API filter, so export is disabled there with the reason; a 413
// and a 503 are said in plain words. At 1366x768 and 390x844, in English, Portuguese and Spanish,
// with axe on each state.
import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from 'playwright-core';
import { KeyExport } from '../../shared/use-cases/keys/export-keys';
import type { Credentials } from '../helpers/api';
import { parseCsv, readXlsx } from '../helpers/spreadsheets';
import { layoutProblems } from './support/access-page';
import { describeInBrowser } from './support/browser';
import { ConsoleHarness, type ConsoleLocale } from './support/console-harness';
import { MATRIX, type Viewport } from './support/matrix';
import { expectRows, waitForValue } from './support/wait';

const ACCOUNT = 'export14ui';
const KEY_HEADER = [
  'appKey',
  'name',
  'roles',
  'status',
  'createdAt',
  'tokenCreatedAt',
  'newTokenCreatedAt',
  'tokenExpiresAt',
  'alert',
  'lastUsedAt',
];
const EXTERNAL_HEADER = ['appKey', 'owner', 'roles', 'status', 'addedAt'];
const PARTNER_KEY = 'apk-partnerco-01ARZ3NDEKTSV4RRFFQ69G5FAV';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

interface Texts {
  group: string;
  csv: string;
  xlsx: string;
  inactive: string;
  attention: string;
  expiring: string;
  reason: RegExp;
  done: (file: string) => string;
  tooLarge: RegExp;
  unavailable: RegExp;
}

/** Written out per language, not read from the console's messages: a wrong text must fail. */
const TEXT: Record<ConsoleLocale, Texts> = {
  en: {
    group: 'Export',
    csv: 'Export CSV',
    xlsx: 'Export XLSX',
    inactive: 'Inactive',
    attention: 'Needs attention',
    expiring: 'Expiring',
    reason: /cannot be exported/,
    done: (file) => `Downloaded ${file}.`,
    tooLarge: /Too many keys match to export at once \(at most 10,000\)/,
    unavailable: /The service is briefly unavailable/,
  },
  'pt-BR': {
    group: 'Exportar',
    csv: 'Exportar CSV',
    xlsx: 'Exportar XLSX',
    inactive: 'Inativa',
    attention: 'Precisa de atenção',
    expiring: 'Expirando',
    reason: /não pode ser exportada/,
    done: (file) => `${file} baixado.`,
    tooLarge: /Chaves demais atendem aos filtros para exportar de uma vez \(no máximo 10\.000\)/,
    unavailable: /O serviço está indisponível por um instante/,
  },
  es: {
    group: 'Exportar',
    csv: 'Exportar CSV',
    xlsx: 'Exportar XLSX',
    inactive: 'Inactiva',
    attention: 'Requiere atención',
    expiring: 'Por vencer',
    reason: /no se puede exportar/,
    done: (file) => `Se descargó ${file}.`,
    tooLarge: /Demasiadas claves cumplen los filtros para exportarlas de una vez \(como máximo 10\.000\)/,
    unavailable: /El servicio no está disponible por un momento/,
  },
};

describeInBrowser('console: export to CSV and XLSX (issue 14)', () => {
  let harness: ConsoleHarness;
  let owner: Credentials;
  /** The keys the filter (search "integracao", status inactive) matches, and one it must not. */
  let matching: string[];
  /** The one of them whose token is expiring (created 80 days before the other). */
  let expiring: string;
  let activeNamesake: string;

  beforeAll(async () => {
    harness = await ConsoleHarness.start();
    const { api } = harness;
    owner = await api.bootstrap(ACCOUNT);
    const deactivate = (key: Credentials) =>
      api.request('POST', `/v1/keys/${key.appKey}/deactivate`, { as: owner, body: {} });
    const old = await api.createKey(owner, ['catalog-read'], 'Integração antiga');
    // 80 of 90 days later the first key's token is within the 14-day warning: "expiring"
    api.services.clock.advanceDays(80);
    const legacy = await api.createKey(owner, ['orders-read', 'catalog-read'], 'Integracao legada');
    await deactivate(old);
    await deactivate(legacy);
    activeNamesake = (await api.createKey(owner, ['orders-read'], 'Integração ERP')).appKey;
    await api.createKey(owner, [], 'Storefront');
    const added = await api.request('POST', '/v1/external-keys', {
      as: owner,
      body: { appKey: PARTNER_KEY, roles: ['catalog-read'] },
    });
    expect(added.status).toBe(201);
    matching = [old.appKey, legacy.appKey];
    expiring = old.appKey;
  });
  afterAll(async () => harness?.stop());

  const exportGroup = (page: Page): Locator => page.getByTestId('key-export');

  /** Clicks the button and returns the download it starts, with the file's bytes. */
  async function download(page: Page, button: Locator): Promise<{ download: Download; bytes: Buffer }> {
    const [started] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const path = await started.path();
    return { download: started, bytes: readFileSync(path) };
  }

  const fileName = (ext: string): RegExp => new RegExp(`^api-keys-${ACCOUNT}-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`);

  /** axe and the width, once the rows answer the filters (busy rows are dimmed on purpose). */
  async function expectClean(page: Page, state: string): Promise<void> {
    await waitForValue<string | null>(
      page,
      `document.querySelector('[data-testid="keys-area"]').getAttribute('aria-busy')`,
      (busy) => busy === 'false',
    );
    const { axe, overflow, wider } = await layoutProblems(page);
    expect({ state, axe, overflow, wider }).toEqual({ state, axe: [], overflow: 0, wider: [] });
  }

  test.each(MATRIX)('%s, %s', async (locale, _name, viewport: Viewport) => {
    const text = TEXT[locale];
    const { context, page } = await harness.newPage(locale);
    await page.setViewportSize(viewport);
    await harness.signIn(page, owner);

    // A search without its accent and a status: only the two inactive "Integração" keys
    await page.getByTestId('search').fill('integracao');
    await page.getByTestId('status-filter').selectOption({ label: text.inactive });
    await expectRows(page, matching);
    const group = page.getByRole('group', { name: text.group });
    await group.waitFor();
    await expectClean(page, 'filtered');

    // CSV: the server's name, a BOM, the contract's header, exactly the filtered keys
    const csvButton = group.getByRole('button', { name: text.csv });
    const csv = await download(page, csvButton);
    expect(csv.download.suggestedFilename()).toMatch(fileName('csv'));
    expect(csv.bytes.subarray(0, 3)).toEqual(BOM);
    const records = parseCsv(csv.bytes.subarray(3).toString('utf8'));
    expect(records[0]).toEqual(KEY_HEADER);
    expect(
      records
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([...matching].sort());
    expect(records.slice(1).map((r) => r[3])).toEqual(['inactive', 'inactive']);
    expect(
      records
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['Integracao legada', 'Integração antiga']);
    expect(records.flat()).not.toContain(activeNamesake);
    await exportGroup(page)
      .getByRole('status')
      .filter({ hasText: text.done(csv.download.suggestedFilename()) })
      .waitFor();

    // XLSX: sheets Keys (the same rows) and External (the account's grant)
    const xlsx = await download(page, group.getByRole('button', { name: text.xlsx }));
    expect(xlsx.download.suggestedFilename()).toMatch(fileName('xlsx'));
    const book = readXlsx(xlsx.bytes);
    expect(book.names).toEqual(['Keys', 'External']);
    const keys = book.sheets.get('Keys')!;
    expect(keys[0]).toEqual(KEY_HEADER);
    expect(
      keys
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([...matching].sort());
    const external = book.sheets.get('External')!;
    expect(external[0]).toEqual(EXTERNAL_HEADER);
    expect(external.slice(1).map((r) => r.slice(0, 4))).toEqual([
      [PARTNER_KEY, 'partnerco', 'catalog-read', 'active'],
    ]);
    await exportGroup(page)
      .getByRole('status')
      .filter({ hasText: text.done(xlsx.download.suggestedFilename()) })
      .waitFor();
    await expectClean(page, 'downloaded');

    // Too many rows: the API's real 413 (a lower limit for this account), said in plain words
    await withExportLimit(1, async () => {
      await csvButton.click();
      await exportGroup(page).getByRole('alert').filter({ hasText: text.tooLarge }).waitFor();
    });
    await expectClean(page, 'too large');

    // The service unavailable (as API Gateway or a storage stall answers): plain words again
    await page.route('**/v1/keys/export?*', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        headers: { 'retry-after': '1' },
        body: JSON.stringify({
          type: 'https://apikeys.dev/problems/service-unavailable',
          title: 'Service unavailable',
          status: 503,
          detail: 'Storage did not answer in time.',
        }),
      }),
    );
    await group.getByRole('button', { name: text.xlsx }).click();
    await exportGroup(page).getByRole('alert').filter({ hasText: text.unavailable }).waitFor();
    await page.unroute('**/v1/keys/export?*');

    // "Needs attention": disabled, with the reason beside the buttons and read with them; a press
    // (keyboard: the button keeps focus) asks the API nothing
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/v1/keys/export')) asked.push(request.url());
    });
    await page.getByTestId('alert-filter').selectOption({ label: text.attention });
    await group.getByText(text.reason).waitFor();
    // The 503 above was about other filters: it goes with them
    await exportGroup(page).getByRole('alert').waitFor({ state: 'detached' });
    expect(await csvButton.getAttribute('aria-disabled')).toBe('true');
    const description = await csvButton.evaluate((button) =>
      (button.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(description).toMatch(text.reason);
    await csvButton.focus();
    await page.keyboard.press('Enter');
    await waitForValue<boolean>(page, `document.activeElement?.dataset.format === 'csv'`, (kept) => kept);
    await expectClean(page, 'needs attention');
    expect(asked).toEqual([]);

    // One alert level: enabled again, Enter on the focused button downloads, and the file holds
    // only the filtered key whose token is expiring
    await page.getByTestId('alert-filter').selectOption({ label: text.expiring });
    await expectRows(page, [expiring]);
    await waitForValue<string | null>(
      page,
      `document.querySelector('[data-testid="key-export"] [data-format="csv"]').getAttribute('aria-disabled')`,
      (value) => value === 'false',
    );
    await csvButton.focus();
    const [byKeyboard] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(byKeyboard.suggestedFilename()).toMatch(fileName('csv'));
    const expiringRows = parseCsv(
      readFileSync(await byKeyboard.path())
        .subarray(3)
        .toString('utf8'),
    );
    expect(expiringRows.slice(1).map((r) => [r[0], r[8]])).toEqual([[expiring, 'expiring']]);
    await expectClean(page, 'expiring');

    await context.close();
    expect(harness.pageErrors.filter((e) => !/status of (4\d\d|503)/.test(e))).toEqual([]);
  });

  /** Runs `work` while the export refuses more than `maxRows` rows, as it does above 10,000. */
  async function withExportLimit(maxRows: number, work: () => Promise<void>): Promise<void> {
    const { services } = harness.api;
    const original = services.keyExport;
    services.keyExport = new KeyExport({
      keys: services.keys,
      settings: services.settings,
      clock: services.clock,
      externalRows: async () => [],
      maxRows,
    });
    try {
      await work();
    } finally {
      services.keyExport = original;
    }
  }
});
