// The table's shape as plain data, shared by the CDK stack and the local runtime's CreateTable,
// so the two can never disagree.
export const TABLE_KEY = { partitionKey: 'PK', sortKey: 'SK' } as const;

/** Epoch seconds after which DynamoDB may delete the item (idempotency records). Reads check it too. */
export const TTL_ATTRIBUTE = 'ttl';

/**
 * The sparse expiry index: only key items with something still due carry `dueShard`/`dueAt`, so
 * the expiry scan reads the tokens due in its window and nothing else. Writes are spread over
 * EXPIRY_SHARDS partitions so a large account cannot make one index partition hot.
 */
export const EXPIRY_INDEX = { name: 'expiry', partitionKey: 'dueShard', sortKey: 'dueAt' } as const;
export const EXPIRY_SHARDS = 8;

/**
 * The audit log's two sparse indexes (adapters/dynamodb/audit-item.ts): entries by key (target or
 * actor) and by action, each sorted by the entry's ULID, so every audit filter is one Query.
 */
export const AUDIT_BY_KEY_INDEX = { name: 'audit-by-key', partitionKey: 'auditKey', sortKey: 'SK' } as const;
export const AUDIT_BY_ACTION_INDEX = {
  name: 'audit-by-action',
  partitionKey: 'auditAction',
  sortKey: 'SK',
} as const;

/** Every secondary index of the table, for CreateTable and the CDK stack alike. */
export const SECONDARY_INDEXES = [EXPIRY_INDEX, AUDIT_BY_KEY_INDEX, AUDIT_BY_ACTION_INDEX] as const;
