// Stops the run's DynamoDB Local.
import type { RunningDynamoDb } from '../../infra/local/dynamodb-local';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __dynamo__?: RunningDynamoDb }).__dynamo__?.stop();
}
