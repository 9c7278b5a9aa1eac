// Page helpers for the "Roles" and "External keys" tabs (issue 13): rows by role id or appKey, their
// row menus, and the page's own checks (axe, nothing wider than the window) at a given size.
import type { Locator, Page } from 'playwright-core';
import { seriousViolations, type AxeFinding } from './axe';
import { waitForValue } from './wait';

export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

export function roleRow(page: Page, roleId: string): Locator {
  return page.locator(`[data-testid="roles-table"] tr[data-role-id="${roleId}"]`);
}

export function grantRow(page: Page, appKey: string): Locator {
  return page.locator(`[data-testid="external-keys-table"] tr[data-app-key="${appKey}"]`);
}

/** Opens the ⋮ menu of a row and picks the item with `action`, once the menu has taken focus. */
export async function menuAction(page: Page, rowLocator: Locator, action: string): Promise<void> {
  const button = rowLocator.locator('button[aria-haspopup="menu"]');
  // The menu closes on scroll; let the scroll that brings the button into view land first.
  await button.scrollIntoViewIfNeeded();
  await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
  );
  await button.click();
  await page.locator(`[role="menu"] [data-action="${action}"]`).click();
}

/** The role ids of the Roles table, top to bottom, with whether each is marked predefined. */
export function roleRows(page: Page): Promise<{ id: string; predefined: boolean; menu: boolean }[]> {
  return page.evaluate(`[...document.querySelectorAll('[data-testid="roles-table"] tbody tr')].map((r) => ({
    id: r.dataset.roleId,
    predefined: r.dataset.predefined === 'true',
    menu: !!r.querySelector('button[aria-haspopup="menu"]'),
  }))`);
}

/** Waits until the Roles table lists exactly `ids`, in this order. */
export async function expectRoleIds(page: Page, ids: string[]): Promise<void> {
  await waitForValue<string[]>(
    page,
    `[...document.querySelectorAll('[data-testid="roles-table"] tbody tr')].map((r) => r.dataset.roleId)`,
    (rows) => JSON.stringify(rows) === JSON.stringify(ids),
  );
}

/** Waits until the External keys table shows exactly these keys, in any order. */
export async function expectGrants(page: Page, appKeys: string[]): Promise<void> {
  const wanted = JSON.stringify([...appKeys].sort());
  await waitForValue<string[]>(
    page,
    `[...document.querySelectorAll('[data-testid="external-keys-table"] tbody tr')].map((r) => r.dataset.appKey)`,
    (rows) => JSON.stringify([...rows].sort()) === wanted,
  );
}

/**
 * Axe's serious and critical findings, and how far the page is wider than the window (0 when it
 * fits), with the elements that stick out to say why.
 */
export async function layoutProblems(
  page: Page,
): Promise<{ axe: AxeFinding[]; overflow: number; wider: string[] }> {
  const { overflow, wider } = (await page.evaluate(`({
    overflow: Math.max(0, document.documentElement.scrollWidth - innerWidth),
    wider: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > innerWidth + 1)
      .map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)),
  })`)) as { overflow: number; wider: string[] };
  return { axe: await seriousViolations(page), overflow, wider: overflow > 0 ? wider : [] };
}
