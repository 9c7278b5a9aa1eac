// Single-access share links (API.md 1.1): a new token handed over through a link that opens once,
// so the person who generates it never has to see or paste it. The link's secret never reaches the
// service except in the body of the one open call, and what is stored cannot reveal the token
// without it, even to someone holding the table and every KMS key: the token is encrypted with a
// key derived from the secret (HKDF-SHA-256, then AES-256-GCM with the share id as associated
// data), and only a SHA-256 of the secret is kept, to recognise the right secret before opening.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import type { ApiKey } from './key';
import { iso } from './time';

export const SHARE_TTL_MS = 24 * 3_600_000;
/** 128 random bits: 22 base64url characters. */
export const SHARE_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
/** 256 random bits: 43 base64url characters. */
export const SHARE_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const KEY_INFO = 'apikeys share-link v1';

/** What is stored of a link: enough to show who it is for, nothing that opens it. */
export interface ShareRecord {
  id: string;
  account: string;
  appKey: string;
  name: string;
  expiresAt: string;
  /** SHA-256 (hex) of the secret. */
  secretHash: string;
  /** AES-256-GCM of the token under the secret-derived key: iv, ciphertext and tag, base64url. */
  sealed: { iv: string; data: string; tag: string };
}

/** A new link for `token`: the record to store, and the secret that only the URL will carry. */
export function newShare(key: ApiKey, token: string, nowMs: number): { record: ShareRecord; secret: string } {
  const id = randomBytes(16).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret, id), iv);
  cipher.setAAD(Buffer.from(id));
  const data = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return {
    secret,
    record: {
      id,
      account: key.account,
      appKey: key.appKey,
      name: key.name,
      expiresAt: iso(nowMs + SHARE_TTL_MS),
      secretHash: hashOf(secret),
      sealed: {
        iv: iv.toString('base64url'),
        data: data.toString('base64url'),
        tag: cipher.getAuthTag().toString('base64url'),
      },
    },
  };
}

export const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Whether `secret` is the link's, compared in constant time. */
export function secretMatches(record: ShareRecord, secret: string): boolean {
  if (!SHARE_SECRET_PATTERN.test(secret)) return false;
  return timingSafeEqual(Buffer.from(hashOf(secret), 'hex'), Buffer.from(record.secretHash, 'hex'));
}

/** DynamoDB TTL deletes late: a record past its expiry is treated as gone. */
export const isLive = (record: ShareRecord, nowMs: number): boolean => Date.parse(record.expiresAt) > nowMs;

/** The token, with the right secret (throws on a wrong one: GCM authenticates). */
export function openShare(record: ShareRecord, secret: string): string {
  const decipher = createDecipheriv(
    'aes-256-gcm',
    keyOf(secret, record.id),
    Buffer.from(record.sealed.iv, 'base64url'),
  );
  decipher.setAAD(Buffer.from(record.id));
  decipher.setAuthTag(Buffer.from(record.sealed.tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(record.sealed.data, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

const keyOf = (secret: string, id: string): Buffer =>
  Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'base64url'), Buffer.from(id), KEY_INFO, 32));

export const shareUrl = (publicUrl: string, id: string, secret: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/share/${id}#${secret}`;
