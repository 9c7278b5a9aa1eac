// Page helpers for the "Activity" tab: its rows as plain data, read in one evaluate so a check
// never mixes two renders.
import type { Page } from 'playwright-core';
import { waitForValue } from './wait';

export interface ActivityRowView {
  id: string;
  action: string;
  label: string;
  actor: string;
  target: string;
}

const ROWS = `[...document.querySelectorAll('[data-testid="activity-table"] tbody tr')].map((r) => ({
  id: r.dataset.entryId,
  action: r.dataset.action,
  label: r.querySelector('.audit-action').textContent,
  actor: r.querySelector('.audit-actor').textContent,
  target: r.querySelector('.audit-target').textContent,
}))`;

/** Waits until the Activity rows satisfy `accept`, and returns them. */
export function waitForActivity(
  page: Page,
  accept: (rows: ActivityRowView[]) => boolean,
): Promise<ActivityRowView[]> {
  return waitForValue<ActivityRowView[]>(page, ROWS, accept);
}

export function expectActivityCount(page: Page, count: number): Promise<ActivityRowView[]> {
  return waitForActivity(page, (rows) => rows.length === count);
}
