// The suite's own world: one in-memory DynamoDB Local, a scratch directory inside the repository
// (key files and the data directory), and the real services on fresh tables.
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  createServices,
  storageAdapters,
  LOCAL_HMAC_KEY_FILE,
  LOCAL_SECRETS_KEY_FILE,
  type Services,
} from '../shared/composition';
import { loadConfig } from '../shared/config';
import { createDocumentClient } from '../shared/adapters/dynamodb/client';
import { ensureTable } from '../shared/adapters/dynamodb/create-table';
import { loadOrCreateKeyFile } from '../shared/adapters/key-file';
import { LocalHasher } from '../shared/adapters/local-hasher';
import { LocalSecretBox } from '../shared/adapters/local-secret-box';
import { systemClock } from '../shared/adapters/system-clock';
import type { DomainEvent, EventPublisher } from '../shared/ports';
import { startDynamoDbLocal, type RunningDynamoDb } from '../infra/local/dynamodb-local';

export const REGION = 'us-east-1';

export interface BenchWorld {
  dynamo: RunningDynamoDb;
  /** Scratch directory under .tmp/: key files; removed by close(). */
  scratch: string;
  /** DATA_DIR of every service in the run, the HTTP server child included: one HMAC key. */
  dataDir: string;
  /**
   * The client that seeds: patient (no 2 s request timeout, more retries), because a large
   * BatchWriteItem on a busy machine may take longer than the service's own client allows.
   */
  seeder: DynamoDBDocumentClient;
  /** DocumentClients handed out by benchServices(), destroyed by close(). */
  clients: DynamoDBDocumentClient[];
  close(): Promise<void>;
}

export async function openWorld(repoRoot: string): Promise<BenchWorld> {
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
  const scratch = mkdtempSync(join(repoRoot, '.tmp', 'bench-'));
  const dataDir = join(scratch, 'data');
  mkdirSync(dataDir, { recursive: true });
  try {
    const dynamo = await startDynamoDbLocal();
    const seeder = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: dynamo.endpoint,
        region: REGION,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        maxAttempts: 10,
      }),
      { marshallOptions: { removeUndefinedValues: true } },
    );
    const clients: DynamoDBDocumentClient[] = [seeder];
    return {
      dynamo,
      scratch,
      dataDir,
      seeder,
      clients,
      close: async () => {
        for (const client of clients) client.destroy();
        await dynamo.stop();
        rmSync(scratch, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}

export async function createTable(world: BenchWorld, tableName: string): Promise<void> {
  const admin = new DynamoDBClient({
    endpoint: world.dynamo.endpoint,
    region: REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(admin, tableName);
  admin.destroy();
}

/** Counts events instead of appending them to the local event log: the scan is timed, not the disk. */
export class CountingPublisher implements EventPublisher {
  published = 0;
  async publish(events: DomainEvent[]): Promise<void> {
    this.published += events.length;
  }
}

export interface BenchServices {
  services: Services;
  /** The DocumentClient the store uses: the GetItem floor goes through this very client. */
  db: DynamoDBDocumentClient;
  events: CountingPublisher;
  tableName: string;
  /** The world's seeding client (see BenchWorld.seeder). */
  seeder: DynamoDBDocumentClient;
}

/**
 * The real services as createServices builds them in local mode, except that the DocumentClient
 * is kept (for the floor) and events are counted. The HMAC key is the file the HTTP server child
 * loads too, so keys minted here verify there.
 */
export function benchServices(world: BenchWorld, tableName: string, cacheTtlSeconds: number): BenchServices {
  const config = loadConfig({
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: world.dynamo.endpoint,
    AWS_REGION: REGION,
    KEY_PROVIDER: 'local',
    DATA_DIR: world.dataDir,
    VERIFY_CACHE_TTL_SECONDS: String(cacheTtlSeconds),
  });
  const db = createDocumentClient({ region: REGION, endpoint: world.dynamo.endpoint });
  world.clients.push(db);
  const events = new CountingPublisher();
  const services = createServices(config, {
    ...storageAdapters(db, config),
    hasher: new LocalHasher(loadOrCreateKeyFile(join(world.dataDir, LOCAL_HMAC_KEY_FILE))),
    box: new LocalSecretBox(loadOrCreateKeyFile(join(world.dataDir, LOCAL_SECRETS_KEY_FILE))),
    events,
    clock: systemClock,
  });
  return { services, db, events, tableName, seeder: world.seeder };
}
