// `npm start`: the whole service on this machine. DynamoDB Local (persisted in DATA_DIR), local key
// files in place of KMS, the HTTP API through the real handlers, and the first owner key on a
// fresh data directory. Ctrl-C or SIGTERM stops everything, the Java child included.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createServices, setServices } from '../../shared/composition';
import { loadConfig } from '../../shared/config';
import { ensureTable } from '../../shared/adapters/dynamodb/create-table';
import { bootstrapAccount } from '../../shared/use-cases/bootstrap';
import { JavaMissingError, startDynamoDbLocal, type RunningDynamoDb } from './dynamodb-local';
import { loadLocalSettings } from './local-settings';
import { removeRuntimeInfo, writeRuntimeInfo } from './runtime-file';
import { createApiServer } from './server';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<void> {
  const local = loadLocalSettings();
  mkdirSync(join(local.dataDir, 'dynamodb'), { recursive: true, mode: 0o700 });
  const dynamo: RunningDynamoDb = await startDynamoDbLocal({
    dbPath: join(local.dataDir, 'dynamodb'),
    port: local.DYNAMODB_PORT,
  });

  let stopping = false;
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    removeRuntimeInfo(local.dataDir);
    server.close();
    await dynamo.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    KEY_PROVIDER: 'local',
    DATA_DIR: local.dataDir,
    TABLE_NAME: process.env.TABLE_NAME ?? 'apikeys',
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

  if (!(await services.store.getAccount(local.ACCOUNT))) {
    const { key, token } = await bootstrapAccount(services, local.ACCOUNT);
    process.stdout.write(
      [
        '',
        `Account '${local.ACCOUNT}' created with an owner key. The token is shown only this once: keep it now.`,
        `  X-API-AppKey:   ${key.appKey}`,
        `  X-API-AppToken: ${token}`,
        '',
      ].join('\n') + '\n',
    );
  }

  const server = createApiServer();
  await new Promise<void>((resolve) => server.listen(local.PORT, local.HOST, resolve));
  const { port } = server.address() as { port: number };
  const apiUrl = `http://${local.HOST}:${port}`;
  writeRuntimeInfo(local.dataDir, {
    pid: process.pid,
    dynamodbEndpoint: dynamo.endpoint,
    tableName: config.TABLE_NAME,
    apiUrl,
  });
  process.stdout.write(`API key service listening on ${apiUrl} (data in ${local.dataDir})\n`);
}

main().catch((error: unknown) => {
  if (error instanceof JavaMissingError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
