// Account settings: how long tokens live and when they count as expiring. A change applies to
// existing tokens too, with a grace rule so a shortening never surprises an integration.
import { DAY_MS, iso, ms } from './time';
import { validationError } from './errors';

export const TOKEN_DURATIONS = [30, 60, 90, 180, 365] as const;
export type TokenDurationDays = (typeof TOKEN_DURATIONS)[number];

export interface Settings {
  tokenDurationDays: TokenDurationDays;
  expiryWarningDays: number;
  enforceExpiry: boolean;
  updatedAt: string | null;
}

export const DEFAULT_SETTINGS: Settings = {
  tokenDurationDays: 90,
  expiryWarningDays: 14,
  enforceExpiry: true,
  updatedAt: null,
};

export function checkSettings(input: Omit<Settings, 'updatedAt'>): void {
  if (input.expiryWarningDays > input.tokenDurationDays) {
    throw validationError('The warning period cannot be longer than the token duration.', [
      { path: 'expiryWarningDays', message: 'Must be at most tokenDurationDays.' },
    ]);
  }
}

/**
 * The expiry of an existing token after the account's duration becomes `durationDays` at `nowMs`:
 * createdAt + new duration, except that a shortening never moves the expiry earlier than
 * now + warningDays (and never later than it already was), so every integration gets at least
 * one full warning period to renew.
 */
export function reexpire(
  token: { createdAt: string; expiresAt: string },
  durationDays: number,
  warningDays: number,
  nowMs: number,
): string {
  const target = ms(token.createdAt) + durationDays * DAY_MS;
  const current = ms(token.expiresAt);
  if (target >= current) return iso(target);
  const graceFloor = nowMs + warningDays * DAY_MS;
  return iso(Math.max(target, Math.min(current, graceFloor)));
}

/** Whether re-expiring under `a` writes what re-expiring under `b` would (by content, not by time). */
export const sameExpiryRules = (a: Settings, b: Settings): boolean =>
  a.tokenDurationDays === b.tokenDurationDays && a.expiryWarningDays === b.expiryWarningDays;
