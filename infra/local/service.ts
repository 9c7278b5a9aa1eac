// The local service proper, started by main.ts once DATA_DIR has passed its checks: DynamoDB Local
// (persisted in DATA_DIR, restarted if it dies), local key files in place of KMS, the HTTP API
// through the real handlers, the web console at /, the expiry scan on a timer, and the first owner
// key on a fresh data directory. Ctrl-C or SIGTERM stops everything, the Java child included.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createServices, setServices, type Services } from '../../shared/composition';
import { loadConfig } from '../../shared/config';
import { ensureTable } from '../../shared/adapters/dynamodb/create-table';
import { bootstrapAccount } from '../../shared/use-cases/bootstrap';
import { startDynamoDbLocal, type RunningDynamoDb } from './dynamodb-local';
import type { LocalSettings } from './local-settings';
import { removeRuntimeInfo, writeRuntimeInfo } from './runtime-file';
import { createApiServer } from './server';
import { ensureConsoleBuilt } from './console-build';
import { createConsoleHandler } from './console-static';

export async function serve(local: LocalSettings): Promise<void> {
  // Signals are handled from the first moment: a stop during start-up must not orphan Java.
  const started: { dynamo?: RunningDynamoDb; server?: Server } = {};
  let stopping = false;
  const stop = async (exitCode = 0): Promise<void> => {
    if (stopping) return;
    stopping = true;
    removeRuntimeInfo(local.dataDir);
    started.server?.close();
    await started.dynamo?.stop();
    process.exit(exitCode); // also runs the exit hook that kills a DynamoDB Local still starting
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  mkdirSync(join(local.dataDir, 'dynamodb'), { recursive: true, mode: 0o700 });
  const dynamo = (started.dynamo = await startDynamoDbLocal({
    dbPath: join(local.dataDir, 'dynamodb'),
    port: local.DYNAMODB_PORT,
    // A DynamoDB Local that dies comes back on the same port and files; one that keeps dying
    // ends the service, loudly, rather than leaving it up and answering 503 to everything.
    restart: {
      log: (line) => process.stderr.write(`${line}\n`),
      onGiveUp: (reason) => {
        process.stderr.write(`Stopping the service: ${reason}\n`);
        void stop(1);
      },
    },
  }));
  // The web console at /, built on demand (skipped when its sources have not changed).
  const server = (started.server = createApiServer({
    serveStatic: createConsoleHandler(await ensureConsoleBuilt(), { apiUrl: '' }),
  }));

  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    KEY_PROVIDER: 'local',
    DATA_DIR: local.dataDir,
    TABLE_NAME: process.env.TABLE_NAME ?? 'apikeys',
    // Here storage can die while the HTTP server lives on, so /health must look at it (in AWS it
    // stays a liveness check).
    HEALTH_CHECKS_STORAGE: 'true',
  });
  const config = loadConfig();
  const services = createServices(config);
  setServices(services);

  const admin = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: config.AWS_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(admin, config.TABLE_NAME);
  admin.destroy();

  // Bind the port before minting anything: a busy port must not cost the operator the one
  // showing of the bootstrap token.
  const port = await listen(server, local);
  await bootstrapOnFreshData(services, local.ACCOUNT);

  const apiUrl = `http://${local.HOST}:${port}`;
  // Share links open in this console unless PUBLIC_URL names another origin.
  if (!process.env.PUBLIC_URL) services.config.PUBLIC_URL = apiUrl;
  writeRuntimeInfo(local.dataDir, {
    pid: process.pid,
    dynamodbEndpoint: dynamo.endpoint,
    tableName: config.TABLE_NAME,
    apiUrl,
  });
  startScanTimer(services, local.EXPIRY_SCAN_INTERVAL);
  process.stdout.write(`API key service listening on ${apiUrl} (data in ${local.dataDir})\n`);
}

function listen(server: ReturnType<typeof createApiServer>, local: LocalSettings): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${local.PORT} on ${local.HOST} is already in use: set PORT to a free port`)
          : error,
      ),
    );
    server.listen(local.PORT, local.HOST, () => resolve((server.address() as { port: number }).port));
  });
}

async function bootstrapOnFreshData(services: Services, account: string): Promise<void> {
  if (await services.accounts.getAccount(account)) return;
  const { key, token } = await bootstrapAccount(services, account);
  process.stdout.write(
    [
      '',
      `Account '${account}' created with an owner key. The token is shown only this once: keep it now.`,
      `  X-API-AppKey:   ${key.appKey}`,
      `  X-API-AppToken: ${token}`,
      '',
    ].join('\n') + '\n',
  );
}

/** The local stand-in for the EventBridge schedule; a run never overlaps the previous one. */
function startScanTimer(services: Services, intervalSeconds: number): void {
  if (intervalSeconds <= 0) return;
  let running = false;
  setInterval(() => {
    if (running) return;
    running = true;
    // Like the Lambda's deadline: a long re-expiry job yields to the next tick, so due tokens are
    // never held back behind one account's settings change.
    const started = Date.now();
    const budgetMs = Math.max(1_000, intervalSeconds * 800);
    services.expiryScan
      .run({ outOfTime: () => Date.now() - started > budgetMs })
      .catch((error: unknown) => process.stderr.write(`expiry scan failed: ${(error as Error).message}\n`))
      .finally(() => (running = false));
  }, intervalSeconds * 1000).unref();
}
