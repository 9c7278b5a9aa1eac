// An idempotent link delivery must be replayable (a client that lost the first response retries
// with the same Idempotency-Key), yet the stored replay must not reveal the link's secret to
// someone holding the table and every KMS key. So the secret is sealed once more, under a key
// derived from the Idempotency-Key itself, which the service stores only as a SHA-256: a replay
// opens it with the header the retry carries. Protection is then as strong as the Idempotency-Key
// is unguessable (the console sends random UUIDs; API.md asks for 1..255 visible characters).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const INFO = 'apikeys replayed share-link v1';

interface WithLink {
  share?: { url: string; expiresAt: string; sealedSecret?: string };
}

const keyOf = (idempotencyKey: string, salt: Buffer): Buffer =>
  Buffer.from(hkdfSync('sha256', Buffer.from(idempotencyKey, 'utf8'), salt, INFO, 32));

/** The result to keep: the link's fragment replaced by its sealed form. */
export function hideLinkSecret<T>(result: T, idempotencyKey: string): T {
  const share = (result as WithLink).share;
  const hash = share?.url.indexOf('#') ?? -1;
  if (!share || hash < 0) return result;
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(idempotencyKey, salt), iv);
  const data = Buffer.concat([cipher.update(share.url.slice(hash + 1), 'utf8'), cipher.final()]);
  const sealedSecret = [salt, iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
  return { ...result, share: { url: share.url.slice(0, hash), expiresAt: share.expiresAt, sealedSecret } };
}

/** The first result as it was sent, its link whole again. */
export function revealLinkSecret<T>(kept: T, idempotencyKey: string): T {
  const share = (kept as WithLink).share;
  if (!share?.sealedSecret) return kept;
  const [salt, iv, tag, data] = share.sealedSecret.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', keyOf(idempotencyKey, salt!), iv!);
  decipher.setAuthTag(tag!);
  const secret = Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
  return { ...kept, share: { url: `${share.url}#${secret}`, expiresAt: share.expiresAt } };
}
