// The services of verification alone (POST /v1/verify, the Lambda authorizer): the key, account
// and access adapters, the hasher and the caches in front of them. The full composition root
// (composition.ts) builds them the same way; the verify and authorizer functions build only these,
// so their bundles and cold starts do not carry every other use case (issue 17).
import type { Config } from './config';
import { loadConfig } from './config';
import type { AccountRepository, Clock, KeyRepository, TokenHasher } from './ports';
import type { GrantStore, RoleStore } from './ports/roles';
import { createDocumentClient } from './adapters/dynamodb/client';
import { guardLocalWrites } from './adapters/dynamodb/local-write-guard';
import { DynamoDbKeys } from './adapters/dynamodb/dynamodb-keys';
import { DynamoDbAccounts } from './adapters/dynamodb/dynamodb-accounts';
import { DynamoDbAccess } from './adapters/dynamodb/dynamodb-access';
import { createHasher } from './adapters/hasher-choice';
import { systemClock } from './adapters/system-clock';
import { SettingsSource } from './use-cases/settings-source';
import { Verifier } from './use-cases/verify';
import { VerificationCache } from './use-cases/verification-cache';
import { RoleSource } from './use-cases/roles/role-source';
import { GrantSource } from './use-cases/external/grant-source';
import { Identities } from './use-cases/identify';
import { servicesOr } from './service-registry';
import { NO_METRICS, type Metrics } from './ports/metrics';
import { PowertoolsMetricsAdapter } from './adapters/powertools-metrics';
import { measureKms } from './adapters/kms-metrics';
import { KMSClient } from '@aws-sdk/client-kms';
import { SDK_TIMEOUTS } from './adapters/sdk-options';

export interface VerificationParts {
  keys: KeyRepository;
  accounts: AccountRepository;
  access: RoleStore & GrantStore;
  hasher: TokenHasher;
  clock: Clock;
}

export interface Verification {
  settings: SettingsSource;
  roles: RoleSource;
  grantSource: GrantSource;
  verifier: Verifier;
  identities: Identities;
}

/** The caches and the verification core over the given adapters. */
export function buildVerification(
  parts: VerificationParts,
  config: Config,
  metrics: Metrics = NO_METRICS,
): Verification {
  const { keys, accounts, access, hasher, clock } = parts;
  const ttlMs = config.VERIFY_CACHE_TTL_SECONDS * 1000;
  const settings = new SettingsSource(accounts, clock, config.SETTINGS_CACHE_TTL_SECONDS * 1000);
  const verifier = new Verifier(keys, hasher, settings, clock, new VerificationCache(ttlMs), metrics);
  // Role definitions are cached like settings; grants like verifications (deactivating a grant
  // reaches other containers within the same TTL as deactivating a key).
  // A role change reaches every holder within the verification TTL (at most 60 s), which the
  // settings TTL (up to 300 s) may exceed.
  const rolesTtlS = Math.min(config.SETTINGS_CACHE_TTL_SECONDS, config.VERIFY_CACHE_TTL_SECONDS);
  const roles = new RoleSource(access, clock, rolesTtlS * 1000);
  const grantSource = new GrantSource(access, clock, ttlMs);
  return {
    settings,
    roles,
    grantSource,
    verifier,
    identities: new Identities(verifier, roles, grantSource, metrics),
  };
}

/** What the verify and authorizer functions (and health) use of the services. */
export type VerificationServices = Verification & VerificationParts & { config: Config; metrics: Metrics };

/** `make`, run on first use and remembered. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/**
 * Built on first use, part by part: a verification of a malformed body builds no client at all,
 * and an unknown appKey never builds the KMS client (the MAC is only computed for a key that exists).
 */
export function createVerificationServices(config: Config): VerificationServices {
  const db = once(() =>
    guardLocalWrites(
      createDocumentClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT }),
      config,
    ),
  );
  const keys = once(() => new DynamoDbKeys(db(), config.TABLE_NAME));
  const accounts = once(() => new DynamoDbAccounts(db(), config.TABLE_NAME));
  const access = once(() => new DynamoDbAccess(db(), config.TABLE_NAME));
  // In AWS: EMF metrics (verification outcomes, cache hits, KMS latency), flushed per invocation.
  const metrics: Metrics = config.KEY_PROVIDER === 'kms' ? new PowertoolsMetricsAdapter() : NO_METRICS;
  const hasher = once(() =>
    createHasher(
      config,
      config.KEY_PROVIDER === 'kms'
        ? measureKms(new KMSClient({ region: config.AWS_REGION, ...SDK_TIMEOUTS }), metrics)
        : undefined,
    ),
  );
  const lazyHasher: TokenHasher = {
    get currentKeyId() {
      return hasher().currentKeyId;
    },
    mac: (token, keyId) => hasher().mac(token, keyId),
  };
  const core = once(() =>
    buildVerification(
      { keys: keys(), accounts: accounts(), access: access(), hasher: lazyHasher, clock: systemClock },
      config,
      metrics,
    ),
  );
  return {
    config,
    metrics,
    clock: systemClock,
    hasher: lazyHasher,
    get keys() {
      return keys();
    },
    get accounts() {
      return accounts();
    },
    get access() {
      return access();
    },
    get settings() {
      return core().settings;
    },
    get roles() {
      return core().roles;
    },
    get grantSource() {
      return core().grantSource;
    },
    get verifier() {
      return core().verifier;
    },
    get identities() {
      return core().identities;
    },
  };
}

/** The container's services (the full ones when the local runtime or a test put them in place). */
export const getVerificationServices = (): VerificationServices =>
  servicesOr(() => createVerificationServices(loadConfig()));
