// `npm run bootstrap -- --account NAME --json`: creates the account if needed and a new owner key,
// against the running local stack. Prints exactly one JSON line on stdout.
import { parseArgs } from 'node:util';
import { createServices } from '../../shared/composition';
import { loadConfig } from '../../shared/config';
import { bootstrapAccount } from '../../shared/use-cases/bootstrap';
import { loadLocalSettings } from './local-settings';
import { readRuntimeInfo } from './runtime-file';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      account: { type: 'string' },
      json: { type: 'boolean', default: false },
      name: { type: 'string' },
    },
  });
  if (!values.account) throw new Error('usage: npm run bootstrap -- --account NAME [--json]');
  const local = loadLocalSettings();
  const runtime = readRuntimeInfo(local.dataDir);
  const config = loadConfig({
    ...process.env,
    DYNAMODB_ENDPOINT: runtime.dynamodbEndpoint,
    TABLE_NAME: runtime.tableName,
    KEY_PROVIDER: 'local',
    DATA_DIR: local.dataDir,
  });
  const services = createServices(config);
  const { key, token } = await bootstrapAccount(services, values.account, values.name);
  const line = { account: key.account, appKey: key.appKey, appToken: token };
  if (values.json) process.stdout.write(JSON.stringify(line) + '\n');
  else
    process.stdout.write(
      `Owner key for account '${key.account}' (token shown once):\n  X-API-AppKey:   ${key.appKey}\n  X-API-AppToken: ${token}\n`,
    );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
