// Services for an operator command run beside `npm start`: the same adapters, pointed at the
// running local stack's database and key files.
import { createServices, type Services } from '../../shared/composition';
import { loadConfig } from '../../shared/config';
import { loadLocalSettings } from './local-settings';
import { readRuntimeInfo } from './runtime-file';

export function localOperatorServices(): Services {
  const local = loadLocalSettings();
  const runtime = readRuntimeInfo(local.dataDir);
  return createServices(
    loadConfig({
      ...process.env,
      DYNAMODB_ENDPOINT: runtime.dynamodbEndpoint,
      TABLE_NAME: runtime.tableName,
      KEY_PROVIDER: 'local',
      DATA_DIR: local.dataDir,
    }),
  );
}
