// `npm run bootstrap -- --account NAME --json`: creates the account if needed and a new owner key,
// against the running local stack. Prints exactly one JSON line on stdout.
import { parseArgs } from 'node:util';
import { bootstrapAccount } from '../../shared/use-cases/bootstrap';
import { localOperatorServices } from './operator-services';

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
  const services = localOperatorServices();
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
