// A key cut by a leak report shows a red "Leaked" badge in its row, whose tooltip says where and
// when the token was found, and its row menu offers the renewal first.
import { createSign, generateKeyPairSync } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Credentials } from '../helpers/api';
import { ReporterSignatures } from '../../shared/use-cases/leaks/reporter-signatures';
import { describeInBrowser } from './support/browser';
import { ConsoleHarness } from './support/console-harness';
import { row } from './support/key-page';
import { expectRows } from './support/wait';

const URL_FOUND = 'https://github.com/octocat/hello/blob/abc/leaked.env';

describeInBrowser('console: leaked keys', () => {
  let harness: ConsoleHarness;
  let owner: Credentials;
  let page: Page;
  const reporter = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  beforeAll(async () => {
    harness = await ConsoleHarness.start();
    harness.api.services.reporterSignatures = new ReporterSignatures({
      gh: reporter.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
    owner = await harness.api.bootstrap('leakui');
    ({ page } = await harness.newPage('en'));
    await harness.signIn(page, owner);
  });
  afterAll(async () => harness?.stop());

  test('a leaked key shows a red Leaked badge with where and when, and its menu leads to renewal', async () => {
    const leaked = await harness.api.createKey(owner, ['catalog-read'], 'Leaky integration');
    const clean = await harness.api.createKey(owner, ['catalog-read'], 'Leaky neighbour');
    const body = JSON.stringify([
      { token: leaked.token, type: 'apikeys', url: URL_FOUND, source: 'content' },
    ]);
    const reply = await harness.api.request('POST', '/v1/leaks', {
      rawBody: body,
      headers: {
        'Github-Public-Key-Identifier': 'gh',
        'Github-Public-Key-Signature': createSign('SHA256').update(body).sign(reporter.privateKey, 'base64'),
      },
    });
    expect(reply.body[0].label).toBe('true_positive');

    await page.getByTestId('search').fill('Leaky');
    await expectRows(page, [clean.appKey, leaked.appKey]);

    const badge = row(page, leaked.appKey).locator('[data-leak="true"]');
    await badge.waitFor();
    expect(await badge.innerText()).toContain('Leaked');
    expect(
      await badge.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).backgroundColor),
    ).toBe('rgb(253, 231, 233)');
    await badge.focus();
    const tip = row(page, leaked.appKey).locator('.leak-tooltip');
    await tip.waitFor({ state: 'visible' });
    const advice = await tip.innerText();
    expect(advice).toContain(URL_FOUND);
    expect(advice).toMatch(/\d{4}|\d{1,2}:\d{2}/); // when: a formatted date and time
    expect(await row(page, clean.appKey).locator('[data-leak]').count()).toBe(0);

    await row(page, leaked.appKey)
      .getByRole('button', { name: /actions for/i })
      .click();
    const first = page.locator('[role="menu"] [role="menuitem"]').first();
    expect(await first.getAttribute('data-action')).toBe('renew');
    expect(await first.innerText()).toContain('Renew leaked token');
    await first.click();
    await page.getByTestId('renew-dialog').waitFor();
  });
});
