// The composition root: the one place that picks adapters from configuration. Services are built
// once per container (cold start) and shared by every invocation; tests may replace parts of them.
import { join } from 'node:path';
import { KMSClient } from '@aws-sdk/client-kms';
import { loadConfig, type Config } from './config';
import { createDocumentClient } from './adapters/dynamodb/client';
import { DynamoDbKeyStore } from './adapters/dynamodb/dynamodb-key-store';
import { loadOrCreateKeyFile } from './adapters/key-file';
import { LocalHasher } from './adapters/local-hasher';
import { KmsHasher } from './adapters/kms-hasher';
import { LocalSecretBox } from './adapters/local-secret-box';
import { KmsSecretBox } from './adapters/kms-secret-box';
import { systemClock } from './adapters/system-clock';
import { SDK_TIMEOUTS } from './adapters/sdk-options';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DynamoDbExpiryIndex } from './adapters/dynamodb/dynamodb-expiry-index';
import { LocalEventLog } from './adapters/local-event-log';
import { EventBridgePublisher } from './adapters/eventbridge-publisher';
import type { Clock, EventPublisher, ExpiryIndex, JobStore, KeyStore, SecretBox, TokenHasher } from './ports';
import { ExpiryScan } from './use-cases/expiry-scan';
import { SettingsSource } from './use-cases/settings-source';
import { Verifier } from './use-cases/verify';
import { VerificationCache } from './use-cases/verification-cache';
import { Idempotency } from './use-cases/idempotency';
import { KeyService } from './use-cases/manage-keys';
import { SettingsService } from './use-cases/manage-settings';

export interface Adapters {
  store: KeyStore;
  index: ExpiryIndex & JobStore;
  hasher: TokenHasher;
  box: SecretBox;
  events: EventPublisher;
  clock: Clock;
}

export interface Services extends Adapters {
  config: Config;
  settings: SettingsSource;
  verifier: Verifier;
  keys: KeyService;
  settingsService: SettingsService;
  expiryScan: ExpiryScan;
}

export const LOCAL_HMAC_KEY_FILE = 'token-hmac.key';
export const LOCAL_SECRETS_KEY_FILE = 'secrets.key';

export function createAdapters(config: Config): Adapters {
  const db = createDocumentClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  const store = new DynamoDbKeyStore(db, config.TABLE_NAME);
  const index = new DynamoDbExpiryIndex(db, config.TABLE_NAME);
  if (config.KEY_PROVIDER === 'kms') {
    const kms = new KMSClient({ region: config.AWS_REGION, ...SDK_TIMEOUTS });
    const eventBridge = new EventBridgeClient({ region: config.AWS_REGION, ...SDK_TIMEOUTS });
    return {
      store,
      index,
      hasher: new KmsHasher(kms, config.HMAC_KEY_ID!),
      box: new KmsSecretBox(kms, config.SECRETS_KEY_ID!),
      events: new EventBridgePublisher(eventBridge, config.EVENT_BUS_NAME ?? 'default'),
      clock: systemClock,
    };
  }
  return {
    store,
    index,
    events: new LocalEventLog(config.DATA_DIR),
    hasher: new LocalHasher(loadOrCreateKeyFile(join(config.DATA_DIR, LOCAL_HMAC_KEY_FILE))),
    box: new LocalSecretBox(loadOrCreateKeyFile(join(config.DATA_DIR, LOCAL_SECRETS_KEY_FILE))),
    clock: systemClock,
  };
}

export function createServices(config: Config, adapters: Adapters = createAdapters(config)): Services {
  const { store, index, hasher, box, events, clock } = adapters;
  const ttlMs = config.VERIFY_CACHE_TTL_SECONDS * 1000;
  const settings = new SettingsSource(store, clock, config.SETTINGS_CACHE_TTL_SECONDS * 1000);
  const verifier = new Verifier(store, hasher, settings, clock, new VerificationCache(ttlMs));
  const keys = new KeyService(store, hasher, settings, verifier, new Idempotency(store, box, clock), clock);
  const settingsService = new SettingsService(store, index, events, settings, verifier, clock);
  return {
    ...adapters,
    config,
    settings,
    verifier,
    keys,
    settingsService,
    expiryScan: new ExpiryScan(store, index, index, events, settingsService, clock),
  };
}

let services: Services | undefined;

/** The container's services, built on first use from the environment. */
export function getServices(): Services {
  services ??= createServices(loadConfig());
  return services;
}

/** Replaces the container's services (tests and the local runtime's embedded mode). */
export function setServices(replacement: Services | undefined): void {
  services = replacement;
}
