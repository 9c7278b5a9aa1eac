// Verification: does (appKey, token) authenticate, and as whom? The hot path of the service.
// A cache hit costs one SHA-256 and a Map lookup. A miss costs one GetItem, then (only for a key that
// exists) the MAC and the account's settings concurrently: an unknown appKey must cost no KMS call,
// because KMS's request quota is shared by every tenant and garbage would otherwise spend it for all.
// Unknown appKeys are remembered briefly, so a flood of the same garbage costs no storage read either.
// Malformed input is rejected before any I/O.
import { parseAppKey } from '../domain/ids';
import { isWellFormedToken } from '../domain/token';
import { judge, matchingToken, type VerificationOutcome } from '../domain/verification';
import type { ApiKey, TokenRecord } from '../domain/key';
import type { Clock, KeyRepository, TokenHasher } from '../ports';
import { VerificationCache } from './verification-cache';
import { BoundedCache } from './bounded-cache';
import type { SettingsSource } from './settings-source';
import { METRIC, NO_METRICS, type Metrics } from '../ports/metrics';

/** lastUsedAt is written at most this often per key. */
export const LAST_USED_INTERVAL_MS = 5 * 60_000;
/** How long an appKey found not to exist is answered `invalid` without a read. AppKeys carry 80
 * random bits, so no key created later can be one that was looked up before it existed. */
export const UNKNOWN_KEY_TTL_MS = 60_000;
export const UNKNOWN_KEY_CACHE_MAX = 10_000;

interface Cached {
  key: ApiKey | null;
  token: TokenRecord | undefined;
  enforceExpiry: boolean;
}

export class Verifier {
  private readonly lastTouched = new Map<string, number>();
  private readonly unknownKeys = new BoundedCache<true>(UNKNOWN_KEY_TTL_MS, UNKNOWN_KEY_CACHE_MAX);
  /** Bumped by every invalidation: a read begun before a change must not cache the old key. */
  private epoch = 0;

  constructor(
    private readonly store: KeyRepository,
    private readonly hasher: TokenHasher,
    private readonly settings: SettingsSource,
    private readonly clock: Clock,
    readonly cache: VerificationCache<Cached>,
    private readonly metrics: Metrics = NO_METRICS,
  ) {}

  async verify(appKey: unknown, token: unknown): Promise<VerificationOutcome> {
    if (typeof appKey !== 'string' || typeof token !== 'string') return { valid: false, reason: 'invalid' };
    const now = this.clock.now();
    const fingerprint = VerificationCache.fingerprint(appKey, token);
    const hit = this.cache.get(fingerprint, now);
    this.metrics.count(hit ? METRIC.cacheHit : METRIC.cacheMiss);
    if (hit) return this.conclude(hit, now);

    const parsed = parseAppKey(appKey);
    if (!parsed || !isWellFormedToken(token)) return { valid: false, reason: 'invalid' };

    if (this.unknownKeys.get(appKey, now)) return { valid: false, reason: 'invalid' };
    const epoch = this.epoch;
    const key = await this.store.getKey(appKey);
    if (!key) {
      if (epoch === this.epoch) this.unknownKeys.set(appKey, true, now);
      return { valid: false, reason: 'invalid' };
    }
    const [mac, settings] = await Promise.all([this.hasher.mac(token), this.settings.get(parsed.account)]);
    const macs = new Map([[this.hasher.currentKeyId, mac]]);
    // A token hashed under an older MAC key (KMS HMAC keys do not rotate by themselves).
    for (const t of key.tokens) {
      if (!macs.has(t.hashKeyId)) macs.set(t.hashKeyId, await this.hasher.mac(token, t.hashKeyId));
    }
    const entry: Cached = {
      key,
      token: matchingToken(key, macs),
      enforceExpiry: settings.enforceExpiry,
    };
    // Unknown (appKey, token) pairs are not cached, so garbage cannot evict real entries.
    if (entry.token && epoch === this.epoch) this.cache.set(fingerprint, appKey, entry, now);
    return this.conclude(entry, now);
  }

  invalidate(appKey: string): void {
    this.epoch++;
    this.cache.invalidate(appKey);
    this.unknownKeys.delete(appKey);
  }

  private conclude(entry: Cached, now: number): VerificationOutcome {
    const outcome = judge(entry.key, entry.token, entry.enforceExpiry, now);
    if (outcome.valid) this.touch(outcome.key, now);
    return outcome;
  }

  /** Records use off the critical path: the response does not wait for this write. */
  private touch(key: ApiKey, now: number): void {
    const last = Math.max(
      this.lastTouched.get(key.appKey) ?? 0,
      key.lastUsedAt ? Date.parse(key.lastUsedAt) : 0,
    );
    if (now - last < LAST_USED_INTERVAL_MS) return;
    this.lastTouched.set(key.appKey, now);
    if (this.lastTouched.size > 10_000) this.lastTouched.clear();
    void this.store.touchLastUsed(key.appKey, now, LAST_USED_INTERVAL_MS);
  }
}
