// Dates in the chosen locale through Intl, in the browser's time zone.
import type { Locale } from './i18n';

export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** With seconds: audit entries a few seconds apart must not look simultaneous. */
export function formatInstant(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

/** Counts in the locale's digits and grouping (1,234 / 1.234). */
export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(n);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "in 9 days" / "12 days ago" in the locale's words. Days up to two months, because that is the
 * unit operators plan renewals in (the warning is counted in days); months, then years, beyond.
 */
export function formatRelative(iso: string, now: number, locale: Locale): string {
  const diff = Date.parse(iso) - now;
  const abs = Math.abs(diff);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (abs < HOUR) return format.format(Math.round(diff / MINUTE), 'minute');
  if (abs < DAY) return format.format(Math.round(diff / HOUR), 'hour');
  if (abs < 60 * DAY) return format.format(Math.round(diff / DAY), 'day');
  if (abs < 365 * DAY) return format.format(Math.round(diff / (30 * DAY)), 'month');
  return format.format(Math.round(diff / (365 * DAY)), 'year');
}
