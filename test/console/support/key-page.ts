// Page helpers for the "Generated keys" tab: rows by key or name, the row menu, dialogs.
import type { Locator, Page } from 'playwright-core';

export function row(page: Page, appKey: string): Locator {
  return page.locator(`tr[data-app-key="${appKey}"]`);
}

/** Opens the ⋮ menu of a row and picks the item with `action` (edit, deactivate, renew, ...). */
export async function rowAction(page: Page, appKey: string, action: string): Promise<void> {
  await row(page, appKey)
    .getByRole('button', { name: /actions for|ações para/i })
    .click();
  await page.locator(`[role="menu"] [data-action="${action}"]`).click();
}

export function dialog(page: Page, testId: string): Locator {
  return page.getByTestId(testId);
}

/**
 * Generates a key through the dialog with "Show the token now" and returns what the one-time token
 * view showed. The token is copied (as an operator would), so Done then closes without a question.
 */
export async function generateKey(
  page: Page,
  name: string,
  roleLabels: string[] = [],
): Promise<{ appKey: string; token: string }> {
  await page.getByTestId('generate-key').click();
  const form = dialog(page, 'generate-dialog');
  await form.getByLabel(/^(Name|Nome)/).fill(name);
  for (const label of roleLabels) await form.getByLabel(label, { exact: true }).check();
  await form.locator('input[data-delivery="response"]').check();
  await form.getByRole('button', { name: /^(Generate|Gerar)$/ }).click();
  const reveal = dialog(page, 'token-dialog');
  const appKey = await reveal.getByTestId('revealed-key').inputValue();
  const token = await reveal.getByTestId('revealed-token').inputValue();
  await reveal.getByRole('button', { name: /^(Copy token|Copiar token)$/ }).click();
  await reveal
    .getByRole('status')
    .filter({ hasText: /copied|copiado/i })
    .waitFor();
  return { appKey, token };
}

/** Generates a key through the dialog with the default delivery, a link; returns the link shown. */
export async function generateKeyWithLink(
  page: Page,
  name: string,
  roleLabels: string[] = [],
): Promise<{ appKey: string; url: string }> {
  await page.getByTestId('generate-key').click();
  const form = dialog(page, 'generate-dialog');
  await form.getByLabel(/^(Name|Nome)/).fill(name);
  for (const label of roleLabels) await form.getByLabel(label, { exact: true }).check();
  await form.getByRole('button', { name: /^(Generate|Gerar)$/ }).click();
  const url = await dialog(page, 'link-dialog').getByTestId('revealed-link').inputValue();
  // The new key's row appears behind the dialog; names in these tests are unique.
  const newRow = page.locator('tbody tr', { hasText: name }).first();
  await newRow.waitFor({ state: 'attached' });
  return { appKey: (await newRow.getAttribute('data-app-key')) ?? '', url };
}

/** The parts of a single-access link: `{console}/share/{id}#{secret}`. */
export function linkParts(url: string): { id: string; secret: string } {
  const match = /\/share\/([A-Za-z0-9_-]+)#([A-Za-z0-9_-]+)$/.exec(url);
  if (!match) throw new Error(`not a single-access link: ${url}`);
  return { id: match[1]!, secret: match[2]! };
}
