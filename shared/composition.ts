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
import { SettingsSource } from './use-cases/settings-source';
import { Verifier } from './use-cases/verify';
import { VerificationCache } from './use-cases/verification-cache';
import { Idempotency } from './use-cases/idempotency';
import { KeyChanges } from './use-cases/keys/key-changes';
import { KeyCreation } from './use-cases/keys/create-key';
import { KeyEditing } from './use-cases/keys/edit-key';
import { TokenRenewal } from './use-cases/keys/renew-token';
import { KeyQueries } from './use-cases/keys/read-keys';
import { KeyExport } from './use-cases/keys/export-keys';
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
import type { GrantStore, RoleStore } from './ports/roles';
import { DynamoDbAccess } from './adapters/dynamodb/dynamodb-access';
import { RoleSource } from './use-cases/roles/role-source';
import { RoleService } from './use-cases/roles/manage-roles';
import { GrantSource } from './use-cases/external/grant-source';
import { ExternalKeys } from './use-cases/external/external-keys';
import { Identities } from './use-cases/identify';

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
}

export interface Services extends Adapters {
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

export const LOCAL_HMAC_KEY_FILE = 'token-hmac.key';
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

export function createAdapters(config: Config): Adapters {
  const db = guardLocalWrites(
    createDocumentClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT }),
    config,
  );
  const storage = storageAdapters(db, config);
  if (config.KEY_PROVIDER === 'kms') {
    const kms = new KMSClient({ region: config.AWS_REGION, ...SDK_TIMEOUTS });
    const eventBridge = new EventBridgeClient({ region: config.AWS_REGION, ...SDK_TIMEOUTS });
    return {
      ...storage,
      hasher: new KmsHasher(kms, config.HMAC_KEY_ID!),
      box: new KmsSecretBox(kms, config.SECRETS_KEY_ID!),
      events: new EventBridgePublisher(eventBridge, config.EVENT_BUS_NAME ?? 'default'),
      clock: systemClock,
    };
  }
  return {
    ...storage,
    events: new LocalEventLog(config.DATA_DIR),
    hasher: new LocalHasher(loadOrCreateKeyFile(join(config.DATA_DIR, LOCAL_HMAC_KEY_FILE))),
    box: new LocalSecretBox(loadOrCreateKeyFile(join(config.DATA_DIR, LOCAL_SECRETS_KEY_FILE))),
    clock: systemClock,
  };
}

export function createServices(config: Config, adapters: Adapters = createAdapters(config)): Services {
  const { keys, accounts, replays, auditLog, index, hasher, box, events, clock } = adapters;
  // No commit starts for a request that was already answered (use-cases/request-budget.ts).
  const work = boundedWork(adapters.work);
  const ttlMs = config.VERIFY_CACHE_TTL_SECONDS * 1000;
  const settings = new SettingsSource(accounts, clock, config.SETTINGS_CACHE_TTL_SECONDS * 1000);
  const verifier = new Verifier(keys, hasher, settings, clock, new VerificationCache(ttlMs));
  // Role definitions are cached like settings; grants like verifications (deactivating a grant
  // reaches other containers within the same TTL as deactivating a key).
  const roles = new RoleSource(adapters.access, clock, config.SETTINGS_CACHE_TTL_SECONDS * 1000);
  const grantSource = new GrantSource(adapters.access, clock, ttlMs);
  const idempotency = new Idempotency(replays, box, clock);
  const changeDeps = { keys, work, settings, roles, verifier, clock };
  const changes = new KeyChanges(changeDeps);
  const settingsService = new SettingsService(keys, work, index, events, settings, verifier, clock);
  return {
    ...adapters,
    config,
    settings,
    roles,
    grantSource,
    verifier,
    identities: new Identities(verifier, roles, grantSource),
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
      // The External sheet: every grant of the account (at most 1,000), newest first.
      externalRows: async (account) =>
        (await adapters.access.listGrants(account))
          .sort((a, b) => (a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : 0))
          .map(({ appKey, owner, roles, status, addedAt }) => ({ appKey, owner, roles, status, addedAt })),
    }),
    shareLinks: new ShareLinkService({ shares: adapters.shares, work, clock, changes }),
    audit: new AuditQueries(auditLog, clock, config.AUDIT_RETENTION_DAYS),
    settingsService,
    reporterSignatures: new ReporterSignatures(config.LEAK_REPORTER_KEYS),
    leaks: new LeakReports({
      ...changeDeps,
      tokenLookup: adapters.tokenLookup,
      hasher,
      notices: new LeakNotices(events),
    }),
    expiryScan: new ExpiryScan(keys, accounts, index, index, events, settingsService, clock),
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
