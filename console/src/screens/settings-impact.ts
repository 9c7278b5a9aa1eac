// What a change of the token settings would do to the account's tokens, before it is applied:
// how many move into "Expiring" and how many into "Expired". It mirrors the API's rules (API.md,
// "Settings"): every token's expiry becomes createdAt + the new duration, except that a shortening
// never moves an expiry earlier than now + the warning days; a token's alert then follows from its
// expiry and the warning days. The API does not offer a dry run, so the console pages through the
// keys it can read and counts (useSettingsImpact says when that is only an estimate).
import type { Key, Settings } from '../api/types';

const DAY_MS = 86_400_000;
const CRITICAL_AFTER_DAYS = 90;

type Alert = Key['alert'];
export interface ExpiryRules {
  tokenDurationDays: number;
  expiryWarningDays: number;
}

export interface Impact {
  /** Tokens without an alert today that the new settings put in "Expiring". */
  toExpiring: number;
  /** Tokens not expired today that the new settings put in "Expired" (or "Expired (critical)"). */
  toExpired: number;
}

function alertOf(expiresAtMs: number, warningDays: number, now: number): Alert {
  if (now >= expiresAtMs + CRITICAL_AFTER_DAYS * DAY_MS) return 'expired-critical';
  if (now >= expiresAtMs) return 'expired';
  if (now >= expiresAtMs - warningDays * DAY_MS) return 'expiring';
  return 'none';
}

/** The token's expiry under new rules (the API's shared/domain/settings.ts `reexpire`). */
function reexpire(token: Key['tokens'][number], rules: ExpiryRules, now: number): number {
  const target = Date.parse(token.createdAt) + rules.tokenDurationDays * DAY_MS;
  const current = Date.parse(token.expiresAt);
  if (target >= current) return target;
  return Math.max(target, Math.min(current, now + rules.expiryWarningDays * DAY_MS));
}

const isExpired = (alert: Alert): boolean => alert === 'expired' || alert === 'expired-critical';

export function settingsImpact(keys: Key[], current: Settings, next: ExpiryRules, now: number): Impact {
  const impact: Impact = { toExpiring: 0, toExpired: 0 };
  for (const key of keys) {
    for (const token of key.tokens) {
      const before = alertOf(Date.parse(token.expiresAt), current.expiryWarningDays, now);
      const after = alertOf(reexpire(token, next, now), next.expiryWarningDays, now);
      if (isExpired(after) && !isExpired(before)) impact.toExpired++;
      else if (after === 'expiring' && before === 'none') impact.toExpiring++;
    }
  }
  return impact;
}
