// The API token format of API.md: `apt_` + base62(32 random bytes, padded to 43) + base62(CRC-32 of
// that body, padded to 6). The checksum lets us reject typos and garbage without touching storage.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BODY_LENGTH = 43;
const CHECK_LENGTH = 6;
export const TOKEN_PATTERN = /^apt_[0-9A-Za-z]{49}$/;

export function base62(value: bigint, width: number): string {
  let out = '';
  let rest = value;
  while (rest > 0n) {
    out = ALPHABET[Number(rest % 62n)] + out;
    rest /= 62n;
  }
  return out.padStart(width, '0');
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as zlib computes it) of the ASCII bytes of `text`. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const checksum = (body: string): string => base62(BigInt(crc32(body)), CHECK_LENGTH);

/** A new token from 32 bytes of CSPRNG output (or the bytes given, for tests). */
export function generateToken(bytes: Uint8Array = randomBytes(32)): string {
  if (bytes.length !== 32) throw new Error('a token needs exactly 32 random bytes');
  const body = base62(BigInt('0x' + Buffer.from(bytes).toString('hex')), BODY_LENGTH);
  return `apt_${body}${checksum(body)}`;
}

/** True when `candidate` has the token shape and a correct checksum. Costs no I/O. */
export function isWellFormedToken(candidate: unknown): candidate is string {
  if (typeof candidate !== 'string' || !TOKEN_PATTERN.test(candidate)) return false;
  const body = candidate.slice(4, 4 + BODY_LENGTH);
  return candidate.slice(4 + BODY_LENGTH) === checksum(body);
}
