// The hot path against its physical floor, in the same process and the same run:
// - a cache-miss verification against one raw GetItem of the same item through the same client;
// - a cache-hit verification against one SHA-256 of the token.
import { createHash, hash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keyItemKey } from '../shared/adapters/dynamodb/item-keys';
import { loadConfig } from '../shared/config';
import { Verifier } from '../shared/use-cases/verify';
import { SettingsSource } from '../shared/use-cases/settings-source';
import { VerificationCache } from '../shared/use-cases/verification-cache';
import type { BenchServices } from './setup';
import type { Plan } from './plan';
import { batchNs, latencyUs, median } from './timing';

/** The settings cache TTL of a default configuration (SETTINGS_CACHE_TTL_SECONDS). */
const DEFAULT_SETTINGS_TTL_MS = loadConfig({}).SETTINGS_CACHE_TTL_SECONDS * 1000;

export interface Credentials {
  appKey: string;
  token: string;
}

async function verifyOrFail(verifier: Verifier, credentials: Credentials): Promise<void> {
  const outcome = await verifier.verify(credentials.appKey, credentials.token);
  if (!outcome.valid) throw new Error(`benchmark key does not verify: ${outcome.reason}`);
}

/**
 * `cold` must be built with a verification cache TTL of 0, so every call is a miss. The calls are
 * interleaved, and the GetItem reads the very item the verification reads, as the store reads it
 * (strongly consistent).
 */
export async function measureMiss(
  cold: BenchServices,
  credentials: Credentials,
  plan: Plan,
): Promise<{ getitem_us: number; verify_miss_us: number; verify_miss_settings_cached_us: number }> {
  await verifyOrFail(cold.services.verifier, credentials);
  // Context: the same miss with the account's settings cached at the default TTL (createServices
  // ties the settings cache to the verification cache's TTL, so at TTL 0 each miss also reads the
  // account item). The difference is the price of that second, concurrent GetItem.
  const { keys, accounts, hasher, clock } = cold.services;
  const settingsCached = new Verifier(
    keys,
    hasher,
    new SettingsSource(accounts, clock, DEFAULT_SETTINGS_TTL_MS),
    clock,
    new VerificationCache(0),
  );
  await verifyOrFail(settingsCached, credentials);
  // A new command per call, exactly as the store sends it.
  const getItem = () =>
    cold.db.send(
      new GetCommand({
        TableName: cold.tableName,
        Key: keyItemKey(credentials.appKey)!,
        ConsistentRead: true,
      }),
    );
  const samples = await latencyUs(
    {
      getitem: getItem,
      verify: () => cold.services.verifier.verify(credentials.appKey, credentials.token),
      settingsCached: () => settingsCached.verify(credentials.appKey, credentials.token),
    },
    plan.latency,
  );
  return {
    getitem_us: median(samples.getitem),
    verify_miss_us: median(samples.verify),
    verify_miss_settings_cached_us: median(samples.settingsCached),
  };
}

/**
 * Cache-miss verification latency in several tables (label -> services on that table, credentials
 * of a key in it), interleaved so that the tables are compared under the same machine load.
 */
export async function verifyMissUsByTable(
  tables: Record<string, { cold: BenchServices; credentials: Credentials }>,
  plan: Plan,
): Promise<Record<string, number>> {
  const ops: Record<string, () => Promise<unknown>> = {};
  for (const [label, { cold, credentials }] of Object.entries(tables)) {
    await verifyOrFail(cold.services.verifier, credentials);
    ops[label] = () => cold.services.verifier.verify(credentials.appKey, credentials.token);
  }
  const samples = await latencyUs(ops, plan.latency);
  return Object.fromEntries(Object.entries(samples).map(([label, us]) => [label, median(us)]));
}

export interface HitFigures {
  sha256_ns: number;
  verify_hit_ns: number;
  /** Context: the one-shot crypto.hash() of the same token, cheaper than a Hash object. */
  sha256_oneshot_ns: number;
}

/** `warm` must be built with a long verification cache TTL (60 s): every timed call is a hit. */
export async function measureHit(
  warm: BenchServices,
  credentials: Credentials,
  plan: Plan,
): Promise<HitFigures> {
  const { verifier } = warm.services;
  await verifyOrFail(verifier, credentials);
  if (verifier.cache.size === 0) throw new Error('the warm verifier did not cache its outcome');
  const { token, appKey } = credentials;
  const samples = await batchNs(
    {
      // The floor: what any cache keyed by a hash of the token must at least do, with the
      // streaming API the service (and most Node code) uses, into a string usable as a Map key.
      sha256: () => createHash('sha256').update(token).digest('base64'),
      oneshot: () => hash('sha256', token, 'base64'),
      hit: () => verifier.verify(appKey, token),
    },
    plan.batch,
  );
  return {
    sha256_ns: median(samples.sha256),
    verify_hit_ns: median(samples.hit),
    sha256_oneshot_ns: median(samples.oneshot),
  };
}
