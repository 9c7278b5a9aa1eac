// The DynamoDB document client, created once per container with bounded timeouts and retries so a
// request never hangs on storage for more than a few seconds.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SDK_TIMEOUTS } from '../sdk-options';
import { traced } from '../tracing';

export interface DynamoDbOptions {
  region: string;
  endpoint?: string;
}

export function createDocumentClient(options: DynamoDbOptions): DynamoDBDocumentClient {
  // Captured before the document client wraps it: both share one middleware stack.
  const client = traced(
    new DynamoDBClient({
      region: options.region,
      endpoint: options.endpoint,
      ...SDK_TIMEOUTS,
      // DynamoDB Local accepts any credentials; in AWS the default chain (the Lambda role) applies.
      ...(options.endpoint ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    }),
  );
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}
