// The composition root: the one place that picks adapters from configuration. Services are built
// once per container (cold start) and shared by every invocation; tests may replace parts of them.
import { join } from 'node:path';
import { KMSClient } from '@aws-sdk/client-kms';
import { loadConfig, type Config } from './config';
import { createDocumentClient } from './adapters/dynamodb/client';
import { guardLocalWrites } from './adapters/dynamodb/local-write-guard';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbKeys } from './adapters/dynamodb/dynamodb-keys';
import { DynamoDbKeyDirectory } from './adapters/dynamodb/dynamodb-key-directory';
import { DynamoDbAccounts } from './adapters/dynamodb/dynamodb-accounts';
import { DynamoDbIdempotencyRecords } from './adapters/dynamodb/dynamodb-idempotency-records';
import { loadOrCreateKeyFile } from './adapters/key-file';
import { LocalSecretBox } from './adapters/local-secret-box';
import { KmsSecretBox } from './adapters/kms-secret-box';
import { systemClock } from './adapters/system-clock';
import { SDK_TIMEOUTS } from './adapters/sdk-options';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DynamoDbExpiryIndex } from './adapters/dynamodb/dynamodb-expiry-index';
import { LocalEventLog } from './adapters/local-event-log';
import { EventBridgePublisher } from './adapters/eventbridge-publisher';
import type {
  AccountRepository,
  Clock,
  EventPublisher,
  ExpiryIndex,
  IdempotencyRecords,
  JobStore,
  KeyDirectory,
  KeyRepository,
  SecretBox,
  ShareLinks,
  TokenHasher,
} from './ports';
import { ExpiryScan } from './use-cases/expiry-scan';
import { Idempotency } from './use-cases/idempotency';
import { KeyChanges } from './use-cases/keys/key-changes';
import { KeyCreation } from './use-cases/keys/create-key';
import { KeyEditing } from './use-cases/keys/edit-key';
import { TokenRenewal } from './use-cases/keys/renew-token';
import { KeyQueries } from './use-cases/keys/read-keys';
import { KeyExport } from './use-cases/keys/export-keys';
import { listExternalKeys } from './use-cases/external/list-external-keys';
import { MAX_GRANTS_PER_ACCOUNT } from './domain/external-grant';
import { AuditQueries } from './use-cases/audit/list-audit';
import { ShareLinkService } from './use-cases/shares/share-links';
import { boundedWork } from './use-cases/request-budget';
import { DynamoDbShares } from './adapters/dynamodb/dynamodb-shares';
import { DynamoDbUnitOfWork } from './adapters/dynamodb/dynamodb-unit-of-work';
import { DynamoDbAuditLog } from './adapters/dynamodb/dynamodb-audit-log';
import type { UnitOfWork } from './ports/unit-of-work';
import type { AuditLog } from './ports/audit-log';
import { SettingsService } from './use-cases/manage-settings';
import type { TokenLookup } from './ports/token-lookup';
import { DynamoDbTokenLookup } from './adapters/dynamodb/dynamodb-token-lookup';
import { LeakReports } from './use-cases/leaks/report-leaks';
import { LeakNotices } from './use-cases/leaks/leak-notices';
import { ReporterSignatures } from './use-cases/leaks/reporter-signatures';
import { buildVerification } from './verification-services';
import type { SettingsSource } from './use-cases/settings-source';
import type { Verifier } from './use-cases/verify';
import type { RoleSource } from './use-cases/roles/role-source';
import type { GrantSource } from './use-cases/external/grant-source';
import type { Identities } from './use-cases/identify';
import { replaceServices, servicesOr } from './service-registry';
import { createHasher, LOCAL_HMAC_KEY_FILE } from './adapters/hasher-choice';
import type { GrantStore, RoleStore } from './ports/roles';
import { DynamoDbAccess } from './adapters/dynamodb/dynamodb-access';
import { RoleService } from './use-cases/roles/manage-roles';
import { ExternalKeys } from './use-cases/external/external-keys';
import { NO_METRICS, type Metrics } from './ports/metrics';
import { PowertoolsMetricsAdapter } from './adapters/powertools-metrics';
import { measureKms } from './adapters/kms-metrics';
import { traced } from './adapters/tracing';

export interface Adapters {
  keys: KeyRepository;
  /** The per-account search directory (ports/key-directory.ts). */
  directory: KeyDirectory;
  shares: ShareLinks;
  accounts: AccountRepository;
  replays: IdempotencyRecords;
  work: UnitOfWork;
  auditLog: AuditLog;
  tokenLookup: TokenLookup;
  /** The account's custom roles and external grants. */
  access: RoleStore & GrantStore;
  index: ExpiryIndex & JobStore;
  hasher: TokenHasher;
  box: SecretBox;
  events: EventPublisher;
  clock: Clock;
  /** Operational metrics; none when omitted (bench, tests that do not look at them). */
  metrics?: Metrics;
}

export interface Services extends Adapters {
  metrics: Metrics;
  config: Config;
  settings: SettingsSource;
  roles: RoleSource;
  grantSource: GrantSource;
  verifier: Verifier;
  /** Verification with permissions, in the key's own account or as an external key. */
  identities: Identities;
  roleService: RoleService;
  externalKeys: ExternalKeys;
  keyCreation: KeyCreation;
  keyEditing: KeyEditing;
  renewal: TokenRenewal;
  keyQueries: KeyQueries;
  keyExport: KeyExport;
  audit: AuditQueries;
  shareLinks: ShareLinkService;
  settingsService: SettingsService;
  expiryScan: ExpiryScan;
  /** Who may sign leak reports (LEAK_REPORTER_KEYS); tests replace it with their own key. */
  reporterSignatures: ReporterSignatures;
  leaks: LeakReports;
}

export { LOCAL_HMAC_KEY_FILE };
export const LOCAL_SECRETS_KEY_FILE = 'secrets.key';

export type StorageAdapters = Pick<
  Adapters,
  | 'keys'
  | 'directory'
  | 'shares'
  | 'accounts'
  | 'replays'
  | 'work'
  | 'auditLog'
  | 'index'
  | 'tokenLookup'
  | 'access'
>;

/** The adapters of the one DynamoDB table, on a client the caller made (tests and bench make theirs). */
export function storageAdapters(
  db: DynamoDBDocumentClient,
  config: Pick<Config, 'TABLE_NAME' | 'AUDIT_RETENTION_DAYS'>,
): StorageAdapters {
  return {
    keys: new DynamoDbKeys(db, config.TABLE_NAME),
    directory: new DynamoDbKeyDirectory(db, config.TABLE_NAME),
    shares: new DynamoDbShares(db, config.TABLE_NAME),
    accounts: new DynamoDbAccounts(db, config.TABLE_NAME),
    replays: new DynamoDbIdempotencyRecords(db, config.TABLE_NAME),
    work: new DynamoDbUnitOfWork(db, config.TABLE_NAME, config.AUDIT_RETENTION_DAYS),
    auditLog: new DynamoDbAuditLog(db, config.TABLE_NAME),
    tokenLookup: new DynamoDbTokenLookup(db, config.TABLE_NAME),
    access: new DynamoDbAccess(db, config.TABLE_NAME),
    index: new DynamoDbExpiryIndex(db, config.TABLE_NAME, config.AUDIT_RETENTION_DAYS),
  };
}

/** Asked of a lazy object, says whether it was built yet, without building it (tests). */
export const BUILT = Symbol('built');

/** An object built on its first use: a route that never calls a client never builds it. */
export function lazy<T extends object>(make: () => T): T {
  let made: T | undefined;
  return new Proxy({} as T, {
    get(_target, property) {
      if (property === BUILT) return made !== undefined;
      made ??= make();
      const value = Reflect.get(made, property, made) as unknown;
      return typeof value === 'function' ? value.bind(made) : value;
    },
  });
}

export function createAdapters(config: Config): Adapters {
  // Every client is built on its first call: a route that touches no table (the OpenAPI document,
  // the 404, whoami behind the authorizer) builds no DynamoDB or KMS client at all (issue 17).
  const db = lazy(() =>
    guardLocalWrites(
      createDocumentClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT }),
      config,
    ),
  );
  const storage = storageAdapters(db, config);
  if (config.KEY_PROVIDER === 'kms') {
    // In AWS: EMF metrics, and every SDK client traced (tracing.ts decides whether it can be).
    const metrics = new PowertoolsMetricsAdapter();
    const kms = lazy(() =>
      measureKms(traced(new KMSClient({ region: config.AWS_REGION, ...SDK_TIMEOUTS })), metrics),
    );
    return {
      ...storage,
      metrics,
      hasher: createHasher(config, kms),
      // Only the routes that seal secrets or publish events build these (issue 17).
      box: lazy(() => new KmsSecretBox(kms, config.SECRETS_KEY_ID!)),
      events: lazy(
        () =>
          new EventBridgePublisher(
            traced(new EventBridgeClient({ region: config.AWS_REGION, ...SDK_TIMEOUTS })),
            config.EVENT_BUS_NAME ?? 'default',
          ),
      ),
      clock: systemClock,
    };
  }
  return {
    ...storage,
    events: new LocalEventLog(config.DATA_DIR),
    hasher: createHasher(config),
    box: new LocalSecretBox(loadOrCreateKeyFile(join(config.DATA_DIR, LOCAL_SECRETS_KEY_FILE))),
    clock: systemClock,
  };
}

export function createServices(config: Config, adapters: Adapters = createAdapters(config)): Services {
  const { keys, accounts, replays, auditLog, index, hasher, box, events, clock } = adapters;
  const metrics = adapters.metrics ?? NO_METRICS;
  // No commit starts for a request that was already answered (use-cases/request-budget.ts).
  const work = boundedWork(adapters.work);
  const { settings, verifier, roles, grantSource, identities } = buildVerification(adapters, config, metrics);
  const idempotency = new Idempotency(replays, box, clock);
  const changeDeps = { keys, work, settings, roles, verifier, clock };
  const changes = new KeyChanges(changeDeps);
  const settingsService = new SettingsService(keys, work, index, events, settings, verifier, clock);
  return {
    ...adapters,
    metrics,
    config,
    settings,
    roles,
    grantSource,
    verifier,
    identities,
    roleService: new RoleService({ roles, work, clock }),
    externalKeys: new ExternalKeys({ grants: adapters.access, roles, grantSource, work, clock }),
    keyCreation: new KeyCreation({
      work,
      directory: adapters.directory,
      hasher,
      settings,
      roles,
      idempotency,
      clock,
      publicUrl: () => config.PUBLIC_URL,
    }),
    keyEditing: new KeyEditing(changes),
    renewal: new TokenRenewal(
      { ...changeDeps, hasher, idempotency, publicUrl: () => config.PUBLIC_URL },
      changes,
    ),
    keyQueries: new KeyQueries({ keys, directory: adapters.directory, settings, clock }),
    keyExport: new KeyExport({
      keys,
      settings,
      clock,
      // The External sheet: every grant of the account (at most 1,000), as the list orders them.
      externalRows: async (account) =>
        (await listExternalKeys(adapters.access, account, { limit: MAX_GRANTS_PER_ACCOUNT })).items,
    }),
    shareLinks: new ShareLinkService({ shares: adapters.shares, work, clock, changes, metrics }),
    audit: new AuditQueries(auditLog, clock, config.AUDIT_RETENTION_DAYS),
    settingsService,
    reporterSignatures: new ReporterSignatures(config.LEAK_REPORTER_KEYS),
    leaks: new LeakReports({
      ...changeDeps,
      tokenLookup: adapters.tokenLookup,
      hasher,
      notices: new LeakNotices(events),
      metrics,
    }),
    expiryScan: new ExpiryScan(keys, accounts, index, index, events, settingsService, clock, metrics),
  };
}

/** The container's services, built on first use from the environment. */
export const getServices = (): Services => servicesOr(() => createServices(loadConfig()));

/** Replaces the container's services (tests and the local runtime's embedded mode). */
export const setServices = (replacement: Services | undefined): void => replaceServices(replacement);
