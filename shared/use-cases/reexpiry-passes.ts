// One pass of a re-expiry job over an account's keys, newest first: each key's tokens re-expired
// under the given settings, one guarded write at a time (see reexpiry-jobs.ts for how passes
// coalesce and wrap around).
import { parseAppKey } from '../domain/ids';
import { reexpireKey } from '../domain/key';
import { watchExpiry } from '../domain/expiry-watch';
import type { Settings } from '../domain/settings';
import { WriteConflict, type KeyRepository, type ReexpiryPass } from '../ports';
import type { Verifier } from './verify';

const PAGE = 100;

export class ReexpiryPasses {
  constructor(
    private readonly keys: KeyRepository,
    private readonly verifier: Verifier,
  ) {}

  /** Re-expires keys along `pass` until it ends (null) or `stop()`; returns the pass left. */
  async walk(
    account: string,
    pass: ReexpiryPass,
    settings: Settings,
    nowMs: number,
    stop: () => boolean,
    onKey: () => void,
  ): Promise<ReexpiryPass | null> {
    let { after, wrapped } = pass;
    const { endAt } = pass;
    for (;;) {
      const page = await this.keys.listKeys(account, {
        limit: PAGE,
        after,
        budget: PAGE + 1,
        accept: () => true,
      });
      for (const key of page.items) {
        const id = parseAppKey(key.appKey)!.id;
        // Back below where the pass began (that key itself was deleted meanwhile): done.
        if (wrapped && id < endAt!) return null;
        // Checked per key: one page of writes can take seconds on a busy table.
        if (stop()) return { after, endAt, wrapped };
        await this.reexpireOne(key.appKey, settings, nowMs);
        onKey();
        if (wrapped && id === endAt) return null;
        after = id;
      }
      if (page.next) {
        after = page.next;
        continue;
      }
      // Past the oldest key: a pass that began at the newest is done, one that began part-way wraps.
      if (wrapped || endAt === null) return null;
      wrapped = true;
      after = null;
    }
  }

  private async reexpireOne(appKey: string, settings: Settings, nowMs: number): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const key = await this.keys.getKey(appKey);
      if (!key) return;
      const next = watchExpiry(reexpireKey(key, settings, nowMs), settings.expiryWarningDays, nowMs);
      if (next === key) return;
      try {
        await this.keys.saveKey(next, key.version, key.renewalFlag);
        this.verifier.invalidate(appKey);
        return;
      } catch (error) {
        if (!(error instanceof WriteConflict)) throw error;
      }
    }
  }
}
