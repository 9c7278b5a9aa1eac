// Local mode key material: the key file (mode 0600), HMAC hashing and AES-GCM sealing with it.
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateKeyFile } from '../../shared/adapters/key-file';
import { LocalHasher } from '../../shared/adapters/local-hasher';
import { LocalSecretBox } from '../../shared/adapters/local-secret-box';
import { generateToken } from '../../shared/domain/token';

const MATERIAL = Buffer.alloc(32, 7);
const TOKEN = generateToken(new Uint8Array(32).fill(9));
const CONTEXT = {
  purpose: 'idempotent-replay',
  account: 'shop',
  appKey: 'apk-shop-01KB0000000000000000000000',
};

describe('key file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'apikeys-keyfile-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates 32 random bytes, base64, in a file readable by the owner only (0600)', () => {
    const path = join(dir, 'token-hash.key');

    const key = loadOrCreateKeyFile(path);

    expect(key).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64').equals(key)).toBe(true);
  });

  it('creates missing parent directories', () => {
    const path = join(dir, 'a', 'b', 'local.key');

    expect(loadOrCreateKeyFile(path)).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('returns the same key on later loads', () => {
    const path = join(dir, 'k.key');

    const first = loadOrCreateKeyFile(path);
    const second = loadOrCreateKeyFile(path);

    expect(second.equals(first)).toBe(true);
  });

  it('gives different keys in different files', () => {
    expect(loadOrCreateKeyFile(join(dir, 'one.key')).equals(loadOrCreateKeyFile(join(dir, 'two.key')))).toBe(
      false,
    );
  });

  it('reads an existing key file, tolerating surrounding whitespace', () => {
    const path = join(dir, 'existing.key');
    writeFileSync(path, `  ${MATERIAL.toString('base64')}\n\n`, { mode: 0o600 });

    expect(loadOrCreateKeyFile(path).equals(MATERIAL)).toBe(true);
  });

  it('refuses a file that does not hold a 32-byte key rather than replacing it', () => {
    const path = join(dir, 'short.key');
    writeFileSync(path, Buffer.alloc(16).toString('base64'), { mode: 0o600 });

    expect(() => loadOrCreateKeyFile(path)).toThrow(/32-byte/);
    expect(readFileSync(path, 'utf8')).toBe(Buffer.alloc(16).toString('base64'));
  });

  it('fails on a path it cannot create rather than returning a throwaway key', () => {
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, 'x');

    expect(() => loadOrCreateKeyFile(join(blocker, 'k.key'))).toThrow();
  });

  it('fails when the path is a directory', () => {
    const path = join(dir, 'is-a-dir');
    mkdirSync(path);

    expect(() => loadOrCreateKeyFile(path)).toThrow();
  });
});

describe('LocalHasher', () => {
  const hasher = new LocalHasher(MATERIAL);

  it('computes base64 HMAC-SHA-256 of the token with the key material', async () => {
    const expected = createHmac('sha256', MATERIAL).update(TOKEN, 'utf8').digest('base64');

    expect(await hasher.mac(TOKEN)).toBe(expected);
  });

  it('is deterministic and never contains the token', async () => {
    const mac = await hasher.mac(TOKEN);

    expect(await hasher.mac(TOKEN)).toBe(mac);
    expect(mac).not.toContain(TOKEN);
    expect(await hasher.mac(generateToken(new Uint8Array(32).fill(8)))).not.toBe(mac);
  });

  it('derives its key id from the key material', () => {
    expect(hasher.currentKeyId).toMatch(/^local:[0-9a-f]{16}$/);
    expect(new LocalHasher(Buffer.from(MATERIAL)).currentKeyId).toBe(hasher.currentKeyId);
    expect(new LocalHasher(Buffer.alloc(32, 8)).currentKeyId).not.toBe(hasher.currentKeyId);
  });

  it('uses the current key when the key id is given explicitly', async () => {
    expect(await hasher.mac(TOKEN, hasher.currentKeyId)).toBe(await hasher.mac(TOKEN));
  });

  it('returns an empty MAC for a key id it does not hold, which matches nothing', async () => {
    expect(await hasher.mac(TOKEN, 'local:ffffffffffffffff')).toBe('');
    expect(await hasher.mac(TOKEN, 'arn:aws:kms:eu-west-1:111122223333:key/x')).toBe('');
  });
});

describe('LocalSecretBox', () => {
  const box = new LocalSecretBox(MATERIAL);
  const plaintext = JSON.stringify({ key: { appKey: CONTEXT.appKey }, token: TOKEN, note: 'Grüße ✓' });

  const tamper = (sealed: string, byteIndex: number): string => {
    const raw = Buffer.from(sealed.slice('v1.local.'.length), 'base64');
    raw[byteIndex] = raw[byteIndex]! ^ 0x01;
    return 'v1.local.' + raw.toString('base64');
  };

  it('round-trips a value sealed under a context', async () => {
    const sealed = await box.seal(plaintext, CONTEXT);

    expect(await box.open(sealed, CONTEXT)).toBe(plaintext);
  });

  it('does not show the plaintext and seals the same value differently each time', async () => {
    const first = await box.seal(plaintext, CONTEXT);
    const second = await box.seal(plaintext, CONTEXT);

    expect(first.startsWith('v1.local.')).toBe(true);
    expect(first).not.toContain(TOKEN);
    expect(Buffer.from(first.slice(9), 'base64').toString('utf8')).not.toContain(TOKEN);
    expect(second).not.toBe(first);
  });

  it('does not care about the order of the context entries', async () => {
    const sealed = await box.seal(plaintext, CONTEXT);
    const reordered = { appKey: CONTEXT.appKey, account: CONTEXT.account, purpose: CONTEXT.purpose };

    expect(await box.open(sealed, reordered)).toBe(plaintext);
  });

  it('fails to open under another context (another account, key, or an extra or missing entry)', async () => {
    const sealed = await box.seal(plaintext, CONTEXT);
    const missing: Record<string, string> = { ...CONTEXT };
    delete missing.purpose;

    for (const context of [
      { ...CONTEXT, account: 'other' },
      { ...CONTEXT, appKey: 'apk-shop-01KB0000000000000000000001' },
      { ...CONTEXT, extra: 'x' },
      missing,
      {},
    ]) {
      await expect(box.open(sealed, context)).rejects.toThrow();
    }
  });

  it('fails to open a tampered value: IV, tag or ciphertext changed', async () => {
    const sealed = await box.seal(plaintext, CONTEXT);

    for (const byteIndex of [0, 11, 12, 27, 28, 40]) {
      await expect(box.open(tamper(sealed, byteIndex), CONTEXT)).rejects.toThrow();
    }
  });

  it('fails to open a truncated value', async () => {
    const sealed = await box.seal(plaintext, CONTEXT);

    await expect(box.open(sealed.slice(0, -8), CONTEXT)).rejects.toThrow();
  });

  it('fails to open with another key', async () => {
    const sealed = await box.seal(plaintext, CONTEXT);

    await expect(new LocalSecretBox(Buffer.alloc(32, 8)).open(sealed, CONTEXT)).rejects.toThrow();
  });

  it('refuses a value not sealed by this kind of box', async () => {
    await expect(box.open('v1.kms.AAAA', CONTEXT)).rejects.toThrow();
    await expect(box.open(plaintext, CONTEXT)).rejects.toThrow();
  });
});
