// Ports: what the use cases need from the outside world, one file per aggregate. Each has an AWS
// adapter and a local one, chosen in composition.ts. Storage details (sort keys, shards, index
// names) live only in the adapters.
export * from './accounts';
export * from './audit-log';
export * from './clock';
export * from './crypto';
export * from './events';
export * from './expiry';
export * from './idempotency';
export * from './keys';
export * from './key-directory';
export * from './shares';
export * from './unit-of-work';
export * from './write-conflict';
