// The audit log's entries (API.md 1.1 "Audit log"): who changed what, when, and what changed.
// Pure: the use case that makes a change builds its entry here and commits both in one unit of
// work, so no change exists without its entry. Nothing secret ever enters an entry: tokens appear
// as ids and dates only, never a token, a hash, a secret or a share URL.
import type { ApiKey, TokenRecord } from './key';
import { ulid } from './ids';
import { iso } from './time';

export const AUDIT_ACTIONS = [
  'key.created',
  'key.updated',
  'key.activated',
  'key.deactivated',
  'key.deleted',
  'token.renewed',
  'renewal.finished',
  'renewal.undone',
  'share.opened',
  'share.revoked',
  'settings.updated',
  'role.created',
  'role.updated',
  'role.deleted',
  'external-key.added',
  'external-key.updated',
  'external-key.removed',
  'token.leaked',
  'renewal.flagged',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface Actor {
  type: 'key' | 'share-link' | 'leak-report' | 'system';
  appKey: string | null;
}

export interface AuditTarget {
  type: 'key' | 'external-key' | 'role' | 'settings';
  id: string;
}

/** Where a request came from (API Gateway's request context); null for the scheduler. */
export interface RequestOrigin {
  requestId: string | null;
  sourceIp: string | null;
  userAgent: string | null;
}

export const NO_ORIGIN: RequestOrigin = { requestId: null, sourceIp: null, userAgent: null };
export const SYSTEM: Actor = { type: 'system', appKey: null };

export type Changes = Record<string, { from: unknown; to: unknown }>;

export interface AuditEntry extends RequestOrigin {
  id: string;
  at: string;
  account: string;
  action: AuditAction;
  actor: Actor;
  target: AuditTarget;
  changes: Changes;
}

/** A token as the audit log may show it: its id and dates, nothing that could authenticate. */
const tokenSummary = (t: TokenRecord) => ({
  id: t.id,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  state: t.state,
});

/** The audited fields of a key; `null` stands for "no key" (before a create, after a delete). */
function auditedFields(key: ApiKey | null): Record<string, unknown> {
  if (!key) return { name: null, roles: null, status: null, tokens: null, share: null };
  return {
    name: key.name,
    roles: key.roles,
    status: key.status,
    tokens: key.tokens.map(tokenSummary),
    // A link by its expiry only: never its id (part of the URL) or secret.
    share: key.share ? { expiresAt: key.share.expiresAt } : null,
  };
}

/** The fields whose values differ, each as { from, to }. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}

/** What a key change altered, in audit terms. */
export const keyChanges = (before: ApiKey | null, after: ApiKey | null): Changes =>
  diff(auditedFields(before), auditedFields(after));

export function auditEntry(input: {
  account: string;
  action: AuditAction;
  actor: Actor;
  target: AuditTarget;
  changes: Changes;
  origin: RequestOrigin;
  nowMs: number;
}): AuditEntry {
  return {
    id: ulid(input.nowMs),
    at: iso(input.nowMs),
    account: input.account,
    action: input.action,
    actor: input.actor,
    target: input.target,
    changes: input.changes,
    requestId: input.origin.requestId,
    sourceIp: input.origin.sourceIp,
    userAgent: input.origin.userAgent,
  };
}

/** The entry of a change to one key, made by `actor`. */
export const keyAuditEntry = (
  action: AuditAction,
  actor: Actor,
  origin: RequestOrigin,
  before: ApiKey | null,
  after: ApiKey | null,
  nowMs: number,
): AuditEntry =>
  auditEntry({
    account: (after ?? before)!.account,
    action,
    actor,
    target: { type: 'key', id: (after ?? before)!.appKey },
    changes: keyChanges(before, after),
    origin,
    nowMs,
  });
