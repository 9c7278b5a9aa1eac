// The API token format (API.md "Token format"): apt_ + base62 body of 43 + base62 CRC-32 of 6.
import * as zlib from 'node:zlib';
import { base62, crc32, generateToken, isWellFormedToken, TOKEN_PATTERN } from '../../shared/domain/token';

const API_TOKEN_REGEX = /^apt_[0-9A-Za-z]{49}$/;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** An independent base62 decoder, so the encoder is checked against arithmetic, not against itself. */
const fromBase62 = (text: string): bigint =>
  [...text].reduce((acc, ch) => {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) throw new Error(`not base62: ${ch}`);
    return acc * 62n + BigInt(digit);
  }, 0n);

const bytesToBigInt = (bytes: Uint8Array): bigint => BigInt('0x' + Buffer.from(bytes).toString('hex'));

/** Deterministic pseudo-random bytes for reproducible tests. */
const seededBytes = (seed: number, length = 32): Uint8Array => {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
};

const bodyOf = (token: string): string => token.slice(4, 47);
const checkOf = (token: string): string => token.slice(47);

const zlibCrc32 = (zlib as { crc32?: (data: string | Uint8Array) => number }).crc32;
const withZlib = typeof zlibCrc32 === 'function' ? it : it.skip;
if (typeof zlibCrc32 !== 'function') {
  // Skipped, not failed: zlib.crc32 only exists on Node >= 20.15 / 22.2.
  console.warn('token.test.ts: node:zlib has no crc32 on this Node version; zlib cross-checks skipped');
}

describe('token format', () => {
  describe('a generated token', () => {
    it('matches the regex of API.md and is exactly 53 characters long', () => {
      const token = generateToken(seededBytes(1));

      expect(token).toMatch(API_TOKEN_REGEX);
      expect(token).toMatch(TOKEN_PATTERN);
      expect(token).toHaveLength(4 + 43 + 6);
      expect(token.startsWith('apt_')).toBe(true);
    });

    it('encodes the 32 random bytes as the base62 body, so decoding the body gives the bytes back', () => {
      for (let seed = 1; seed <= 50; seed++) {
        const bytes = seededBytes(seed);

        const token = generateToken(bytes);

        expect(fromBase62(bodyOf(token))).toBe(bytesToBigInt(bytes));
      }
    });

    it('left-pads the body with 0: all-zero bytes give a body of 43 zeros', () => {
      const token = generateToken(new Uint8Array(32));

      expect(bodyOf(token)).toBe('0'.repeat(43));
    });

    it('left-pads small values: a single trailing 1 byte gives 42 zeros then 1', () => {
      const bytes = new Uint8Array(32);
      bytes[31] = 1;

      expect(bodyOf(generateToken(bytes))).toBe('0'.repeat(42) + '1');
    });

    it('fits the largest possible value (32 bytes of 0xff) in 43 characters', () => {
      const bytes = new Uint8Array(32).fill(0xff);

      const token = generateToken(bytes);

      expect(token).toMatch(API_TOKEN_REGEX);
      expect(fromBase62(bodyOf(token))).toBe(2n ** 256n - 1n);
    });

    it('carries as checksum the CRC-32 of the 43 body characters, base62 and padded to 6', () => {
      for (let seed = 1; seed <= 50; seed++) {
        const token = generateToken(seededBytes(seed));

        const check = checkOf(token);

        expect(check).toHaveLength(6);
        expect(Number(fromBase62(check))).toBe(crc32(bodyOf(token)));
      }
    });

    withZlib('has a checksum equal to node zlib.crc32 of the body (IEEE CRC-32)', () => {
      for (let seed = 1; seed <= 50; seed++) {
        const token = generateToken(seededBytes(seed));

        expect(Number(fromBase62(checkOf(token)))).toBe(zlibCrc32!(Buffer.from(bodyOf(token), 'ascii')));
      }
      const zeros = generateToken(new Uint8Array(32));
      expect(Number(fromBase62(checkOf(zeros)))).toBe(zlibCrc32!(Buffer.from('0'.repeat(43), 'ascii')));
    });

    it('is different on every call when no bytes are given (CSPRNG)', () => {
      const tokens = new Set(Array.from({ length: 100 }, () => generateToken()));

      expect(tokens.size).toBe(100);
      for (const token of tokens) expect(isWellFormedToken(token)).toBe(true);
    });

    it('refuses to be made from anything but exactly 32 bytes', () => {
      expect(() => generateToken(new Uint8Array(31))).toThrow();
      expect(() => generateToken(new Uint8Array(33))).toThrow();
    });
  });

  describe('crc32', () => {
    it('gives the IEEE check value 0xCBF43926 for "123456789"', () => {
      expect(crc32('123456789')).toBe(0xcbf43926);
    });

    it('gives 0 for the empty string and an unsigned value for every input', () => {
      expect(crc32('')).toBe(0);
      for (let seed = 1; seed <= 20; seed++) {
        const value = crc32(generateToken(seededBytes(seed)));
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(0xffffffff);
      }
    });

    withZlib('agrees with node zlib.crc32 on ASCII text', () => {
      for (const text of ['', 'a', 'abc', '0'.repeat(43), 'The quick brown fox', ALPHABET]) {
        expect(crc32(text)).toBe(zlibCrc32!(Buffer.from(text, 'ascii')));
      }
    });
  });

  describe('base62', () => {
    it('uses the alphabet 0-9A-Za-z and left-pads with 0 to the width', () => {
      expect(base62(0n, 6)).toBe('000000');
      expect(base62(5n, 6)).toBe('000005');
      expect(base62(10n, 2)).toBe('0A');
      expect(base62(36n, 2)).toBe('0a');
      expect(base62(61n, 2)).toBe('0z');
      expect(base62(62n, 2)).toBe('10');
      expect(base62(BigInt(0xffffffff), 6)).toBe('4gfFC3');
    });
  });

  describe('isWellFormedToken', () => {
    const token = generateToken(seededBytes(42));

    it('accepts a generated token', () => {
      expect(isWellFormedToken(token)).toBe(true);
    });

    it('rejects a token with any single character of the body changed', () => {
      for (let i = 4; i < 47; i++) {
        const replacement = token[i] === 'a' ? 'b' : 'a';
        const altered = token.slice(0, i) + replacement + token.slice(i + 1);

        expect(altered).toMatch(API_TOKEN_REGEX);
        expect(isWellFormedToken(altered)).toBe(false);
      }
    });

    it('rejects a token with any single character of the checksum changed', () => {
      for (let i = 47; i < 53; i++) {
        const replacement = token[i] === 'a' ? 'b' : 'a';
        const altered = token.slice(0, i) + replacement + token.slice(i + 1);

        expect(isWellFormedToken(altered)).toBe(false);
      }
    });

    it('rejects a body with two adjacent characters swapped', () => {
      const body = bodyOf(token);
      const i = [...body].findIndex((ch, j) => j + 1 < body.length && ch !== body[j + 1]);
      const swapped = body.slice(0, i) + body[i + 1] + body[i] + body.slice(i + 2);

      expect(isWellFormedToken(`apt_${swapped}${checkOf(token)}`)).toBe(false);
    });

    it('rejects a body paired with the checksum of another token', () => {
      const other = generateToken(seededBytes(43));

      expect(isWellFormedToken(`apt_${bodyOf(token)}${checkOf(other)}`)).toBe(false);
      expect(isWellFormedToken(`apt_${bodyOf(other)}${checkOf(token)}`)).toBe(false);
    });

    it('rejects strings that fail the regex: wrong prefix, length, characters or surrounding space', () => {
      const candidates = [
        '',
        'apt_',
        token.replace('apt_', 'apk_'),
        token.replace('apt_', 'APT_'),
        token.slice(4),
        token.slice(0, -1),
        token + '0',
        token.slice(0, 20) + '-' + token.slice(21),
        ` ${token}`,
        `${token}\n`,
      ];
      for (const candidate of candidates) expect(isWellFormedToken(candidate)).toBe(false);
    });

    it('rejects anything that is not a string', () => {
      for (const candidate of [undefined, null, 0, 42, true, {}, [token], Buffer.from(token), { token }]) {
        expect(isWellFormedToken(candidate)).toBe(false);
      }
    });
  });
});
