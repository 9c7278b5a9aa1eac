// The table's shape as plain data, shared by the CDK stack and the local runtime's CreateTable,
// so the two can never disagree.
export const TABLE_KEY = { partitionKey: 'PK', sortKey: 'SK' } as const;
/** Epoch seconds after which DynamoDB may delete the item (idempotency records). Reads check it too. */
export const TTL_ATTRIBUTE = 'ttl';
