// Browser flows of the "Activity" tab and each key's "History", checked against GET /v1/audit:
// entries newest first with their labels in both languages, the action and date filters, History
// narrowed to one key, "load more", the error state's Retry, axe, and a key viewer who sees none
// of it.
import type { Page } from 'playwright-core';
import type { Credentials } from '../helpers/api';
import { seriousViolations } from './support/axe';
import { expectActivityCount, waitForActivity } from './support/activity-page';
import { describeInBrowser } from './support/browser';
import { ConsoleHarness } from './support/console-harness';
import { dialog, generateKey, row, rowAction } from './support/key-page';
import { expectText, waitForValue } from './support/wait';

interface Entry {
  id: string;
  at: string;
  action: string;
  target: { type: string; id: string };
}

describeInBrowser('console: activity and key history', () => {
  let harness: ConsoleHarness;
  let owner: Credentials;
  let page: Page;
  let erp: Credentials;

  beforeAll(async () => {
    harness = await ConsoleHarness.start();
    owner = await harness.api.bootstrap('auditui');
    ({ page } = await harness.newPage('en'));
    await harness.signIn(page, owner);
  });
  afterAll(async () => harness?.stop());

  const audit = async (query: string): Promise<Entry[]> => {
    const reply = await harness.api.request<{ items: Entry[] }>('GET', `/v1/audit?limit=100&${query}`, {
      as: owner,
    });
    expect(reply.status).toBe(200);
    return reply.body.items;
  };
  /** Entries of one millisecond have no defined order between them: each step gets its own second. */
  const tick = async (): Promise<void> => {
    harness.api.services.clock.advanceMs(1000);
    await harness.syncClock(page);
  };
  const change = (entryId: string, field: string, part: 'change-from' | 'change-to') =>
    page.locator(`tr[data-entry-id="${entryId}"] li[data-field="${field}"] .${part}`).textContent();
  const today = (offsetDays = 0): string =>
    new Date(harness.api.services.clock.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

  test('generate, rename, deactivate: Activity shows the three entries newest first, in English and Portuguese', async () => {
    // Arrange: generate in the console, rename through the API (the console edits roles and
    // status only), deactivate in the console
    await tick();
    erp = await generateKey(page, 'ERP integration', ['Catalog read']);
    await dialog(page, 'token-dialog').getByRole('button', { name: 'Done' }).click();
    await tick();
    const renamed = await harness.api.request('PATCH', `/v1/keys/${erp.appKey}`, {
      as: owner,
      body: { name: 'ERP connector' },
    });
    expect(renamed.status).toBe(200);
    await tick();
    await rowAction(page, erp.appKey, 'deactivate');
    await dialog(page, 'deactivate-dialog').getByRole('button', { name: 'Yes, deactivate' }).click();
    await row(page, erp.appKey).and(page.locator('[data-status="inactive"]')).waitFor();

    // Act
    await page.getByRole('tab', { name: 'Activity' }).click();

    // Assert: newest first, as the API has them, with their labels, actor and target
    const entries = await audit('');
    const rows = await waitForActivity(page, (r) => r.length === entries.length);
    expect(rows.map((r) => r.id)).toEqual(entries.map((e) => e.id));
    expect(rows.slice(0, 3).map((r) => [r.action, r.label, r.target])).toEqual([
      ['key.deactivated', 'Key deactivated', erp.appKey],
      ['key.updated', 'Key edited', erp.appKey],
      ['key.created', 'Key generated', erp.appKey],
    ]);
    expect(rows[0]!.actor).toBe(`${owner.appKey}Your key`);
    expect(rows[rows.length - 1]).toMatchObject({
      action: 'key.created',
      target: owner.appKey,
      actor: 'System',
    });
    const [deactivated, updated, created] = entries;
    expect(await page.locator(`tr[data-entry-id="${updated!.id}"] li`).count()).toBe(1);
    expect(await change(updated!.id, 'name', 'change-from')).toBe('ERP integration');
    expect(await change(updated!.id, 'name', 'change-to')).toBe('ERP connector');
    expect(await change(deactivated!.id, 'status', 'change-from')).toBe('Active');
    expect(await change(deactivated!.id, 'status', 'change-to')).toBe('Inactive');
    const createdRow = page.locator(`tr[data-entry-id="${created!.id}"]`);
    expect(await createdRow.locator('li[data-field="roles"]').textContent()).toBe('Roles: Catalog read');
    const tokenId = (await harness.api.request('GET', `/v1/keys/${erp.appKey}`, { as: owner })).body.tokens[0]
      .id;
    expect(await createdRow.locator('li[data-field="tokens"]').textContent()).toMatch(
      new RegExp(`^Tokens: ${tokenId} \\(valid until .+\\)$`),
    );
    // The exact instant is in the tooltip; the request's origin is folded away until asked for
    expect(await page.locator(`tr[data-entry-id="${deactivated!.id}"] time`).getAttribute('title')).toBe(
      deactivated!.at,
    );
    expect(
      await page.locator(`tr[data-entry-id="${deactivated!.id}"] details`).getAttribute('open'),
    ).toBeNull();
    expect(await page.content()).not.toContain(erp.token);

    // Act + Assert: the same list in Portuguese
    await page.getByTestId('language').selectOption('pt-BR');
    const pt = await waitForActivity(page, (r) => r[0]?.label === 'Chave desativada');
    expect(pt.slice(0, 3).map((r) => r.label)).toEqual(['Chave desativada', 'Chave editada', 'Chave gerada']);
    expect(pt[0]!.actor).toBe(`${owner.appKey}Sua chave`);
    expect(pt[pt.length - 1]!.actor).toBe('Sistema');
    expect(await change(deactivated!.id, 'status', 'change-to')).toBe('Inativa');
    await expectText(page, '#main-heading', 'Atividade');
    await expectText(page, '[data-testid="activity-table"] thead', 'Quando');
    expect(await page.getByRole('tab', { name: 'Atividade' }).getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('language').selectOption('en');
    await waitForActivity(page, (r) => r[0]?.label === 'Key deactivated');
  });

  test('the action filter narrows the list; a date range is whole local days', async () => {
    // Act: one action
    await page.getByTestId('activity-action').selectOption('key.updated');

    // Assert
    const updates = await audit('action=key.updated');
    expect(updates).toHaveLength(1);
    const rows = await waitForActivity(page, (r) => r.length === 1);
    expect(rows.map((r) => r.id)).toEqual(updates.map((e) => e.id));
    expect(await page.locator('[data-testid="activity-action"] option:checked').textContent()).toBe(
      'Key edited',
    );

    // A day after every entry: the empty state; today to today: every entry
    await page.getByTestId('activity-action').selectOption('');
    await page.getByTestId('activity-from').fill(today(1));
    await expectText(page, '[data-testid="activity-status"]', 'No activity matches these filters.');
    expect(await page.getByTestId('activity-table').count()).toBe(0);
    await page.getByTestId('activity-to').fill(today());
    await expectText(page, '#main', 'The “From” date is after the “To” date.');
    expect(await page.getByTestId('activity-to').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('activity-from').fill(today());
    const all = await audit('');
    await expectActivityCount(page, all.length);
    expect(await page.getByTestId('activity-to').getAttribute('aria-invalid')).toBeNull();

    // Clearing the filters keeps focus in the form
    await page.getByTestId('activity-clear').click();
    expect(await page.getByTestId('activity-from').inputValue()).toBe('');
    expect(await page.evaluate('document.activeElement?.dataset.testid')).toBe('activity-key');
  });

  test("History in a key's row menu (by keyboard) shows only that key's entries", async () => {
    // Arrange: an entry about another key, which History must leave out
    const other = await harness.api.createKey(owner, [], 'Unrelated');
    await page.getByRole('tab', { name: 'Generated keys' }).click();
    await row(page, other.appKey).waitFor();
    const menuButton = row(page, erp.appKey).locator('button[aria-haspopup="menu"]');

    // Act: ⋮, End (Delete key), ArrowUp (History), Enter
    await menuButton.focus();
    await page.keyboard.press('Enter');
    await page.locator('[role="menu"] [data-action="edit"]:focus').waitFor();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await page.locator('[role="menu"] [data-action="history"]:focus').waitFor();
    await page.keyboard.press('Enter');

    // Assert
    const own = await audit(`appKey=${erp.appKey}`);
    expect(own.map((e) => e.action)).toEqual(['key.deactivated', 'key.updated', 'key.created']);
    const rows = await waitForActivity(page, (r) => r.length === 3);
    expect(rows.map((r) => r.id)).toEqual(own.map((e) => e.id));
    expect(rows.every((r) => r.target === erp.appKey)).toBe(true);
    expect(await page.getByRole('tab', { name: 'Activity' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('activity-key').inputValue()).toBe(erp.appKey);
    await waitForValue<string>(page, 'document.activeElement?.id', (id) => id === 'main-heading');
  });

  test('"Load more" follows nextCursor until the last page', async () => {
    // Arrange: 23 entries about one key, more than a page of 20
    const busy = await harness.api.createKey(owner, [], 'Busy key');
    for (let i = 1; i <= 22; i++) {
      harness.api.services.clock.advanceMs(1000);
      const reply = await harness.api.request('PATCH', `/v1/keys/${busy.appKey}`, {
        as: owner,
        body: { name: `Busy key ${i}` },
      });
      expect(reply.status).toBe(200);
    }
    await harness.syncClock(page);
    const entries = await audit(`appKey=${busy.appKey}`);
    expect(entries).toHaveLength(23);

    // Act: a partial key is explained and not sent; the whole key gives the first page
    await page.getByTestId('activity-key').fill(busy.appKey.slice(0, -3));
    await expectText(page, '#main', 'Enter a whole API key');
    expect(await page.getByTestId('activity-table').count()).toBe(0);
    await page.getByTestId('activity-key').fill(busy.appKey);
    const first = await waitForActivity(
      page,
      (r) => r.length === 20 && r.every((x) => x.target === busy.appKey),
    );
    await page.getByTestId('activity-load-more').click();

    // Assert
    const all = await expectActivityCount(page, 23);
    expect(first.map((r) => r.id)).toEqual(entries.slice(0, 20).map((e) => e.id));
    expect(all.map((r) => r.id)).toEqual(entries.map((e) => e.id));
    await expectText(page, '[data-testid="activity-status"]', 'Showing 23 entries.');
    expect(await page.getByTestId('activity-load-more').count()).toBe(0);
  });

  test('a failed load says so and "Retry" loads the list again', async () => {
    // Arrange: the next audit request answers 503
    const pattern = '**/v1/audit?**';
    await page.route(pattern, (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'https://apikeys.dev/problems/service-unavailable',
          title: 'Service unavailable',
          status: 503,
          detail: 'Try again.',
        }),
      }),
    );

    // Act
    await page.getByTestId('activity-clear').click();
    await expectText(page, '#main [role="alert"]', 'The service is briefly unavailable');
    expect(await page.getByTestId('activity-table').count()).toBe(0);
    await page.unroute(pattern);
    await page.getByTestId('activity-retry').click();

    // Assert
    const all = await audit('');
    const rows = await expectActivityCount(page, Math.min(all.length, 20));
    expect(rows.map((r) => r.id)).toEqual(all.slice(0, 20).map((e) => e.id));
    expect(await page.getByTestId('activity-retry').count()).toBe(0);
  });

  test('axe finds no serious or critical issue on the Activity tab, in both languages', async () => {
    await page.getByTestId('activity-action').selectOption('key.created');
    const created = await audit('action=key.created');
    await expectActivityCount(page, created.length);
    await page.locator('[data-testid="activity-table"] details summary').first().click();
    await expectText(page, '[data-testid="activity-table"] details[open]', 'Source IP');

    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('language').selectOption('pt-BR');
    await waitForActivity(page, (r) => r.length > 0 && r.every((x) => x.label === 'Chave gerada'));
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('language').selectOption('en');
    await waitForActivity(page, (r) => r.length > 0 && r.every((x) => x.label === 'Key generated'));
  });

  test('a key viewer sees neither the Activity tab nor History', async () => {
    // Arrange
    const viewer = await harness.api.createKey(owner, ['key-viewer'], 'Dashboard');
    const { context, page: viewerPage } = await harness.newPage('en');

    // Act
    await harness.signIn(viewerPage, viewer);
    await row(viewerPage, erp.appKey).waitFor();
    await row(viewerPage, erp.appKey).locator('button[aria-haspopup="menu"]').click();
    const items = viewerPage.locator('[role="menu"] [data-action]');
    await items.first().waitFor();

    // Assert: the console agrees with the API, which refuses the audit log to this key
    expect(await viewerPage.getByRole('tab').allTextContents()).toEqual([
      'Generated keys',
      'Settings',
      'External keys',
      'Roles',
    ]);
    const actions = await items.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-action')));
    expect(actions).toContain('edit');
    expect(actions).not.toContain('history');
    expect((await harness.api.request('GET', '/v1/audit', { as: viewer })).status).toBe(403);
    await context.close();
    expect(harness.pageErrors.filter((e) => !/status of (4\d\d|503)/.test(e))).toEqual([]);
  });
});
