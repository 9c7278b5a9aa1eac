// Reading the audit log: one Query per page, whichever filter is given.
import type { AuditAction, AuditEntry } from '../domain/audit';

export interface AuditQuery {
  account: string;
  /** Entries whose target or actor is this key. */
  appKey?: string;
  action?: AuditAction;
  /** Inclusive bounds on the entry time, epoch ms. */
  fromMs?: number;
  toMs?: number;
  limit: number;
  /** The id of the last entry of the previous page. */
  after: string | null;
  /** Entries older than this (their retention has passed) are treated as gone. */
  retainedSinceMs: number;
}

export interface AuditPage {
  items: AuditEntry[];
  next: string | null;
}

export interface AuditLog {
  list(query: AuditQuery): Promise<AuditPage>;
}
