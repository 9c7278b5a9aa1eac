// What raising an expiry flag tells the world: the event operators wire notifications to (one per
// level, with a stable id so a retried publish is recognisable), and the audit entry written with
// the flag (actor `system`).
import { auditEntry, diff, NO_ORIGIN, SYSTEM, type AuditEntry } from '../domain/audit';
import type { FlagLevel } from '../domain/expiry';
import type { ApiKey } from '../domain/key';
import type { DomainEvent } from '../ports';

export const EVENT_TYPES: Record<FlagLevel, string> = {
  expiring: 'Token Expiring',
  expired: 'Token Expired',
  'expired-critical': 'Token Expired Critical',
};

export function tokenEvent(key: ApiKey, level: FlagLevel): DomainEvent {
  const token = key.tokens[0]!;
  return {
    type: EVENT_TYPES[level],
    detail: {
      id: `${token.id}:${level}`,
      account: key.account,
      appKey: key.appKey,
      name: key.name,
      tokenId: token.id,
      expiresAt: token.expiresAt,
      level,
    },
  };
}

export const flagAuditEntry = (before: ApiKey, after: ApiKey, nowMs: number): AuditEntry =>
  auditEntry({
    account: before.account,
    action: 'renewal.flagged',
    actor: SYSTEM,
    target: { type: 'key', id: before.appKey },
    changes: diff({ renewalFlag: before.renewalFlag }, { renewalFlag: after.renewalFlag }),
    origin: NO_ORIGIN,
    nowMs,
  });
