// Waiting on page state without page.waitForFunction: that evaluates its predicate with eval inside
// the page, which the console's CSP (rightly) forbids. page.evaluate of an expression is not
// subject to the page's CSP, so poll that instead.
import type { Page } from 'playwright-core';

export async function waitForValue<T>(
  page: Page,
  expression: string,
  accept: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = (await page.evaluate(expression)) as T;
    if (accept(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting on ${expression}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ROW_KEYS = `[...document.querySelectorAll('tbody tr')].map((r) => r.dataset.appKey)`;

/** Waits until the table shows exactly these keys, in any order. */
export async function expectRows(page: Page, appKeys: string[]): Promise<void> {
  const wanted = JSON.stringify([...appKeys].sort());
  await waitForValue<string[]>(page, ROW_KEYS, (rows) => JSON.stringify([...rows].sort()) === wanted);
}

export async function expectRowCount(page: Page, count: number): Promise<void> {
  await waitForValue<string[]>(page, ROW_KEYS, (rows) => rows.length === count);
}

export async function expectText(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector, { hasText: text }).first().waitFor();
}

/**
 * Waits until focus is inside the dialog with this test id. A dialog takes focus in the same
 * effect that makes it modal and starts listening for Escape, so pressing Escape before that can
 * reach nobody (seen under load in CI).
 */
export async function waitForFocusIn(page: Page, dialogTestId: string): Promise<void> {
  await waitForValue<boolean>(
    page,
    `!!document.activeElement?.closest('[data-testid="${dialogTestId}"]')`,
    (inside) => inside,
  );
}
