// The rules that decide whether a presented token authenticates a key, once the key item and the
// MAC of the presented token are known. Pure: storage and hashing happen in the use case.
import { timingSafeEqual } from 'node:crypto';
import type { ApiKey, TokenRecord } from './key';
import { isExpired } from './expiry';

export type VerificationOutcome =
  | { valid: true; key: ApiKey; token: TokenRecord }
  | { valid: false; reason: 'invalid' | 'inactive' | 'expired' };

const sameMac = (a: string, b: string): boolean => {
  const left = Buffer.from(a, 'base64');
  const right = Buffer.from(b, 'base64');
  return left.length === right.length && timingSafeEqual(left, right);
};

/** The token record whose stored hash matches `mac` (computed with that record's MAC key). */
export function matchingToken(key: ApiKey, macByKeyId: ReadonlyMap<string, string>): TokenRecord | undefined {
  return key.tokens.find((t) => {
    const mac = macByKeyId.get(t.hashKeyId);
    return mac !== undefined && sameMac(mac, t.hash);
  });
}

/**
 * `inactive` and `expired` are only reported when the token itself is correct, so a caller without
 * the token learns nothing about the key.
 */
export function judge(
  key: ApiKey | null,
  token: TokenRecord | undefined,
  enforceExpiry: boolean,
  nowMs: number,
): VerificationOutcome {
  if (!key || !token) return { valid: false, reason: 'invalid' };
  if (key.status !== 'active') return { valid: false, reason: 'inactive' };
  if (enforceExpiry && isExpired(token.expiresAt, nowMs)) return { valid: false, reason: 'expired' };
  return { valid: true, key, token };
}
