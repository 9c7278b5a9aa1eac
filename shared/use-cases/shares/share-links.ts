// Single-access links after delivery: a preview that consumes nothing (chat unfurlers must not burn
// a link), the one opening, and revocation by an operator. Opening is one transaction: the
// conditional delete of the link (right secret, not expired: of concurrent opens exactly one
// wins), forgetting it on its key, and the `share.opened` audit entry (actor `share-link`).
import { auditEntry, diff, type RequestOrigin } from '../../domain/audit';
import { notFound, RequestInFlightError } from '../../domain/errors';
import { revokeShare, type KeyView } from '../../domain/key';
import { isLive, openShare, SHARE_ID_PATTERN, secretMatches, type ShareRecord } from '../../domain/share';
import { WriteConflict, type Clock, type ShareLinks } from '../../ports';
import type { UnitOfWork } from '../../ports/unit-of-work';
import type { Caller } from '../caller';
import type { KeyChanges } from '../keys/key-changes';
import { METRIC, type Metrics } from '../../ports/metrics';

/** One answer for every link that cannot be opened: spent, expired, revoked, wrong or made up. */
const gone = () => notFound('This link does not exist, was already opened, or has expired.');

export interface SharePreview {
  expiresAt: string;
  appKey: string;
  account: string;
  name: string;
}

export interface OpenedShare {
  appKey: string;
  account: string;
  name: string;
  token: string;
}

export class ShareLinkService {
  constructor(
    private readonly deps: {
      shares: ShareLinks;
      work: UnitOfWork;
      clock: Clock;
      changes: KeyChanges;
      metrics?: Metrics;
    },
  ) {}

  async view(id: string): Promise<SharePreview> {
    const record = await this.live(id);
    return { expiresAt: record.expiresAt, appKey: record.appKey, account: record.account, name: record.name };
  }

  async open(id: string, secret: string, origin: RequestOrigin): Promise<OpenedShare> {
    const record = await this.live(id);
    // A wrong secret consumes nothing: it is refused before any write.
    if (!secretMatches(record, secret)) throw gone();
    const token = openShare(record, secret);
    const now = this.deps.clock.now();
    const entry = auditEntry({
      account: record.account,
      action: 'share.opened',
      actor: { type: 'share-link', appKey: null },
      target: { type: 'key', id: record.appKey },
      changes: diff({ share: { expiresAt: record.expiresAt } }, { share: null }),
      origin,
      nowMs: now,
    });
    try {
      await this.deps.work.commit([
        { type: 'open-share', record, nowMs: now },
        { type: 'clear-key-share', appKey: record.appKey, shareId: record.id, nowMs: now },
        { type: 'audit', entry },
      ]);
    } catch (error) {
      // The key was being changed at that very moment: the link is intact, try again.
      if (error instanceof WriteConflict && error.reason === 'in-progress')
        throw new RequestInFlightError(
          'The key is being changed right now; the link is intact: try again in a second.',
        );
      if (error instanceof WriteConflict) throw gone(); // another open won, or it was revoked
      throw error;
    }
    this.deps.metrics?.count(METRIC.shareLinkOpened);
    return { appKey: record.appKey, account: record.account, name: record.name, token };
  }

  revoke(caller: Caller, appKey: string): Promise<KeyView> {
    return this.deps.changes.apply(caller, appKey, 'share.revoked', (key, now) => revokeShare(key, now));
  }

  private async live(id: string): Promise<ShareRecord> {
    if (!SHARE_ID_PATTERN.test(id)) throw gone();
    const record = await this.deps.shares.getShare(id);
    if (!record || !isLive(record, this.deps.clock.now())) throw gone();
    return record;
  }
}
