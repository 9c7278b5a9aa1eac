// Identifiers (API.md "Vocabulary"): ULIDs and the appKey format `apk-{account}-{ULID}`.
import {
  ACCOUNT_PATTERN,
  APP_KEY_PATTERN,
  newAppKey,
  newTokenId,
  parseAppKey,
  ulid,
  ULID_PATTERN,
} from '../../shared/domain/ids';

const API_APP_KEY_REGEX = /^apk-[a-z][a-z0-9]{2,29}-[0-9A-HJKMNP-TV-Z]{26}$/;
const API_ACCOUNT_REGEX = /^[a-z][a-z0-9]{2,29}$/;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const decodeCrockford = (text: string): number =>
  [...text].reduce((acc, ch) => acc * 32 + CROCKFORD.indexOf(ch), 0);

const T = Date.parse('2026-11-26T12:00:00.000Z');
const VALID_ULID = ulid(T, new Uint8Array(10).fill(7));

describe('ULID', () => {
  it('is 26 characters of uppercase Crockford base32 (no I, L, O, U)', () => {
    for (let i = 0; i < 50; i++) {
      const id = ulid(T + i);

      expect(id).toHaveLength(26);
      expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(id).toMatch(ULID_PATTERN);
    }
  });

  it('encodes the millisecond time in its first 10 characters', () => {
    expect(decodeCrockford(ulid(T).slice(0, 10))).toBe(T);
    expect(ulid(0, new Uint8Array(10))).toBe('0'.repeat(26));
    expect(ulid(2 ** 48 - 1, new Uint8Array(10)).slice(0, 10)).toBe('7ZZZZZZZZZ');
  });

  it('encodes the 80 random bits in its last 16 characters', () => {
    expect(ulid(T, new Uint8Array(10).fill(0xff)).slice(10)).toBe('Z'.repeat(16));
    expect(ulid(T, new Uint8Array(10)).slice(10)).toBe('0'.repeat(16));
  });

  it('sorts a later millisecond after an earlier one, whatever the random part', () => {
    const earliestAtT1 = ulid(T + 1, new Uint8Array(10));
    const latestAtT = ulid(T, new Uint8Array(10).fill(0xff));

    expect(latestAtT < earliestAtT1).toBe(true);
  });

  it('sorts as strings in the order of the instants they were made at', () => {
    const instants = [0, 1, 31, 32, 1023, 1024, T - 1, T, T + 1, T + 86_400_000, 2 ** 47];
    const shuffled = [...instants].reverse().map((t) => ({ t, id: ulid(t) }));

    const byId = [...shuffled].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((x) => x.t);

    expect(byId).toEqual(instants);
  });

  it('differs between two calls in the same millisecond (random part)', () => {
    expect(ulid(T)).not.toBe(ulid(T));
  });
});

describe('appKey', () => {
  it('has the format apk-{account}-{ULID} of API.md', () => {
    const appKey = newAppKey('shop42', T);

    expect(appKey).toMatch(API_APP_KEY_REGEX);
    expect(appKey).toMatch(APP_KEY_PATTERN);
    expect(appKey.startsWith('apk-shop42-')).toBe(true);
    expect(decodeCrockford(appKey.slice('apk-shop42-'.length, 'apk-shop42-'.length + 10))).toBe(T);
  });

  it('makes appKeys of one account that sort by creation time', () => {
    const earlier = newAppKey('shop', T);
    const later = newAppKey('shop', T + 1);

    expect(earlier < later).toBe(true);
  });

  it('uses the account pattern of API.md', () => {
    for (const account of ['abc', 'a12', 'shop', 'a'.repeat(30)]) {
      expect(ACCOUNT_PATTERN.test(account)).toBe(true);
      expect(API_ACCOUNT_REGEX.test(account)).toBe(true);
    }
    for (const account of ['ab', '1abc', 'Abc', 'a-bc', 'a'.repeat(31), '']) {
      expect(ACCOUNT_PATTERN.test(account)).toBe(false);
    }
  });

  describe('parseAppKey', () => {
    it('splits a good appKey into its account and ULID', () => {
      expect(parseAppKey(`apk-shop42-${VALID_ULID}`)).toEqual({ account: 'shop42', id: VALID_ULID });
      expect(parseAppKey(newAppKey('local', T))).toMatchObject({ account: 'local' });
      expect(parseAppKey(`apk-${'a'.repeat(30)}-${VALID_ULID}`)).toEqual({
        account: 'a'.repeat(30),
        id: VALID_ULID,
      });
    });

    it('returns null for anything that is not an appKey', () => {
      const bad: unknown[] = [
        undefined,
        null,
        42,
        {},
        '',
        VALID_ULID,
        `apk-${VALID_ULID}`,
        `apk-ab-${VALID_ULID}`, // account too short
        `apk-${'a'.repeat(31)}-${VALID_ULID}`, // account too long
        `apk-Shop-${VALID_ULID}`, // uppercase account
        `apk-1shop-${VALID_ULID}`, // account starts with a digit
        `apk-sh-op-${VALID_ULID}`, // hyphen inside the account
        `apk-shop-${VALID_ULID.toLowerCase()}`, // lowercase ULID
        `apk-shop-${VALID_ULID.slice(1)}`, // 25 characters
        `apk-shop-${VALID_ULID}0`, // 27 characters
        `apk-shop-${VALID_ULID.slice(0, 25)}I`, // I is not Crockford
        `apk-shop-${VALID_ULID.slice(0, 25)}L`,
        `apk-shop-${VALID_ULID.slice(0, 25)}O`,
        `apk-shop-${VALID_ULID.slice(0, 25)}U`,
        `APK-shop-${VALID_ULID}`,
        `apt-shop-${VALID_ULID}`,
        ` apk-shop-${VALID_ULID}`,
        `apk-shop-${VALID_ULID}\n`,
      ];
      for (const candidate of bad) expect(parseAppKey(candidate)).toBeNull();
    });
  });
});

describe('token id', () => {
  it('is tok_ followed by a ULID, opaque and not secret', () => {
    expect(newTokenId(T)).toMatch(/^tok_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(newTokenId(T)).not.toMatch(/^apt_/);
  });
});
