// Generating keys: POST /v1/keys for a caller, and `issue` for bootstrap (no caller: the operator's
// own storage credentials). The key, its audit entry, the admin-key set and the idempotent replay
// are one unit of work.
import { checkCanGrant, checkRoleIds } from '../../domain/access';
import { keyAuditEntry, NO_ORIGIN, SYSTEM, type Actor, type RequestOrigin } from '../../domain/audit';
import { UnavailableError } from '../../domain/errors';
import { watchExpiry } from '../../domain/expiry-watch';
import { newAppKey } from '../../domain/ids';
import { createKey, keyView, type KeyView } from '../../domain/key';
import { WriteConflict, type Clock, type TokenHasher } from '../../ports';
import type { UnitOfWork, Write } from '../../ports/unit-of-work';
import { actorOf, type Caller } from '../caller';
import type { Idempotency, IdempotencyRequest } from '../idempotency';
import type { SettingsSource } from '../settings-source';
import { keyChangeWrites } from './key-writes';
import { mintToken } from './mint-token';
import { WRITE_ATTEMPTS } from '../retry';

export interface KeyWithToken {
  key: KeyView;
  token: string;
}

export interface NewKey {
  name: string;
  roles: string[];
}

export class KeyCreation {
  constructor(
    private readonly deps: {
      work: UnitOfWork;
      hasher: TokenHasher;
      settings: SettingsSource;
      idempotency: Idempotency;
      clock: Clock;
    },
  ) {}

  async create(caller: Caller, input: NewKey, idempotent?: IdempotencyRequest): Promise<KeyWithToken> {
    checkRoleIds(input.roles);
    checkCanGrant(caller.permissions, input.roles);
    return this.deps.idempotency.once<KeyWithToken>(caller, idempotent, (seal) =>
      this.issue(caller.account, input, { actor: actorOf(caller), origin: caller.origin ?? NO_ORIGIN, seal }),
    );
  }

  /** Creates a key in `account` without a caller's checks: used by create and by bootstrap. */
  async issue(
    account: string,
    input: NewKey,
    by: { actor: Actor; origin: RequestOrigin; seal?: (result: KeyWithToken) => Promise<Write[]> } = {
      actor: SYSTEM,
      origin: NO_ORIGIN,
    },
  ): Promise<KeyWithToken> {
    const settings = await this.deps.settings.fresh(account);
    for (let attempt = 1; ; attempt++) {
      const now = this.deps.clock.now();
      const { token, record } = await mintToken(this.deps.hasher, now, settings);
      const created = createKey({
        appKey: newAppKey(account, now),
        account,
        ...input,
        token: record,
        nowMs: now,
      });
      const key = watchExpiry(created, settings.expiryWarningDays, now);
      const result = { key: keyView(key, settings, now), token };
      const entry = keyAuditEntry('key.created', by.actor, by.origin, null, key, now);
      try {
        await this.deps.work.commit(keyChangeWrites(null, key, entry, by.seal ? await by.seal(result) : []));
        return result;
      } catch (error) {
        // A new key cannot lose a version race: this transaction collided with another one on the
        // account item, and nothing was written. Try again with a fresh key and token (a retry of
        // the same idempotent request is caught by the replay record's own condition).
        const collided =
          error instanceof WriteConflict && (error.reason === 'version' || error.reason === 'in-progress');
        if (!collided) throw error;
        if (attempt >= WRITE_ATTEMPTS) throw new UnavailableError(1, 'TransactionConflict');
      }
    }
  }
}
