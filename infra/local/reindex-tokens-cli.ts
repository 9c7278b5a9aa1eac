// `npm run reindex-tokens -- [--aws] [--from CURSOR] [--page-size N]`: writes the token lookup
// entries of tokens issued before the lookup existed (adapters/dynamodb/token-reindex.ts).
// Idempotent (existing entries are left alone), resumable (--from the last cursor printed) and safe
// while the service serves. Default target: the running local stack (npm start). With --aws: the
// table named by TABLE_NAME in AWS_REGION, with the operator's own AWS credentials.
import { parseArgs } from 'node:util';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { DynamoDbTokenReindex } from '../../shared/adapters/dynamodb/token-reindex';
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      aws: { type: 'boolean', default: false },
      from: { type: 'string' },
      'page-size': { type: 'string', default: '100' },
    },
  });
  const pageSize = Number(values['page-size']);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000)
    throw new Error('--page-size must be an integer from 1 to 1000');
  const { tableName, region, endpoint } = target(values.aws);
  const reindex = new DynamoDbTokenReindex(createDocumentClient({ region, endpoint }), tableName);
  let cursor: string | null = values.from ?? null;
  let keys = 0;
  let written = 0;
  do {
    const page = await reindex.page(cursor, pageSize);
    keys += page.keys;
    written += page.written;
    cursor = page.next;
    // The cursor to resume from if this run stops here.
    if (cursor)
      process.stderr.write(`examined ${keys} keys, wrote ${written} entries; resume: --from ${cursor}\n`);
  } while (cursor);
  process.stdout.write(JSON.stringify({ keys, written }) + '\n');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
