// Generating keys: POST /v1/keys for a caller, and `issue` for bootstrap (no caller: the operator's
// own storage credentials). The key, its audit entry, the admin-key set and the idempotent replay
// are one unit of work.
import { checkCanGrant, checkRoleIds } from '../../domain/access';
import { keyAuditEntry, NO_ORIGIN, SYSTEM, type Actor, type RequestOrigin } from '../../domain/audit';
import { UnavailableError } from '../../domain/errors';
import { watchExpiry } from '../../domain/expiry-watch';
import { newAppKey } from '../../domain/ids';
import { createKey, keyView, type KeyView } from '../../domain/key';
import { deliver, type Delivery, type KeyWithToken } from '../shares/deliver';
import { WriteConflict, type Clock, type KeyDirectory, type TokenHasher } from '../../ports';
import type { UnitOfWork, Write } from '../../ports/unit-of-work';
import { actorOf, type Caller } from '../caller';
import type { Idempotency, IdempotencyRequest } from '../idempotency';
import type { SettingsSource } from '../settings-source';
import { keyChangeWrites } from './key-writes';
import { mintToken } from './mint-token';
import { backoff, WRITE_ATTEMPTS } from '../retry';
import type { RoleSource } from '../roles/role-source';
import type { RoleCatalog } from '../../domain/roles';

export type { KeyWithToken };

export interface NewKey {
  name: string;
  roles: string[];
  /** Where the token goes: the response (default) or a single-access link. */
  delivery?: Delivery;
}

export class KeyCreation {
  constructor(
    private readonly deps: {
      work: UnitOfWork;
      directory: KeyDirectory;
      hasher: TokenHasher;
      settings: SettingsSource;
      roles: RoleSource;
      idempotency: Idempotency;
      clock: Clock;
      /** The console's origin, for share-link URLs (read per request: npm start learns its port late). */
      publicUrl: () => string;
    },
  ) {}

  async create(caller: Caller, input: NewKey, idempotent?: IdempotencyRequest): Promise<KeyWithToken> {
    const judge = (catalog: RoleCatalog): void => {
      checkRoleIds(input.roles, 'roles', catalog);
      checkCanGrant(caller.permissions, input.roles, [], catalog);
    };
    judge(await this.deps.roles.forChange(caller.account, input.roles));
    return this.deps.idempotency.once<KeyWithToken>(caller, idempotent, (seal) =>
      this.make(caller.account, input, {
        actor: actorOf(caller),
        origin: caller.origin ?? NO_ORIGIN,
        seal,
        judge,
      }),
    );
  }

  /**
   * Creates a key in `account` without a caller's checks, its token in the result: used by
   * bootstrap (the operator's own storage credentials; the audit log says `system`) and by tests.
   */
  async issue(account: string, input: Omit<NewKey, 'delivery'>): Promise<{ key: KeyView; token: string }> {
    const { key, token } = await this.make(account, { ...input, delivery: 'response' });
    return { key, token: token! };
  }

  private async make(
    account: string,
    input: NewKey,
    by: {
      actor: Actor;
      origin: RequestOrigin;
      seal?: (result: KeyWithToken) => Promise<Write[]>;
      /** The caller's checks of the roles, run again when a role changed under this request. */
      judge?: (catalog: RoleCatalog) => void;
    } = {
      actor: SYSTEM,
      origin: NO_ORIGIN,
    },
  ): Promise<KeyWithToken> {
    const settings = await this.deps.settings.fresh(account);
    let catalog = await this.deps.roles.forChange(account, input.roles);
    // The commit below is conditional on this catalog's role versions: judge on this very read.
    by.judge?.(catalog);
    checkRoleIds(input.roles, 'roles', catalog);
    let shard = await this.deps.directory.openShard(account);
    for (let attempt = 1; ; attempt++) {
      const now = this.deps.clock.now();
      const { token, record } = await mintToken(this.deps.hasher, now, settings);
      const created = createKey({
        appKey: newAppKey(account, now),
        account,
        name: input.name,
        roles: input.roles,
        token: record,
        nowMs: now,
      });
      const watched = watchExpiry({ ...created, directoryShard: shard }, settings.expiryWarningDays, now);
      const { key, writes, ...handover } = deliver(
        watched,
        token,
        input.delivery ?? 'response',
        this.deps.publicUrl(),
        now,
      );
      const result: KeyWithToken = { key: keyView(key, settings, now), ...handover };
      const entry = keyAuditEntry('key.created', by.actor, by.origin, null, key, now);
      try {
        const sealed = by.seal ? await by.seal(result) : [];
        await this.deps.work.commit(keyChangeWrites(null, key, entry, [...writes, ...sealed], { catalog }));
        return result;
      } catch (error) {
        // A role it names was deleted or redefined meanwhile: judge the request again on the
        // catalog as it is now (a deleted role is then an unknown role, 400).
        if (error instanceof WriteConflict && error.reason === 'roles') {
          catalog = await this.deps.roles.fresh(account);
          by.judge?.(catalog);
          checkRoleIds(input.roles, 'roles', catalog);
          if (attempt >= WRITE_ATTEMPTS) throw new UnavailableError(1, 'TransactionConflict');
          continue;
        }
        // Its search directory shard filled up meanwhile: open the next one (the head only moves
        // forward, so this ends; it does not count as a lost race).
        if (error instanceof WriteConflict && error.reason === 'directory-full') {
          await this.deps.directory.advance(account, shard);
          shard = await this.deps.directory.openShard(account);
          attempt--;
          continue;
        }
        // A new key cannot lose a version race: this transaction collided with another one on the
        // account item, and nothing was written. Try again with a fresh key and token (a retry of
        // the same idempotent request is caught by the replay record's own condition).
        const collided =
          error instanceof WriteConflict && (error.reason === 'version' || error.reason === 'in-progress');
        if (!collided) throw error;
        if (attempt >= WRITE_ATTEMPTS) throw new UnavailableError(1, 'TransactionConflict');
        await backoff(attempt);
      }
    }
  }
}
