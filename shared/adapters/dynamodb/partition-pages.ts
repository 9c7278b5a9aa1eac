// Every item of one partition whose sort key starts with a prefix, a page at a time: the loop an
// account's grants, its search directory, the directory backfill and the re-expiry jobs all read
// with. Strongly consistent by default (a write a moment ago is seen), each page bounded by the
// storage call's own timeout.
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { storageCall } from './storage-errors';

type Item = Record<string, unknown>;

export async function* partitionPages(
  db: DynamoDBDocumentClient,
  tableName: string,
  pk: string,
  skPrefix: string,
  options: {
    filter?: { expression: string; names: Record<string, string> };
    /** Sort keys in descending order. */
    backward?: boolean;
  } = {},
): AsyncGenerator<Item[]> {
  const { filter, backward } = options;
  let start: Item | undefined;
  do {
    const out = await storageCall(() =>
      db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ...(filter ? { FilterExpression: filter.expression, ExpressionAttributeNames: filter.names } : {}),
          ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
          ExclusiveStartKey: start,
          ...(backward ? { ScanIndexForward: false } : {}),
          ConsistentRead: true,
        }),
      ),
    );
    yield (out.Items ?? []) as Item[];
    start = out.LastEvaluatedKey;
  } while (start);
}
