// The key management use cases: each loads the key inside the caller's account, applies a pure
// domain transition and writes it back with one guarded write, then drops cached verifications.
import { checkCanActOn, checkCanGrant, checkRoleIds, isAdminKey, requirePermission } from '../domain/access';
import { DomainError, forbidden, notFound, UnavailableError } from '../domain/errors';
import {
  alertOfKey,
  editKey,
  finishRenewal,
  keyView,
  newTokenRecord,
  renewKey,
  renewalPending,
  setActive,
  undoRenewal,
} from '../domain/key';
import type { ApiKey, DeleteOldToken, KeyEdit, KeyView, TokenRecord } from '../domain/key';
import type { Settings } from '../domain/settings';
import { createKey } from '../domain/key';
import { newAppKey, newTokenId, parseAppKey } from '../domain/ids';
import { watchExpiry } from '../domain/expiry-watch';
import { generateToken } from '../domain/token';
import type { Alert } from '../domain/expiry';
import { WriteConflict, type Clock, type KeyStore, type TokenHasher, type WriteGuards } from '../ports';
import type { Caller } from './caller';
import type { Idempotency, IdempotencyRequest } from './idempotency';
import type { SettingsSource } from './settings-source';
import type { Verifier } from './verify';

export interface KeyWithToken {
  key: KeyView;
  token: string;
}

export interface ListQuery {
  search?: string;
  status?: 'active' | 'inactive';
  alert?: Alert;
  limit: number;
  after: string | null;
}

/** How many items one list request may read when a filter is selective. */
export const LIST_READ_BUDGET = 1_000;
const RETRIES = 3;

const lastAdminKey = (): DomainError =>
  new DomainError(
    'last-admin-key',
    'This change would leave the account without an active key that can edit keys.',
  );
const preconditionFailed = (): DomainError =>
  new DomainError('precondition-failed', 'The key has changed since the version given in If-Match.');
const conflict = (): DomainError =>
  new DomainError(
    'conflict',
    'The key was changed by another request at the same time; read it again and retry.',
  );

/** Whether a transition adds or removes the key from the account's admin-key set. */
export function adminChange(before: ApiKey | null, after: ApiKey | null): WriteGuards['admin'] {
  const was = before ? isAdminKey(before) : false;
  const is = after ? isAdminKey(after) : false;
  return was === is ? undefined : is ? 'add' : 'remove';
}

export class KeyService {
  constructor(
    private readonly store: KeyStore,
    private readonly hasher: TokenHasher,
    private readonly settings: SettingsSource,
    private readonly verifier: Verifier,
    private readonly idempotency: Idempotency,
    private readonly clock: Clock,
  ) {}

  async create(
    caller: Caller,
    input: { name: string; roles: string[] },
    idempotent?: IdempotencyRequest,
  ): Promise<KeyWithToken> {
    requirePermission(caller.permissions, 'keys:edit');
    checkRoleIds(input.roles);
    checkCanGrant(caller.permissions, input.roles);
    if (idempotent) {
      const earlier = await this.idempotency.replay<KeyWithToken>(caller, idempotent);
      if (earlier) return earlier;
    }
    try {
      return await this.issue(caller.account, input, idempotent && { caller, request: idempotent });
    } catch (error) {
      if (!(error instanceof WriteConflict) || !idempotent) throw error;
      const earlier = await this.idempotency.afterLostWrite<KeyWithToken>(caller, idempotent, error);
      if (earlier) return earlier;
      throw error;
    }
  }

  /** Creates a key in `account` without a caller's checks: used by create and by bootstrap. */
  async issue(
    account: string,
    input: { name: string; roles: string[] },
    idempotent?: { caller: Caller; request: IdempotencyRequest },
  ): Promise<KeyWithToken> {
    const settings = await this.settings.fresh(account);
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      const now = this.clock.now();
      const { token, record } = await this.mintToken(now, settings);
      const created = createKey({
        appKey: newAppKey(account, now),
        account,
        name: input.name,
        roles: input.roles,
        token: record,
        nowMs: now,
      });
      const key = watchExpiry(created, settings.expiryWarningDays, now);
      const result = { key: keyView(key, settings, now), token };
      const guards: WriteGuards = { admin: adminChange(null, key) };
      if (idempotent)
        guards.idempotency = await this.idempotency.record(idempotent.caller, idempotent.request, result);
      try {
        await this.store.saveKey(key, guards);
        return result;
      } catch (error) {
        // A new key cannot lose a version race: this transaction collided with another one on the
        // account item, and nothing was written. If that was a request with the same
        // Idempotency-Key, its result is ours; otherwise try again with a fresh key and token.
        const collided =
          error instanceof WriteConflict && (error.reason === 'version' || error.reason === 'in-progress');
        if (!collided) throw error;
        const earlier =
          idempotent && (await this.idempotency.replay<KeyWithToken>(idempotent.caller, idempotent.request));
        if (earlier) return earlier;
      }
    }
    throw new UnavailableError(1, 'TransactionConflict');
  }

  async get(caller: Caller, appKey: string): Promise<KeyView> {
    requirePermission(caller.permissions, 'keys:view');
    return this.view(await this.load(caller, appKey));
  }

  async list(caller: Caller, query: ListQuery): Promise<{ items: KeyView[]; next: string | null }> {
    requirePermission(caller.permissions, 'keys:view');
    const settings = await this.settings.get(caller.account);
    const now = this.clock.now();
    const needle = query.search?.toLowerCase();
    const accept = (key: ApiKey): boolean =>
      (!needle || key.name.toLowerCase().includes(needle) || key.appKey.toLowerCase().includes(needle)) &&
      (!query.status || key.status === query.status) &&
      (!query.alert || alertOfKey(key, settings, now) === query.alert);
    const page = await this.store.listKeys(caller.account, {
      limit: query.limit,
      after: query.after,
      budget: LIST_READ_BUDGET,
      accept,
    });
    return { items: page.items.map((k) => keyView(k, settings, now)), next: page.next };
  }

  async edit(caller: Caller, appKey: string, edit: KeyEdit, ifMatch?: number): Promise<KeyView> {
    requirePermission(caller.permissions, 'keys:edit');
    if (edit.roles) checkRoleIds(edit.roles);
    return this.change(caller, appKey, { ifMatch }, (key, now) => {
      if (edit.roles) checkCanGrant(caller.permissions, edit.roles, key.roles);
      return editKey(key, edit, now);
    });
  }

  async setActive(caller: Caller, appKey: string, active: boolean): Promise<KeyView> {
    requirePermission(caller.permissions, 'keys:edit');
    return this.change(caller, appKey, {}, (key, now) => setActive(key, active, now));
  }

  async delete(caller: Caller, appKey: string, confirmed: boolean): Promise<void> {
    requirePermission(caller.permissions, 'keys:edit');
    if (!confirmed) {
      throw new DomainError(
        'confirmation-required',
        'Deleting a key is permanent: repeat the request with confirm=true.',
      );
    }
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      const key = await this.loadToChange(caller, appKey);
      try {
        await this.store.deleteKey(key, { expectedVersion: key.version, admin: adminChange(key, null) });
        this.verifier.invalidate(appKey);
        return;
      } catch (error) {
        this.rethrowUnlessRetryable(error, undefined);
      }
    }
    throw conflict();
  }

  async renew(
    caller: Caller,
    appKey: string,
    mode: DeleteOldToken,
    idempotent?: IdempotencyRequest,
  ): Promise<KeyWithToken> {
    requirePermission(caller.permissions, 'keys:renew');
    if (appKey === caller.appKey)
      throw forbidden('A key cannot renew its own token; use another key with keys:renew.');
    if (idempotent) {
      const earlier = await this.idempotency.replay<KeyWithToken>(caller, idempotent);
      if (earlier) return earlier;
    }
    try {
      return await this.renewOnce(caller, appKey, mode, idempotent);
    } catch (error) {
      // A retry of this very request may have renewed the key since the replay check above (its
      // renewal is then pending here, or it won the write): its result is this request's result.
      const lostRace =
        error instanceof WriteConflict || (error instanceof DomainError && error.code === 'renewal-pending');
      if (idempotent && lostRace) {
        const earlier = await this.idempotency.afterLostWrite<KeyWithToken>(caller, idempotent, error);
        if (earlier) return earlier;
      }
      if (!(error instanceof WriteConflict)) throw error;
      // Not retried: two renewals racing must not both hand out a token. Say why this one lost.
      const current = await this.load(caller, appKey);
      throw current.renewal ? renewalPending() : conflict();
    }
  }

  private async renewOnce(
    caller: Caller,
    appKey: string,
    mode: DeleteOldToken,
    idempotent?: IdempotencyRequest,
  ): Promise<KeyWithToken> {
    const key = await this.loadToChange(caller, appKey);
    const now = this.clock.now();
    const settings = await this.settings.get(caller.account);
    const { token, record } = await this.mintToken(now, settings);
    const next = watchExpiry(renewKey(key, record, mode, now), settings.expiryWarningDays, now);
    const result = { key: keyView(next, settings, now), token };
    const guards: WriteGuards = { expectedVersion: key.version };
    if (idempotent) guards.idempotency = await this.idempotency.record(caller, idempotent, result);
    await this.store.saveKey(next, guards);
    this.verifier.invalidate(appKey);
    return result;
  }

  async finishRenewal(caller: Caller, appKey: string): Promise<KeyView> {
    requirePermission(caller.permissions, 'keys:renew');
    return this.change(caller, appKey, {}, (key, now) => finishRenewal(key, now));
  }

  async undoRenewal(caller: Caller, appKey: string): Promise<KeyView> {
    requirePermission(caller.permissions, 'keys:renew');
    return this.change(caller, appKey, {}, (key, now) => undoRenewal(key, now));
  }

  /** A new token and its stored record (the MAC only): the token itself leaves only in the response. */
  private async mintToken(now: number, settings: Settings): Promise<{ token: string; record: TokenRecord }> {
    const token = generateToken();
    const mac = await this.hasher.mac(token);
    const record = newTokenRecord(
      newTokenId(now),
      { mac, keyId: this.hasher.currentKeyId },
      now,
      settings.tokenDurationDays,
    );
    return { token, record };
  }

  /** Loads a key of the caller's account; another account's key is indistinguishable from none. */
  private async load(caller: Caller, appKey: string): Promise<ApiKey> {
    if (parseAppKey(appKey)?.account !== caller.account) throw notFound();
    const key = await this.store.getKey(appKey);
    if (!key || key.account !== caller.account) throw notFound();
    return key;
  }

  /**
   * Loads a key the caller is about to change, applying API.md's "acting on other keys" rule on the
   * state just read (so a retry after a lost race judges the fresh state, not a stale one).
   */
  private async loadToChange(caller: Caller, appKey: string): Promise<ApiKey> {
    const key = await this.load(caller, appKey);
    checkCanActOn(caller.permissions, key.roles);
    return key;
  }

  private async view(key: ApiKey): Promise<KeyView> {
    return keyView(key, await this.settings.get(key.account), this.clock.now());
  }

  /**
   * Read, transform, conditional write; on a lost race, read again and re-apply (the transition
   * re-checks its rules on the fresh state), unless If-Match pinned the version.
   */
  private async change(
    caller: Caller,
    appKey: string,
    options: { ifMatch?: number },
    transition: (key: ApiKey, nowMs: number) => ApiKey,
  ): Promise<KeyView> {
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      const key = await this.loadToChange(caller, appKey);
      if (options.ifMatch !== undefined && key.version !== options.ifMatch) throw preconditionFailed();
      const now = this.clock.now();
      const changed = transition(key, now);
      if (changed === key) return this.view(key);
      const settings = await this.settings.get(caller.account);
      const next = watchExpiry(changed, settings.expiryWarningDays, now);
      try {
        await this.store.saveKey(next, { expectedVersion: key.version, admin: adminChange(key, next) });
        this.verifier.invalidate(appKey);
        return this.view(next);
      } catch (error) {
        this.rethrowUnlessRetryable(error, options.ifMatch);
      }
    }
    throw conflict();
  }

  private rethrowUnlessRetryable(error: unknown, ifMatch: number | undefined): void {
    if (!(error instanceof WriteConflict)) throw error;
    if (error.reason === 'last-admin') throw lastAdminKey();
    if (ifMatch !== undefined) throw preconditionFailed();
  }
}
