// `npm run backfill-directory -- [--aws] [--account NAME]`: builds the search directory of accounts
// whose keys predate it (adapters/dynamodb/directory-backfill.ts). Until then their searches page
// through the keys as before; afterwards they read the directory. Idempotent and safe while the
// service serves; run it once after deploying the directory. Without --account it walks every
// account: the account items are found with a paginated Scan, an admin command's privilege (never
// a request path). Default target: the running local stack (npm start). With --aws: the table
// named by TABLE_NAME in AWS_REGION, with the operator's own AWS credentials.
import { parseArgs } from 'node:util';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { DynamoDbDirectoryBackfill } from '../../shared/adapters/dynamodb/directory-backfill';
import { loadLocalSettings } from './local-settings';
import { readRuntimeInfo } from './runtime-file';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function target(aws: boolean): { tableName: string; region: string; endpoint?: string } {
  if (aws) {
    const tableName = process.env.TABLE_NAME;
    if (!tableName) throw new Error('--aws needs TABLE_NAME (the stack output TableName)');
    return { tableName, region: process.env.AWS_REGION ?? 'us-east-1' };
  }
  const runtime = readRuntimeInfo(loadLocalSettings().dataDir);
  return { tableName: runtime.tableName, region: 'us-east-1', endpoint: runtime.dynamodbEndpoint };
}

async function* accounts(db: DynamoDBDocumentClient, tableName: string): AsyncGenerator<string> {
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#type = :account',
        ExpressionAttributeNames: { '#type': 'type', '#account': 'account' },
        ExpressionAttributeValues: { ':account': 'account' },
        ProjectionExpression: '#account',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) yield String(item.account);
    start = out.LastEvaluatedKey;
  } while (start);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { aws: { type: 'boolean', default: false }, account: { type: 'string' } },
  });
  const { tableName, region, endpoint } = target(values.aws);
  const db = createDocumentClient({ region, endpoint });
  const backfill = new DynamoDbDirectoryBackfill(db, tableName);
  const names = values.account ? [values.account] : accounts(db, tableName);
  const totals = { accounts: 0, keys: 0, written: 0 };
  for await (const account of names) {
    const done = await backfill.account(account);
    totals.accounts++;
    totals.keys += done.keys;
    totals.written += done.written;
    process.stderr.write(`${account}: ${done.keys} keys, ${done.written} entries written\n`);
  }
  process.stdout.write(JSON.stringify(totals) + '\n');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
