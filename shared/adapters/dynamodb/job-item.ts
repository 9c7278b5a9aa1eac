// Mapping between a re-expiry job and its DynamoDB item (partition JOBS_PK, one item per account).
import type { ReexpiryJob, ReexpiryPass } from '../../ports';
import { TTL_ATTRIBUTE } from './table-definition';

/**
 * Every attribute a job write may touch besides PK and SK. The expiry scan's IAM policy allows its
 * job writes these attributes only, in the jobs partition only.
 */
export const REEXPIRY_JOB_ATTRIBUTES = [
  'account',
  'revision',
  'requestedAt',
  'pass',
  'lastWakeAt',
  TTL_ATTRIBUTE,
] as const;

export function fromJobItem(item: Record<string, unknown>): ReexpiryJob {
  const ttl = item[TTL_ATTRIBUTE];
  return {
    account: String(item.account),
    revision: String(item.revision),
    pass: (item.pass as ReexpiryPass | undefined) ?? null,
    requestedAt: String(item.requestedAt),
    lastWakeAt: (item.lastWakeAt as string | undefined) ?? null,
    forgetAt: typeof ttl === 'number' ? new Date(ttl * 1000).toISOString() : null,
  };
}

/** DynamoDB TTL is in epoch seconds; rounded up so a record is never forgotten early. */
export const ttlOf = (instant: string): number => Math.ceil(Date.parse(instant) / 1000);
