// The in-process LRU of verification outcomes: TTL, size bound and per-key invalidation.
import { VerificationCache } from '../../shared/use-cases/verification-cache';

const T0 = Date.parse('2026-11-26T12:00:00.000Z');
const TTL = 60_000;
const KEY_A = 'apk-shop-01KB0000000000000000000000';
const KEY_B = 'apk-shop-01KB0000000000000000000001';
const fp = (appKey: string, token: string): string => VerificationCache.fingerprint(appKey, token);

describe('VerificationCache', () => {
  describe('fingerprint', () => {
    it('is deterministic and differs for another appKey or token', () => {
      expect(fp(KEY_A, 'apt_x')).toBe(fp(KEY_A, 'apt_x'));
      expect(fp(KEY_A, 'apt_x')).not.toBe(fp(KEY_B, 'apt_x'));
      expect(fp(KEY_A, 'apt_x')).not.toBe(fp(KEY_A, 'apt_y'));
    });

    it('separates appKey from token, so moving the boundary changes the fingerprint', () => {
      expect(fp('ab', 'c')).not.toBe(fp('a', 'bc'));
    });

    it('does not contain the token', () => {
      const token = 'apt_' + 'A'.repeat(49);

      expect(fp(KEY_A, token)).not.toContain(token);
      expect(fp(KEY_A, token)).not.toContain('apt_');
    });
  });

  describe('TTL', () => {
    it('returns a stored value until one ms before the TTL runs out', () => {
      const cache = new VerificationCache<string>(TTL);
      cache.set('f1', KEY_A, 'ok', T0);

      expect(cache.get('f1', T0)).toBe('ok');
      expect(cache.get('f1', T0 + TTL - 1)).toBe('ok');
    });

    it('forgets the value once the TTL has run out, and frees its slot', () => {
      const cache = new VerificationCache<string>(TTL);
      cache.set('f1', KEY_A, 'ok', T0);

      expect(cache.get('f1', T0 + TTL)).toBeUndefined();
      expect(cache.size).toBe(0);
    });

    it('restarts the TTL when the same fingerprint is stored again', () => {
      const cache = new VerificationCache<string>(TTL);
      cache.set('f1', KEY_A, 'first', T0);

      cache.set('f1', KEY_A, 'second', T0 + 30_000);

      expect(cache.get('f1', T0 + TTL + 1)).toBe('second');
      expect(cache.size).toBe(1);
    });

    it('does not extend the TTL on a read', () => {
      const cache = new VerificationCache<string>(TTL);
      cache.set('f1', KEY_A, 'ok', T0);

      cache.get('f1', T0 + TTL - 1);

      expect(cache.get('f1', T0 + TTL)).toBeUndefined();
    });

    it('stores nothing when the TTL is 0', () => {
      const cache = new VerificationCache<string>(0);

      cache.set('f1', KEY_A, 'ok', T0);

      expect(cache.size).toBe(0);
      expect(cache.get('f1', T0)).toBeUndefined();
    });

    it('returns nothing for an unknown fingerprint', () => {
      expect(new VerificationCache<string>(TTL).get('nope', T0)).toBeUndefined();
    });
  });

  describe('size bound (LRU)', () => {
    it('evicts the least recently stored entry when maxEntries is exceeded', () => {
      const cache = new VerificationCache<string>(TTL, 2);
      cache.set('f1', KEY_A, 'one', T0);
      cache.set('f2', KEY_A, 'two', T0);

      cache.set('f3', KEY_B, 'three', T0);

      expect(cache.size).toBe(2);
      expect(cache.get('f1', T0)).toBeUndefined();
      expect(cache.get('f2', T0)).toBe('two');
      expect(cache.get('f3', T0)).toBe('three');
    });

    it('counts a read as use: the least recently used entry is evicted, not the oldest', () => {
      const cache = new VerificationCache<string>(TTL, 2);
      cache.set('f1', KEY_A, 'one', T0);
      cache.set('f2', KEY_A, 'two', T0);
      cache.get('f1', T0 + 1);

      cache.set('f3', KEY_B, 'three', T0 + 2);

      expect(cache.get('f1', T0 + 3)).toBe('one');
      expect(cache.get('f2', T0 + 3)).toBeUndefined();
      expect(cache.get('f3', T0 + 3)).toBe('three');
    });

    it('counts a re-store as use', () => {
      const cache = new VerificationCache<string>(TTL, 2);
      cache.set('f1', KEY_A, 'one', T0);
      cache.set('f2', KEY_A, 'two', T0);
      cache.set('f1', KEY_A, 'one again', T0 + 1);

      cache.set('f3', KEY_B, 'three', T0 + 2);

      expect(cache.get('f1', T0 + 3)).toBe('one again');
      expect(cache.get('f2', T0 + 3)).toBeUndefined();
    });

    it('never holds more than maxEntries', () => {
      const cache = new VerificationCache<number>(TTL, 5);

      for (let i = 0; i < 50; i++) cache.set(`f${i}`, i % 2 ? KEY_A : KEY_B, i, T0);

      expect(cache.size).toBe(5);
      for (let i = 45; i < 50; i++) expect(cache.get(`f${i}`, T0)).toBe(i);
    });
  });

  describe('invalidate', () => {
    it('drops every entry of that appKey and only those', () => {
      const cache = new VerificationCache<string>(TTL);
      cache.set('a1', KEY_A, 'a-old-token', T0);
      cache.set('a2', KEY_A, 'a-new-token', T0);
      cache.set('b1', KEY_B, 'b-token', T0);

      cache.invalidate(KEY_A);

      expect(cache.get('a1', T0)).toBeUndefined();
      expect(cache.get('a2', T0)).toBeUndefined();
      expect(cache.get('b1', T0)).toBe('b-token');
      expect(cache.size).toBe(1);
    });

    it('is harmless for an appKey with no entries, or after its entries were evicted', () => {
      const cache = new VerificationCache<string>(TTL, 1);
      cache.set('a1', KEY_A, 'a', T0);
      cache.set('b1', KEY_B, 'b', T0); // evicts a1

      cache.invalidate(KEY_A);
      cache.invalidate('apk-other-01KB0000000000000000000002');

      expect(cache.get('b1', T0)).toBe('b');
    });

    it('lets the key be cached again afterwards', () => {
      const cache = new VerificationCache<string>(TTL);
      cache.set('a1', KEY_A, 'before', T0);
      cache.invalidate(KEY_A);

      cache.set('a1', KEY_A, 'after', T0 + 1);

      expect(cache.get('a1', T0 + 1)).toBe('after');
    });
  });

  it('clear empties the cache', () => {
    const cache = new VerificationCache<string>(TTL);
    cache.set('a1', KEY_A, 'a', T0);
    cache.set('b1', KEY_B, 'b', T0);

    cache.clear();

    expect(cache.size).toBe(0);
    expect(cache.get('a1', T0)).toBeUndefined();
  });
});
