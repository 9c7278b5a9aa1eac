// Builds both stacks into an app; shared by bin/app.ts and the infra tests so they check the
// very same thing that deploys.
import type { App, Environment } from 'aws-cdk-lib';
import { StatefulStack } from './stateful-stack';
import { ApiStack, type ApiStackProps } from './api-stack';
import { acknowledgeFindings } from './nag-acknowledgements';
import { ConsoleStack } from './console-stack';

export interface AppOptions extends Partial<
  Omit<ApiStackProps, 'table' | 'tokenHmacKey' | 'secretsKey' | 'eventBus'>
> {
  env?: Environment;
}

export function buildApp(app: App, options: AppOptions = {}) {
  const env = options.env ?? {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: process.env.CDK_DEFAULT_REGION,
  };
  const stateful = new StatefulStack(app, 'ApiKeysStateful', { env });
  const api = new ApiStack(app, 'ApiKeysApi', {
    ...options,
    env,
    table: stateful.table,
    tokenHmacKey: stateful.tokenHmacKey,
    secretsKey: stateful.secretsKey,
    eventBus: stateful.eventBus,
  });
  acknowledgeFindings(stateful, api);
  const site = new ConsoleStack(app, 'ApiKeysConsole', { env, apiUrl: api.api.apiEndpoint });
  return { stateful, api, site };
}
