// Deciding whether a presented token authenticates a key (API.md POST /v1/verify).
import { LocalHasher } from '../../shared/adapters/local-hasher';
import { createKey, newTokenRecord, renewKey, setActive, type ApiKey } from '../../shared/domain/key';
import { generateToken } from '../../shared/domain/token';
import { judge, matchingToken } from '../../shared/domain/verification';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-26T12:00:00.000Z');
const hasher = new LocalHasher(Buffer.alloc(32, 1));
const otherHasher = new LocalHasher(Buffer.alloc(32, 2));

const OLD_TOKEN = generateToken(new Uint8Array(32).fill(3));
const NEW_TOKEN = generateToken(new Uint8Array(32).fill(4));
const STRANGER = generateToken(new Uint8Array(32).fill(5));

const record = async (id: string, plain: string, nowMs: number, by = hasher) =>
  newTokenRecord(id, { mac: await by.mac(plain), keyId: by.currentKeyId }, nowMs, 90);

const macs = async (plain: string, by = hasher): Promise<Map<string, string>> =>
  new Map([[by.currentKeyId, await by.mac(plain)]]);

let key: ApiKey;
beforeAll(async () => {
  key = createKey({
    appKey: 'apk-shop-01KB0000000000000000000000',
    account: 'shop',
    name: 'ERP',
    roles: ['catalog-read'],
    token: await record('tok_old', OLD_TOKEN, T0),
    nowMs: T0,
  });
});

describe('matchingToken', () => {
  it('finds the token record whose hash is the MAC of the presented token', async () => {
    expect(matchingToken(key, await macs(OLD_TOKEN))?.id).toBe('tok_old');
  });

  it('finds nothing for another token', async () => {
    expect(matchingToken(key, await macs(STRANGER))).toBeUndefined();
  });

  it('finds both the new and the old token while a renewal is pending', async () => {
    const pending = renewKey(key, await record('tok_new', NEW_TOKEN, T0 + DAY), 'later', T0 + DAY);

    expect(matchingToken(pending, await macs(NEW_TOKEN))?.id).toBe('tok_new');
    expect(matchingToken(pending, await macs(OLD_TOKEN))).toMatchObject({
      id: 'tok_old',
      state: 'pending-deletion',
    });
  });

  it('never matches a MAC computed under another key id, even if the bytes are equal', async () => {
    const correctMac = await hasher.mac(OLD_TOKEN);
    const underOtherId = new Map([[otherHasher.currentKeyId, correctMac]]);

    expect(matchingToken(key, underOtherId)).toBeUndefined();
  });

  it('compares each record with the MAC made by the hashing key named in that record', async () => {
    const foreign = { ...key, tokens: [await record('tok_f', OLD_TOKEN, T0, otherHasher)] };

    expect(matchingToken(foreign, await macs(OLD_TOKEN))).toBeUndefined();
    expect(matchingToken(foreign, await macs(OLD_TOKEN, otherHasher))?.id).toBe('tok_f');
  });

  it('treats an empty MAC (from a hasher that does not hold the key) as no match', () => {
    const empty = new Map([[hasher.currentKeyId, '']]);

    expect(matchingToken(key, empty)).toBeUndefined();
  });
});

describe('judge', () => {
  const expiry = T0 + 90 * DAY;

  it('is invalid when the key does not exist', () => {
    expect(judge(null, undefined, true, T0)).toEqual({ valid: false, reason: 'invalid' });
  });

  it('is invalid, not inactive or expired, when the token does not match', () => {
    const inactive = setActive(key, false, T0 + 1);

    expect(judge(inactive, undefined, true, expiry + 1)).toEqual({ valid: false, reason: 'invalid' });
    expect(judge(key, undefined, true, expiry + 1)).toEqual({ valid: false, reason: 'invalid' });
    expect(judge(key, undefined, false, T0)).toEqual({ valid: false, reason: 'invalid' });
  });

  it('is inactive when the token matches an inactive key', () => {
    const inactive = setActive(key, false, T0 + 1);

    expect(judge(inactive, inactive.tokens[0], true, T0 + 2)).toEqual({ valid: false, reason: 'inactive' });
  });

  it('is expired from the expiry instant on when expiry is enforced', () => {
    const token = key.tokens[0]!;

    expect(judge(key, token, true, expiry - 1).valid).toBe(true);
    expect(judge(key, token, true, expiry)).toEqual({ valid: false, reason: 'expired' });
    expect(judge(key, token, true, expiry + 200 * DAY)).toEqual({ valid: false, reason: 'expired' });
  });

  it('lets an expired token pass when expiry is not enforced', () => {
    const token = key.tokens[0]!;

    expect(judge(key, token, false, expiry + 200 * DAY)).toEqual({ valid: true, key, token });
  });

  it('is valid for a matching, active, unexpired token and carries the key and token', async () => {
    const token = matchingToken(key, await macs(OLD_TOKEN));

    expect(judge(key, token, true, T0 + DAY)).toEqual({ valid: true, key, token });
  });
});
