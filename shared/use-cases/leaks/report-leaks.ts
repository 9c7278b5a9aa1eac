// A signed leak report (API.md 1.1): for each reported string that is a live token, cut it at once
// (leak-transition.ts) in one unit of work with its audit entry and lookup changes, drop cached
// verifications in this process, and announce `Token Leaked`. The answer labels each item and
// never names an account or key. Strings that are not well-formed tokens cost no MAC and no read.
import { createHash } from 'node:crypto';
import { keyAuditEntry, type Actor, type RequestOrigin } from '../../domain/audit';
import { watchExpiry } from '../../domain/expiry-watch';
import { isWellFormedToken } from '../../domain/token';
import { matchingToken } from '../../domain/verification';
import { WriteConflict, type Clock, type KeyRepository, type TokenHasher } from '../../ports';
import type { TokenLookup } from '../../ports/token-lookup';
import type { UnitOfWork } from '../../ports/unit-of-work';
import { keyChangeWrites } from '../keys/key-writes';
import { retryOnConflict } from '../retry';
import type { SettingsSource } from '../settings-source';
import type { RoleSource } from '../roles/role-source';
import type { Verifier } from '../verify';
import { applyLeak } from './leak-transition';
import { LeakNotices } from './leak-notices';
import { recordLeakReport } from './leak-metrics';
import type { Metrics } from '../../ports/metrics';

export interface LeakedString {
  token: string;
  type: string;
  url: string;
  source: string;
}

export type LeakLabel = 'true_positive' | 'false_positive';
export interface LeakFeedback {
  token_hash: string;
  token_type: string;
  label: LeakLabel;
}

export interface LeakReportDeps {
  keys: KeyRepository;
  tokenLookup: TokenLookup;
  work: UnitOfWork;
  hasher: TokenHasher;
  settings: SettingsSource;
  roles: RoleSource;
  verifier: Verifier;
  notices: LeakNotices;
  clock: Clock;
  metrics?: Metrics;
}

const LEAK_REPORT: Actor = { type: 'leak-report', appKey: null };
/** Reported strings examined at once: bounds concurrent MACs and storage calls per report. */
const CONCURRENCY = 10;

export class LeakReports {
  constructor(private readonly deps: LeakReportDeps) {}

  async report(items: readonly LeakedString[], origin: RequestOrigin): Promise<LeakFeedback[]> {
    // A string reported twice (found in two places) is judged once: the first place is recorded.
    const firstOf = new Map<string, LeakedString>();
    for (const item of items) if (!firstOf.has(item.token)) firstOf.set(item.token, item);
    const labels = new Map<string, LeakLabel>();
    const queue = [...firstOf.values()];
    const worker = async (): Promise<void> => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        labels.set(item.token, (await this.revoke(item, origin)) ? 'true_positive' : 'false_positive');
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
    recordLeakReport(this.deps.metrics, items.length, labels);
    return items.map((item) => ({
      token_hash: createHash('sha256').update(item.token, 'utf8').digest('hex'),
      token_type: item.type,
      label: labels.get(item.token)!,
    }));
  }

  /** True when this report cut `item`, a live token (a string already cut by a racing change is not live). */
  private async revoke(item: LeakedString, origin: RequestOrigin): Promise<boolean> {
    if (!isWellFormedToken(item.token)) return false;
    const { hasher, tokenLookup } = this.deps;
    // Only the current MAC key: the service keeps no list of retired ones (see README).
    const keyId = hasher.currentKeyId;
    const mac = await hasher.mac(item.token, keyId);
    const appKey = await tokenLookup.find(keyId, mac);
    if (!appKey) return false;
    let live = false;
    // A lost race is re-read and re-applied: if the token is still on the key, it is cut again,
    // so a renewal committed in between cannot leave the leaked token working.
    await retryOnConflict(
      async () => {
        const key = await this.deps.keys.getKey(appKey);
        const token = key ? matchingToken(key, new Map([[keyId, mac]])) : undefined;
        if (!key || !token) return;
        const now = this.deps.clock.now();
        const decision = applyLeak(key, token, item, now);
        if (!decision) return;
        const settings = await this.deps.settings.get(key.account);
        const after = watchExpiry(decision.after, settings.expiryWarningDays, now);
        const entry = keyAuditEntry('token.leaked', LEAK_REPORT, origin, key, after, now);
        entry.changes.leak = { from: key.leak, to: after.leak };
        // A leaked token is cut even when it belongs to the account's last admin key: the
        // operator then mints a new owner key with `npm run bootstrap` (their own credentials).
        // Fresh: the admin-key set is judged on it (a cached catalog may not know a new custom role).
        const catalog = await this.deps.roles.forChange(key.account, key.roles);
        await this.deps.work.commit(
          keyChangeWrites(key, after, entry, [], { catalog, lastAdminMayGo: true }),
        );
        this.deps.verifier.invalidate(appKey);
        live = true;
        await this.deps.notices.leaked(after, token, decision.outcome);
      },
      (error) => error instanceof WriteConflict,
    );
    return live;
  }
}
