// Which elements keyboard focus can land on: used by the dialog's focus trap and the menu.
const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

export function focusableIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.closest('[hidden]') && el.getClientRects().length > 0,
  );
}

/** Where focus goes when the element that opened something is gone (e.g. its row was deleted). */
export function focusFallback(): void {
  document.getElementById('main-heading')?.focus();
}
