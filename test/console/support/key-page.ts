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

/** Generates a key through the dialog and returns what the one-time token view showed. */
export async function generateKey(
  page: Page,
  name: string,
  roleLabels: string[] = [],
): Promise<{ appKey: string; token: string }> {
  await page.getByTestId('generate-key').click();
  const form = dialog(page, 'generate-dialog');
  await form.getByLabel(/^(Name|Nome)/).fill(name);
  for (const label of roleLabels) await form.getByLabel(label, { exact: true }).check();
  await form.getByRole('button', { name: /^(Generate|Gerar)$/ }).click();
  const reveal = dialog(page, 'token-dialog');
  const appKey = await reveal.getByTestId('revealed-key').inputValue();
  const token = await reveal.getByTestId('revealed-token').inputValue();
  return { appKey, token };
}
