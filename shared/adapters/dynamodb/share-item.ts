// Share-link items: one per unopened link, in its own partition (looked up by id from a public
// route, so it must not be derivable from an account), deleted when opened or revoked, and by TTL
// 24 h after creation (reads check the expiry too).
import type { ShareRecord } from '../../domain/share';
import { TTL_ATTRIBUTE } from './table-definition';

export const shareItemKey = (id: string): { PK: string; SK: string } => ({ PK: `SHARE#${id}`, SK: 'SHARE' });

export const toShareItem = (record: ShareRecord): Record<string, unknown> => ({
  ...shareItemKey(record.id),
  type: 'share',
  share: record,
  expiresAt: record.expiresAt,
  secretHash: record.secretHash,
  [TTL_ATTRIBUTE]: Math.ceil(Date.parse(record.expiresAt) / 1000),
});

export const fromShareItem = (item: Record<string, unknown>): ShareRecord => item.share as ShareRecord;
