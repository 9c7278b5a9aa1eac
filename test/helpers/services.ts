// Builds the real services on a fresh table of the run's DynamoDB Local, with local key material,
// a controllable clock and no verification cache (so tests see every change at once unless they
// opt in).
import { randomBytes, randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createServices, storageAdapters, type Adapters, type Services } from '../../shared/composition';
import { loadConfig } from '../../shared/config';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { ensureTable } from '../../shared/adapters/dynamodb/create-table';
import { LocalHasher } from '../../shared/adapters/local-hasher';
import { LocalSecretBox } from '../../shared/adapters/local-secret-box';
import type { AccountRepository, KeyRepository } from '../../shared/ports';
import type { UnitOfWork } from '../../shared/ports/unit-of-work';
import { RecordingPublisher } from './recording-publisher';
import { TestClock } from './clock';
import { RecordingMetrics } from './recording-metrics';

export function testEndpoint(): string {
  const endpoint = process.env.TEST_DYNAMODB_ENDPOINT;
  if (!endpoint)
    throw new Error('TEST_DYNAMODB_ENDPOINT is not set: run the tests through jest (globalSetup)');
  return endpoint;
}

export async function createTestTable(): Promise<string> {
  const tableName = `t-${randomUUID()}`;
  const client = new DynamoDBClient({
    endpoint: testEndpoint(),
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, tableName);
  client.destroy();
  return tableName;
}

export interface TestServices extends Services {
  clock: TestClock;
  events: RecordingPublisher;
  metrics: RecordingMetrics;
  tableName: string;
  /** The DocumentClient every storage adapter uses (to seed, or to count what requests read). */
  db: DynamoDBDocumentClient;
}

export async function createTestServices(
  options: {
    cacheTtlSeconds?: number;
    keys?: (inner: KeyRepository) => KeyRepository;
    accounts?: (inner: AccountRepository) => AccountRepository;
    work?: (inner: UnitOfWork) => UnitOfWork;
    access?: (inner: Adapters['access']) => Adapters['access'];
  } = {},
): Promise<TestServices> {
  const tableName = await createTestTable();
  const config = loadConfig({
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: testEndpoint(),
    KEY_PROVIDER: 'local',
    VERIFY_CACHE_TTL_SECONDS: String(options.cacheTtlSeconds ?? 0),
    SETTINGS_CACHE_TTL_SECONDS: String(options.cacheTtlSeconds ?? 0),
  });
  const clock = new TestClock();
  const events = new RecordingPublisher();
  const metrics = new RecordingMetrics();
  const db = createDocumentClient({ region: 'us-east-1', endpoint: testEndpoint() });
  const storage = storageAdapters(db, config);
  const services = createServices(config, {
    ...storage,
    keys: options.keys ? options.keys(storage.keys) : storage.keys,
    accounts: options.accounts ? options.accounts(storage.accounts) : storage.accounts,
    work: options.work ? options.work(storage.work) : storage.work,
    access: options.access ? options.access(storage.access) : storage.access,
    events,
    metrics,
    hasher: new LocalHasher(randomBytes(32)),
    box: new LocalSecretBox(randomBytes(32)),
    clock,
  });
  return { ...services, clock, events, metrics, tableName, db };
}
