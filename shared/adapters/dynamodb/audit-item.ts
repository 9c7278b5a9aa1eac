// The audit log's items. Each entry is one item in its account's audit partition (sort key: the
// entry's ULID, so time order and time ranges come free). Two sparse indexes make each filter one
// Query: by action, and by key. An entry concerns up to two keys (its target and its actor): the
// item is indexed under its target, and when the actor is another key a mirror item (in a separate
// partition, so the main listing never shows it twice) indexes it under the actor.
import type { AuditEntry } from '../../domain/audit';
import { TTL_ATTRIBUTE } from './table-definition';

export { AUDIT_BY_ACTION_INDEX, AUDIT_BY_KEY_INDEX } from './table-definition';

export const auditPk = (account: string): string => `AUDIT#${account}`;
export const auditMirrorPk = (account: string): string => `AUDIT#${account}#ACTOR`;
export const auditKeyOf = (account: string, appKey: string): string => `${account}#${appKey}`;
export const auditActionOf = (account: string, action: string): string => `${account}#${action}`;

const DAY_S = 86_400;

/** Every attribute an audit item (entry or mirror) has: what a writer of entries must be allowed. */
export const AUDIT_ITEM_ATTRIBUTES = [
  'PK',
  'SK',
  'type',
  'entry',
  'auditAction',
  'auditKey',
  TTL_ATTRIBUTE,
] as const;

/** The items one entry is stored as: the entry, and its mirror when the actor is another key. */
export function toAuditItems(entry: AuditEntry, retentionDays: number): Array<Record<string, unknown>> {
  const ttl = Math.ceil(Date.parse(entry.at) / 1000) + retentionDays * DAY_S;
  const targetKey =
    entry.target.type === 'key' || entry.target.type === 'external-key' ? entry.target.id : null;
  const actorKey = entry.actor.appKey;
  const indexedUnder = targetKey ?? actorKey;
  const main = {
    PK: auditPk(entry.account),
    SK: entry.id,
    type: 'audit',
    entry,
    auditAction: auditActionOf(entry.account, entry.action),
    ...(indexedUnder ? { auditKey: auditKeyOf(entry.account, indexedUnder) } : {}),
    [TTL_ATTRIBUTE]: ttl,
  };
  if (!actorKey || actorKey === indexedUnder) return [main];
  const mirror = {
    PK: auditMirrorPk(entry.account),
    SK: entry.id,
    type: 'audit-mirror',
    entry,
    auditKey: auditKeyOf(entry.account, actorKey),
    [TTL_ATTRIBUTE]: ttl,
  };
  return [main, mirror];
}

export const fromAuditItem = (item: Record<string, unknown>): AuditEntry => item.entry as AuditEntry;
