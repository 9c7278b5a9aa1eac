// One DynamoDB Local (in memory) for the whole jest run; suites isolate themselves by table.
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';

export default async function globalSetup(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dynamo = await startDynamoDbLocal();
  (globalThis as { __dynamo__?: unknown }).__dynamo__ = dynamo;
  // Workers are started after this and inherit the environment.
  process.env.TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
}
