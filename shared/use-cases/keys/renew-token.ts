// Token renewal with a two-token overlap: renew (the new token shown once; the old one deleted now
// or later), then finish (old token deleted) or undo (new token deleted). A key never renews its own
// token, and two racing renewals never both hand out a token: a lost renewal is not retried.
import { keyAuditEntry, NO_ORIGIN } from '../../domain/audit';
import { forbidden } from '../../domain/errors';
import { watchExpiry } from '../../domain/expiry-watch';
import {
  finishRenewal,
  keyView,
  renewalPending,
  renewKey,
  undoRenewal,
  type DeleteOldToken,
  type KeyView,
} from '../../domain/key';
import { WriteConflict, type TokenHasher } from '../../ports';
import type { Write } from '../../ports/unit-of-work';
import { actorOf, type Caller } from '../caller';
import type { Idempotency, IdempotencyRequest } from '../idempotency';
import { conflict } from '../retry';
import { deliver, type Delivery, type KeyWithToken } from '../shares/deliver';
import { loadKey, loadKeyToChange } from './key-access';
import type { KeyChangeDeps, KeyChanges } from './key-changes';
import { keyChangeWrites } from './key-writes';
import { mintToken } from './mint-token';

export class TokenRenewal {
  constructor(
    private readonly deps: KeyChangeDeps & {
      hasher: TokenHasher;
      idempotency: Idempotency;
      publicUrl: () => string;
    },
    private readonly changes: KeyChanges,
  ) {}

  async renew(
    caller: Caller,
    appKey: string,
    mode: DeleteOldToken,
    idempotent?: IdempotencyRequest,
    delivery: Delivery = 'response',
  ): Promise<KeyWithToken> {
    if (appKey === caller.appKey)
      throw forbidden('A key cannot renew its own token; use another key with keys:renew.');
    try {
      return await this.deps.idempotency.once<KeyWithToken>(caller, idempotent, (seal) =>
        this.renewOnce(caller, appKey, mode, delivery, seal),
      );
    } catch (error) {
      if (!(error instanceof WriteConflict)) throw error;
      // Say why this renewal lost to another request.
      const current = await loadKey(this.deps.keys, caller, appKey);
      throw current.renewal ? renewalPending() : conflict();
    }
  }

  finishRenewal(caller: Caller, appKey: string): Promise<KeyView> {
    return this.changes.apply(caller, appKey, 'renewal.finished', (key, now) => finishRenewal(key, now));
  }

  undoRenewal(caller: Caller, appKey: string): Promise<KeyView> {
    return this.changes.apply(caller, appKey, 'renewal.undone', (key, now) => undoRenewal(key, now));
  }

  private async renewOnce(
    caller: Caller,
    appKey: string,
    mode: DeleteOldToken,
    delivery: Delivery,
    seal: (result: KeyWithToken) => Promise<Write[]>,
  ): Promise<KeyWithToken> {
    const { key: before, catalog } = await loadKeyToChange(this.deps.keys, caller, appKey, (roles) =>
      this.deps.roles.forChange(caller.account, roles),
    );
    const now = this.deps.clock.now();
    const settings = await this.deps.settings.get(caller.account);
    const { token, record } = await mintToken(this.deps.hasher, now, settings);
    const renewed = watchExpiry(renewKey(before, record, mode, now), settings.expiryWarningDays, now);
    const { key: after, writes, ...handover } = deliver(renewed, token, delivery, this.deps.publicUrl(), now);
    const result: KeyWithToken = { key: keyView(after, settings, now), ...handover };
    const entry = keyAuditEntry(
      'token.renewed',
      actorOf(caller),
      caller.origin ?? NO_ORIGIN,
      before,
      after,
      now,
    );
    await this.deps.work.commit(
      keyChangeWrites(before, after, entry, [...writes, ...(await seal(result))], { catalog }),
    );
    this.deps.verifier.invalidate(appKey);
    return result;
  }
}
