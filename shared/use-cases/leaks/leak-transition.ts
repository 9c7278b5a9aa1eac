// What a leak report does to a key (API.md 1.1 "Leaked-token reports"), as a pure transition on
// top of the key's own: the old token of a pending renewal is cut by finishing the renewal (the
// new token keeps working); any other token is cut by deactivating the key. Either way the key
// records where and when the leak was found.
import { finishRenewal, setActive, type ApiKey, type LeakReport, type TokenRecord } from '../../domain/key';
import { iso } from '../../domain/time';

export type LeakOutcome = 'renewal-finished' | 'deactivated';

export interface LeakDecision {
  after: ApiKey;
  outcome: LeakOutcome;
}

/**
 * The key after the leak of `token` (one of its records), or null when there is nothing left to
 * do: the key is inactive and already records the leak of this token (a repeated report).
 */
export function applyLeak(
  key: ApiKey,
  token: TokenRecord,
  found: { url: string; source: string },
  nowMs: number,
): LeakDecision | null {
  const leak: LeakReport = {
    reportedAt: iso(nowMs),
    url: found.url,
    source: found.source,
    tokenId: token.id,
  };
  if (token.state === 'pending-deletion' && key.renewal) {
    return { after: { ...finishRenewal(key, nowMs), leak }, outcome: 'renewal-finished' };
  }
  // Nothing left to do only when this very token's leak is already recorded on the inactive key:
  // a leak of another of its tokens must be recorded too, or finishing a renewal would drop the
  // record and reactivation would bring a reported token back to life.
  if (key.status === 'inactive' && key.leak?.tokenId === token.id) return null;
  const deactivated = setActive(key, false, nowMs);
  // An inactive key without a leak record still changes: reactivating it must show the leak.
  const bumped =
    deactivated === key ? { ...key, updatedAt: iso(nowMs), version: key.version + 1 } : deactivated;
  return { after: { ...bumped, leak }, outcome: 'deactivated' };
}
