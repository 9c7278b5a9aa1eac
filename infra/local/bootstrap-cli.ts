// `npm run bootstrap -- --account NAME --json`: creates the account if needed and a new key with the
// owner role, and prints exactly one JSON line. Against the running local stack by default; against
// a deployed stack with `--stack NAME` (reads its outputs) or `--table T --hmac-key-id K
// --secrets-key-id S`, using the operator's own AWS credentials.
import { parseArgs } from 'node:util';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { createServices, type Services } from '../../shared/composition';
import { loadConfig } from '../../shared/config';
import { bootstrapAccount } from '../../shared/use-cases/bootstrap';
import { localOperatorServices } from './operator-services';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.LOG_LEVEL ??= 'WARN';

const USAGE =
  'usage: npm run bootstrap -- --account NAME [--json] [--name TEXT] [--stack STACK | --table T --hmac-key-id K --secrets-key-id S] [--region R]';

type Options = Partial<
  Record<'account' | 'name' | 'stack' | 'table' | 'hmac-key-id' | 'secrets-key-id' | 'region', string>
>;

async function stackOutputs(stack: string, region: string | undefined): Promise<Record<string, string>> {
  const cfn = new CloudFormationClient({ region });
  const out = await cfn.send(new DescribeStacksCommand({ StackName: stack }));
  const outputs = out.Stacks?.[0]?.Outputs ?? [];
  return Object.fromEntries(outputs.map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
}

async function deployedServices(values: Options): Promise<Services> {
  let table = values.table;
  let hmacKey = values['hmac-key-id'];
  let secretsKey = values['secrets-key-id'];
  if (values.stack) {
    const outputs = await stackOutputs(values.stack, values.region);
    table ??= outputs.TableName;
    hmacKey ??= outputs.HmacKeyId;
    secretsKey ??= outputs.SecretsKeyId;
  }
  if (!table || !hmacKey || !secretsKey) throw new Error(`missing table or KMS key ids\n${USAGE}`);
  return createServices(
    loadConfig({
      ...process.env,
      AWS_REGION: values.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION,
      TABLE_NAME: table,
      KEY_PROVIDER: 'kms',
      HMAC_KEY_ID: hmacKey,
      SECRETS_KEY_ID: secretsKey,
    }),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      account: { type: 'string' },
      json: { type: 'boolean', default: false },
      name: { type: 'string' },
      stack: { type: 'string' },
      table: { type: 'string' },
      'hmac-key-id': { type: 'string' },
      'secrets-key-id': { type: 'string' },
      region: { type: 'string' },
    },
  });
  if (!values.account) throw new Error(USAGE);
  const deployed = values.stack || values.table;
  const services = deployed ? await deployedServices(values) : localOperatorServices();
  const { key, token } = await bootstrapAccount(services, values.account, values.name);
  if (values.json) {
    process.stdout.write(
      JSON.stringify({ account: key.account, appKey: key.appKey, appToken: token }) + '\n',
    );
  } else {
    process.stdout.write(
      `Owner key for account '${key.account}' (the token is shown only this once):\n  X-API-AppKey:   ${key.appKey}\n  X-API-AppToken: ${token}\n`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
