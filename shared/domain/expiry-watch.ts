// What the expiry scan must watch: each key carries `dueAt`, the next instant its newest token
// crosses an alert level that has not been flagged yet. The sparse expiry index is built on it, so
// the scan reads exactly the keys that are due, and a key leaves the index once fully flagged.
import { alertOf, CRITICAL_AFTER_DAYS, type Alert, type FlagLevel } from './expiry';
import type { ApiKey } from './key';
import { DAY_MS, iso, ms } from './time';

export const LEVEL_RANK: Record<Alert, number> = { none: 0, expiring: 1, expired: 2, 'expired-critical': 3 };
export const FLAG_LEVELS: readonly FlagLevel[] = ['expiring', 'expired', 'expired-critical'];

/** The instant the level after `flagged` begins, or null once the last level was flagged. */
export function nextDueAt(expiresAt: string, warningDays: number, flagged: FlagLevel | null): string | null {
  const expiry = ms(expiresAt);
  switch (flagged) {
    case null:
      return iso(expiry - warningDays * DAY_MS);
    case 'expiring':
      return iso(expiry);
    case 'expired':
      return iso(expiry + CRITICAL_AFTER_DAYS * DAY_MS);
    case 'expired-critical':
      return null;
  }
}

/**
 * Re-derives `dueAt` after any change of tokens or settings, and drops a renewal flag that no
 * longer applies (a lengthened duration moved the expiry away). Never bumps the version: these
 * are the scan's bookkeeping, not a change an operator made.
 */
export function watchExpiry(key: ApiKey, warningDays: number, nowMs: number): ApiKey {
  const newest = key.tokens[0]!;
  const current = alertOf(newest.expiresAt, warningDays, nowMs);
  const flag =
    key.renewalFlag && LEVEL_RANK[current] < LEVEL_RANK[key.renewalFlag.level] ? null : key.renewalFlag;
  const dueAt = nextDueAt(newest.expiresAt, warningDays, flag?.level ?? null);
  return flag === key.renewalFlag && dueAt === key.dueAt ? key : { ...key, renewalFlag: flag, dueAt };
}

/** The levels to announce when a token's alert moved from `flagged` to `current`, in order. */
export function levelsToNotify(flagged: FlagLevel | null, current: Alert): FlagLevel[] {
  return FLAG_LEVELS.filter(
    (l) => LEVEL_RANK[l] > LEVEL_RANK[flagged ?? 'none'] && LEVEL_RANK[l] <= LEVEL_RANK[current],
  );
}
