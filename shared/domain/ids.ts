// Identifiers: ULIDs (time-ordered, Crockford base32) and the appKey format `apk-{account}-{ULID}`.
import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ACCOUNT_PATTERN = /^[a-z][a-z0-9]{2,29}$/;
export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
export const APP_KEY_PATTERN = /^apk-([a-z][a-z0-9]{2,29})-([0-9A-HJKMNP-TV-Z]{26})$/;

export function ulid(nowMs: number, random: Uint8Array = randomBytes(10)): string {
  let time = '';
  let t = nowMs;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let bits = 0n;
  for (const byte of random) bits = (bits << 8n) | BigInt(byte);
  let rand = '';
  for (let i = 0; i < 16; i++) {
    rand = CROCKFORD[Number(bits & 31n)] + rand;
    bits >>= 5n;
  }
  return time + rand;
}

export const newAppKey = (account: string, nowMs: number): string => `apk-${account}-${ulid(nowMs)}`;

/** Splits an appKey into its account and ULID; null when it is not an appKey at all. */
export function parseAppKey(appKey: unknown): { account: string; id: string } | null {
  if (typeof appKey !== 'string') return null;
  const match = APP_KEY_PATTERN.exec(appKey);
  return match ? { account: match[1]!, id: match[2]! } : null;
}

/** A short opaque id for a token: not secret, stable for the token's life. */
export const newTokenId = (nowMs: number): string => `tok_${ulid(nowMs)}`;
