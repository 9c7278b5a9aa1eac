// A small in-process LRU of verification outcomes keyed by SHA-256(appKey, token): the token itself
// is never held. Entries live for a short TTL and are dropped at once when their key changes here.
import * as crypto from 'node:crypto';

const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'base64') => string }).hash;

export interface CacheEntry<V> {
  value: V;
  appKey: string;
  expiresAtMs: number;
}

export class VerificationCache<V> {
  private readonly entries = new Map<string, CacheEntry<V>>();
  private readonly byAppKey = new Map<string, Set<string>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  static fingerprint(appKey: string, token: string): string {
    // The one-shot hash (Node 20.12+) costs about half of a createHash() chain on this hot path.
    return oneShot
      ? oneShot('sha256', `${appKey}\0${token}`, 'base64')
      : crypto.createHash('sha256').update(`${appKey}\0${token}`).digest('base64');
  }

  get(fingerprint: string, nowMs: number): V | undefined {
    const entry = this.entries.get(fingerprint);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= nowMs) {
      this.remove(fingerprint, entry.appKey);
      return undefined;
    }
    // Refresh recency: Map iteration order is insertion order, so re-insert to mark as newest.
    this.entries.delete(fingerprint);
    this.entries.set(fingerprint, entry);
    return entry.value;
  }

  set(fingerprint: string, appKey: string, value: V, nowMs: number): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(fingerprint);
    this.entries.set(fingerprint, { value, appKey, expiresAtMs: nowMs + this.ttlMs });
    let fingerprints = this.byAppKey.get(appKey);
    if (!fingerprints) this.byAppKey.set(appKey, (fingerprints = new Set()));
    fingerprints.add(fingerprint);
    if (this.entries.size > this.maxEntries) {
      const [oldest, entry] = this.entries.entries().next().value as [string, CacheEntry<V>];
      this.remove(oldest, entry.appKey);
    }
  }

  /** Forgets every outcome for `appKey`: called on each change to that key in this process. */
  invalidate(appKey: string): void {
    for (const fingerprint of this.byAppKey.get(appKey) ?? []) this.entries.delete(fingerprint);
    this.byAppKey.delete(appKey);
  }

  clear(): void {
    this.entries.clear();
    this.byAppKey.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(fingerprint: string, appKey: string): void {
    this.entries.delete(fingerprint);
    const set = this.byAppKey.get(appKey);
    set?.delete(fingerprint);
    if (set?.size === 0) this.byAppKey.delete(appKey);
  }
}
