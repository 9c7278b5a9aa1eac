// Alert levels of a token, computed from its expiry at a given instant (API.md "Alert").
import { DAY_MS, ms } from './time';

export const ALERT_LEVELS = ['none', 'expiring', 'expired', 'expired-critical'] as const;
export type Alert = (typeof ALERT_LEVELS)[number];
export type FlagLevel = Exclude<Alert, 'none'>;

/** How long after expiry a token counts as critically expired. */
export const CRITICAL_AFTER_DAYS = 90;

export function alertOf(expiresAt: string, warningDays: number, nowMs: number): Alert {
  const expiry = ms(expiresAt);
  if (nowMs >= expiry + CRITICAL_AFTER_DAYS * DAY_MS) return 'expired-critical';
  if (nowMs >= expiry) return 'expired';
  if (nowMs >= expiry - warningDays * DAY_MS) return 'expiring';
  return 'none';
}

export const isExpired = (expiresAt: string, nowMs: number): boolean => nowMs >= ms(expiresAt);
