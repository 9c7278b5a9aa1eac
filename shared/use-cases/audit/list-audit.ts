// Reading the audit log (GET /v1/audit): the caller's account only, newest first, one Query per
// page; entries past AUDIT_RETENTION_DAYS are gone even while TTL has not deleted them yet.
import type { AuditAction, AuditEntry } from '../../domain/audit';
import { validationError } from '../../domain/errors';
import type { Clock } from '../../ports';
import type { AuditLog } from '../../ports/audit-log';
import type { Caller } from '../caller';

const DAY_MS = 86_400_000;

export interface AuditFilter {
  appKey?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
  limit: number;
  after: string | null;
}

export class AuditQueries {
  constructor(
    private readonly log: AuditLog,
    private readonly clock: Clock,
    private readonly retentionDays: number,
  ) {}

  async list(caller: Caller, filter: AuditFilter): Promise<{ items: AuditEntry[]; next: string | null }> {
    const fromMs = filter.from ? Date.parse(filter.from) : undefined;
    const toMs = filter.to ? Date.parse(filter.to) : undefined;
    if (fromMs !== undefined && toMs !== undefined && fromMs > toMs)
      throw validationError('The time range is empty.', [
        { path: 'from', message: 'Must not be after `to`.' },
      ]);
    return this.log.list({
      account: caller.account,
      appKey: filter.appKey,
      action: filter.action,
      fromMs,
      toMs,
      limit: filter.limit,
      after: filter.after,
      retainedSinceMs: this.clock.now() - this.retentionDays * DAY_MS,
    });
  }
}
