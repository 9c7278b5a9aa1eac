// Single-access share links in the console: the generate and renew dialogs hand the token over
// through a link by default, shown once and never closed silently; the keys table marks an unopened
// link and revokes it; the share page, in another browser context without sign-in, reads the link
// on load without spending it and opens it only on "Reveal token". Each step is checked against
// what the API then reports, in English and Portuguese, and with axe.
import type { BrowserContext, Page, Request } from 'playwright-core';
import type { Credentials } from '../helpers/api';
import { seriousViolations } from './support/axe';
import { describeInBrowser } from './support/browser';
import { ConsoleHarness, type ConsoleLocale } from './support/console-harness';
import { dialog, generateKeyWithLink, linkParts, row, rowAction } from './support/key-page';
import { expectRows, expectText, waitForFocusIn } from './support/wait';

interface SharePage {
  context: BrowserContext;
  page: Page;
  /** Every request the page made, with its body: to prove where the secret went. */
  requests: Array<{ method: string; url: string; body: string | null }>;
  /** Every message the page logged. */
  logged: string[];
}

describeInBrowser('console: single-access share links', () => {
  let harness: ConsoleHarness;
  let owner: Credentials;
  let page: Page;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    harness = await ConsoleHarness.start();
    owner = await harness.api.bootstrap('sharing');
    ({ page } = await harness.newPage('en'));
    await harness.signIn(page, owner);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await harness?.stop();
  });

  const getKey = async (appKey: string) =>
    (await harness.api.request('GET', `/v1/keys/${appKey}`, { as: owner })).body;
  const preview = (id: string) => harness.api.request('GET', `/v1/shares/${id}`);
  const isValid = async (appKey: string, appToken: string): Promise<boolean> =>
    (await harness.api.request('POST', '/v1/verify', { body: { appKey, appToken } })).body.valid;
  const expiryText = (iso: string, locale: ConsoleLocale): string =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
      new Date(iso),
    );
  const unexpectedErrors = (): string[] => harness.pageErrors.filter((e) => !/status of 4\d\d/.test(e));

  /** Opens `url` in a fresh browser context: no session, nothing shared with the operator's tab. */
  async function openSharePage(url: string, locale: ConsoleLocale = 'en'): Promise<SharePage> {
    const { context, page: sharePage } = await harness.newPage(locale);
    contexts.push(context);
    const requests: SharePage['requests'] = [];
    const logged: string[] = [];
    sharePage.on('request', (request: Request) =>
      requests.push({ method: request.method(), url: request.url(), body: request.postData() }),
    );
    sharePage.on('console', (message) => logged.push(message.text()));
    await sharePage.goto(url);
    return { context, page: sharePage, requests, logged };
  }

  const shareState = (sharePage: Page, state: string) =>
    sharePage.locator(`[data-testid="share-page"][data-state="${state}"]`).waitFor();

  /** A key whose token waits in a link, made through the API (the dialogs have their own tests). */
  async function keyWithLink(name: string): Promise<{ appKey: string; url: string; expiresAt: string }> {
    const reply = await harness.api.request('POST', '/v1/keys', {
      as: owner,
      body: { name, roles: ['orders-read'], delivery: 'link' },
    });
    expect(reply.status).toBe(201);
    return {
      appKey: reply.body.key.appKey,
      url: reply.body.share.url,
      expiresAt: reply.body.share.expiresAt,
    };
  }

  async function showOnly(name: string, appKey: string): Promise<void> {
    await page.getByTestId('search').fill(name);
    await expectRows(page, [appKey]);
  }

  test('generate defaults to the link; it is shown once with Copy, and closing first asks "Did you copy it?"', async () => {
    // Arrange: the dialog offers the link first, chosen, and the token now as the alternative
    await page.getByTestId('generate-key').click();
    const form = dialog(page, 'generate-dialog');
    const link = form.getByLabel('Single-access link (recommended)', { exact: true });
    expect(await link.isChecked()).toBe(true);
    expect(await form.getByLabel('Show the token now', { exact: true }).isChecked()).toBe(false);
    await form.getByLabel(/^Name/).fill('Link dialog');

    // Act
    await form.getByRole('button', { name: 'Generate', exact: true }).click();
    const shown = dialog(page, 'link-dialog');
    const url = await shown.getByTestId('revealed-link').inputValue();

    // Assert: a link to this console; the token is nowhere on the page
    expect(url.startsWith(`${harness.url}/share/`)).toBe(true);
    const { id } = linkParts(url);
    expect(await page.content()).not.toMatch(/apt_[0-9A-Za-z]{20}/);
    await expectText(page, '[data-testid="link-dialog"]', 'This link is shown only once');

    // Escape, × and Done each ask first; "Go back" keeps the link on screen
    const question = shown.getByTestId('confirm-close');
    for (const close of [
      async () => {
        await waitForFocusIn(page, 'link-dialog');
        await page.keyboard.press('Escape');
      },
      () => shown.getByRole('button', { name: 'Close', exact: true }).click(),
      () => shown.getByRole('button', { name: 'Done', exact: true }).click(),
    ]) {
      await close();
      await expectText(page, '[data-testid="confirm-close"]', 'Did you copy it?');
      expect(await shown.getByTestId('revealed-link').inputValue()).toBe(url);
      await question.getByRole('button', { name: 'Go back' }).click();
      await question.waitFor({ state: 'detached' });
    }

    // Copy puts the link on the clipboard; then Done closes without a question
    await shown.getByRole('button', { name: 'Copy link' }).click();
    await expectText(page, '[data-testid="link-dialog"]', 'Link copied to the clipboard.');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(url);
    await shown.getByRole('button', { name: 'Done', exact: true }).click();
    await shown.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(url);
    expect((await preview(id)).status).toBe(200);
  });

  test('the token shown now also asks before closing; "Close without copying" closes it', async () => {
    await page.getByTestId('generate-key').click();
    const form = dialog(page, 'generate-dialog');
    await form.getByLabel(/^Name/).fill('Token dialog');
    await form.getByLabel('Show the token now', { exact: true }).check();
    await form.getByRole('button', { name: 'Generate', exact: true }).click();
    const shown = dialog(page, 'token-dialog');
    const appKey = await shown.getByTestId('revealed-key').inputValue();

    await waitForFocusIn(page, 'token-dialog');
    await page.keyboard.press('Escape');
    await expectText(page, '[data-testid="confirm-close"]', 'The token is not shown again');
    await shown.getByRole('button', { name: 'Close without copying' }).click();

    await shown.waitFor({ state: 'detached' });
    expect((await getKey(appKey)).share).toBeNull();
  });

  test('the whole flow: generate with a link, open it in a second context, reveal, copy; the token verifies; a second reveal is refused', async () => {
    // Arrange: the operator generates a key with a link and copies it
    const created = await generateKeyWithLink(page, 'Warehouse sync', ['Orders read']);
    const linkDialog = dialog(page, 'link-dialog');
    await linkDialog.getByRole('button', { name: 'Copy link' }).click();
    await linkDialog.getByRole('button', { name: 'Done', exact: true }).click();
    await linkDialog.waitFor({ state: 'detached' });
    const { id, secret } = linkParts(created.url);
    const key = await getKey(created.appKey);
    expect(key.share).toEqual({ expiresAt: expect.any(String) });

    // Act 1: two other browsers open the link (the second stands in for a later visitor)
    const holder = await openSharePage(created.url);
    const late = await openSharePage(created.url);
    await shareState(holder.page, 'ready');
    await shareState(late.page, 'ready');

    // Assert 1: who and until when; nothing spent by loading; the secret has left the address bar
    expect(await holder.page.getByTestId('share-account').textContent()).toBe('sharing');
    expect(await holder.page.getByTestId('share-name').textContent()).toBe('Warehouse sync');
    expect(await holder.page.getByTestId('share-app-key').textContent()).toBe(created.appKey);
    expect(await holder.page.getByTestId('share-expires').textContent()).toBe(
      expiryText(key.share.expiresAt, 'en'),
    );
    expect((await preview(id)).status).toBe(200);
    expect(await holder.page.evaluate('location.href')).toBe(`${harness.url}/share/${id}`);
    expect(holder.requests.filter((r) => r.url.includes('/open'))).toEqual([]);
    expect(holder.requests.filter((r) => r.url.includes('/v1/')).map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${harness.url}/v1/shares/${id}`,
    ]);
    // ...and the console's session is neither needed nor touched
    expect(await holder.page.evaluate('JSON.stringify(sessionStorage)')).toBe('{}');
    expect(await holder.page.locator('input[name="appToken"]').count()).toBe(0);

    // Act 2: reveal, copy
    await holder.page.getByRole('button', { name: 'Reveal token' }).click();
    await shareState(holder.page, 'revealed');
    const token = await holder.page.getByTestId('revealed-token').inputValue();
    await holder.page.getByRole('button', { name: 'Copy token' }).click();
    await expectText(holder.page, '[data-testid="share-page"]', 'Token copied to the clipboard.');

    // Assert 2: the token verifies; the warning; the secret went only into the one open call's body
    expect(await holder.page.evaluate('navigator.clipboard.readText()')).toBe(token);
    expect(await isValid(created.appKey, token)).toBe(true);
    expect(await holder.page.getByTestId('token-notice').textContent()).toContain(
      'This token will not be shown again',
    );
    const carrying = holder.requests.filter((r) => `${r.url} ${r.body ?? ''}`.includes(secret));
    expect(carrying).toEqual([
      { method: 'POST', url: `${harness.url}/v1/shares/${id}/open`, body: JSON.stringify({ secret }) },
    ]);
    expect(holder.logged.filter((m) => m.includes(secret) || m.includes(token))).toEqual([]);
    expect((await getKey(created.appKey)).share).toBeNull();

    // Act 3 + Assert 3: the later visitor's reveal is refused plainly; a reload says the link is gone
    await late.page.getByRole('button', { name: 'Reveal token' }).click();
    await shareState(late.page, 'spent');
    await expectText(late.page, '[data-testid="share-problem"]', 'this link was already opened');
    expect(await late.page.getByTestId('revealed-token').count()).toBe(0);
    await holder.page.reload();
    await shareState(holder.page, 'invalid');
    await expectText(holder.page, '[data-testid="share-problem"]', 'it was already opened');
    expect(unexpectedErrors()).toEqual([]);
  });

  test('the table marks an unopened link with its expiry; "Revoke link" revokes it, and the link then says so', async () => {
    // Arrange
    const linked = await keyWithLink('Revoke my link');
    const plain = await harness.api.createKey(owner, [], 'No link here');
    await page.getByTestId('search').fill('link here');
    await expectRows(page, [plain.appKey]);
    await row(page, plain.appKey)
      .getByRole('button', { name: /actions for/i })
      .click();
    expect(await page.locator('[role="menu"] [data-action="revoke-link"]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await showOnly('Revoke my link', linked.appKey);

    // Assert: the mark, with the link's expiry
    const mark = row(page, linked.appKey).getByTestId('unopened-link');
    expect(await mark.getAttribute('data-expires-at')).toBe(linked.expiresAt);
    expect(await mark.textContent()).toBe(`Link not opened · expires ${expiryText(linked.expiresAt, 'en')}`);

    // Act
    await rowAction(page, linked.appKey, 'revoke-link');
    const confirm = dialog(page, 'revoke-link-dialog');
    await expectText(page, '[data-testid="revoke-link-dialog"]', 'stops working at once');
    await confirm.getByRole('button', { name: 'Revoke link' }).click();
    await confirm.waitFor({ state: 'detached' });

    // Assert: gone from the row and the API; opening the link says it does not work
    await mark.waitFor({ state: 'detached' });
    expect((await getKey(linked.appKey)).share).toBeNull();
    expect((await preview(linkParts(linked.url).id)).status).toBe(404);
    const visitor = await openSharePage(linked.url);
    await shareState(visitor.page, 'invalid');
    await expectText(visitor.page, 'h1', 'This link does not work');
    expect(await visitor.page.getByRole('button', { name: 'Reveal token' }).count()).toBe(0);
  });

  test('renew with a link works the same: link by default, opened once elsewhere, and the new token verifies', async () => {
    // Arrange
    const key = await harness.api.createKey(owner, ['catalog-read'], 'Renew by link');
    await showOnly('Renew by link', key.appKey);

    // Act: renew, deleting the old token now, with the default delivery
    await rowAction(page, key.appKey, 'renew');
    const renew = dialog(page, 'renew-dialog');
    expect(await renew.getByLabel('Single-access link (recommended)', { exact: true }).isChecked()).toBe(
      true,
    );
    await renew.getByLabel('Now', { exact: true }).check();
    await renew.getByRole('button', { name: 'Renew', exact: true }).click();
    const shown = dialog(page, 'link-dialog');
    const url = await shown.getByTestId('revealed-link').inputValue();
    await shown.getByRole('button', { name: 'Copy link' }).click();
    await shown.getByRole('button', { name: 'Done', exact: true }).click();
    await shown.waitFor({ state: 'detached' });
    await row(page, key.appKey).getByTestId('unopened-link').waitFor();

    const visitor = await openSharePage(url);
    await shareState(visitor.page, 'ready');
    expect((await preview(linkParts(url).id)).status).toBe(200);
    await visitor.page.getByRole('button', { name: 'Reveal token' }).click();
    await shareState(visitor.page, 'revealed');
    const token = await visitor.page.getByTestId('revealed-token').inputValue();

    // Assert: the new token works, the old one does not, the link is spent
    expect(token).not.toBe(key.token);
    expect(await isValid(key.appKey, token)).toBe(true);
    expect(await isValid(key.appKey, key.token)).toBe(false);
    expect((await preview(linkParts(url).id)).status).toBe(404);
  });

  test('a made-up link says plainly that it does not work; a link missing its secret offers no Reveal', async () => {
    const madeUp = await openSharePage(`${harness.url}/share/AAAAAAAAAAAAAAAAAAAAAA#${'B'.repeat(43)}`);
    await shareState(madeUp.page, 'invalid');
    await expectText(madeUp.page, '[data-testid="share-problem"]', 'This link is not valid');

    const linked = await keyWithLink('Cut short');
    const cut = await openSharePage(linked.url.split('#')[0]!);
    await shareState(cut.page, 'ready');
    await expectText(cut.page, '[data-testid="share-problem"]', 'the part after “#” is missing');
    expect(await cut.page.getByRole('button', { name: 'Reveal token' }).count()).toBe(0);
    expect((await preview(linkParts(linked.url).id)).status).toBe(200);
  });

  test('in Portuguese: the dialogs, the table mark, the menu and the share page', async () => {
    // Arrange: an operator whose browser speaks Portuguese
    const { page: pt } = await harness.newPage('pt-BR');
    await harness.signIn(pt, owner);

    // Act + Assert: the generate dialog and the link shown once
    await pt.getByTestId('generate-key').click();
    const form = dialog(pt, 'generate-dialog');
    expect(await form.getByLabel('Link de acesso único (recomendado)', { exact: true }).isChecked()).toBe(
      true,
    );
    await form.getByLabel('Mostrar o token agora', { exact: true }).waitFor();
    await form.getByLabel(/^Nome/).fill('Integração ERP');
    await form.getByRole('button', { name: 'Gerar', exact: true }).click();
    const shown = dialog(pt, 'link-dialog');
    await expectText(pt, '[data-testid="link-dialog"] h2', 'Copie o link agora');
    const url = await shown.getByTestId('revealed-link').inputValue();
    await waitForFocusIn(pt, 'link-dialog');
    await pt.keyboard.press('Escape');
    await expectText(pt, '[data-testid="confirm-close"]', 'Você copiou?');
    await shown.getByRole('button', { name: 'Voltar' }).click();
    await shown.getByRole('button', { name: 'Copiar link' }).click();
    await expectText(pt, '[data-testid="link-dialog"]', 'Link copiado para a área de transferência.');
    await shown.getByRole('button', { name: 'Concluir' }).click();
    await shown.waitFor({ state: 'detached' });

    // ...the row's mark and its menu item
    const newRow = pt.locator('tbody tr', { hasText: 'Integração ERP' });
    await expectText(pt, 'tbody [data-testid="unopened-link"]', 'Link não aberto · expira em');
    await newRow.getByRole('button', { name: /ações para/i }).click();
    await expectText(pt, '[role="menu"] [data-action="revoke-link"]', 'Revogar link');
    await pt.keyboard.press('Escape');

    // ...and the share page, before and after the reveal, and once spent
    const visitor = await openSharePage(url, 'pt-BR');
    await shareState(visitor.page, 'ready');
    await expectText(visitor.page, 'h1', 'Um token foi compartilhado com você');
    await expectText(visitor.page, '.share-facts', 'Link válido até');
    await visitor.page.getByRole('button', { name: 'Revelar token' }).click();
    await shareState(visitor.page, 'revealed');
    await expectText(visitor.page, '[data-testid="token-notice"]', 'Este token não será exibido de novo');
    await visitor.page.reload();
    await shareState(visitor.page, 'invalid');
    await expectText(visitor.page, 'h1', 'Este link não funciona');
    await pt.context().close();
  });

  test('axe finds no serious or critical issue on the link dialog and the share page, in both languages', async () => {
    const findings: Record<string, unknown> = {};
    for (const locale of ['en', 'pt-BR'] as const) {
      const { page: operator } = await harness.newPage(locale);
      await harness.signIn(operator, owner);
      const created = await generateKeyWithLink(operator, `Axe ${locale}`);
      findings[`${locale} link dialog`] = await seriousViolations(operator);
      await waitForFocusIn(operator, 'link-dialog');
      await operator.keyboard.press('Escape');
      await dialog(operator, 'link-dialog').getByTestId('confirm-close').waitFor();
      findings[`${locale} did you copy it`] = await seriousViolations(operator);
      await operator.context().close();

      const visitor = await openSharePage(created.url, locale);
      await shareState(visitor.page, 'ready');
      findings[`${locale} share page`] = await seriousViolations(visitor.page);
      await visitor.page.getByTestId('reveal-token').click();
      await shareState(visitor.page, 'revealed');
      findings[`${locale} revealed`] = await seriousViolations(visitor.page);
      await visitor.page.reload();
      await shareState(visitor.page, 'invalid');
      findings[`${locale} spent`] = await seriousViolations(visitor.page);
    }

    expect(findings).toEqual({
      'en link dialog': [],
      'en did you copy it': [],
      'en share page': [],
      'en revealed': [],
      'en spent': [],
      'pt-BR link dialog': [],
      'pt-BR did you copy it': [],
      'pt-BR share page': [],
      'pt-BR revealed': [],
      'pt-BR spent': [],
    });
    expect(unexpectedErrors()).toEqual([]);
  });
});
