// The API key entity and its lifecycle: create, edit, activate/deactivate and the renewal state
// machine. Every function is pure: it takes the current key and returns the next one, with
// `version` bumped only when something really changed (so repeated deactivations are no-ops).
import { DomainError, validationError } from './errors';
import { alertOf, type Alert, type FlagLevel } from './expiry';
import { permissionsOf } from './access';
import { reexpire, type Settings } from './settings';
import { addDays, iso } from './time';

export type KeyStatus = 'active' | 'inactive';

export interface LeakReport {
  reportedAt: string;
  url: string;
  source: string;
  /** The leaked token's id (internal): the record is dropped once that token is gone. */
  tokenId?: string;
}

/** A leak record outlives its token only until the next renewal step removes a token. */
const withoutStaleLeak = (key: ApiKey): ApiKey =>
  key.leak?.tokenId && !key.tokens.some((t) => t.id === key.leak!.tokenId) ? { ...key, leak: null } : key;
export type TokenState = 'active' | 'pending-deletion';
export type DeleteOldToken = 'now' | 'later';

/** A token as stored: only its keyed hash, and the id of the MAC key that produced the hash. */
export interface TokenRecord {
  id: string;
  createdAt: string;
  expiresAt: string;
  state: TokenState;
  hash: string;
  hashKeyId: string;
}

export interface RenewalFlag {
  level: FlagLevel;
  flaggedAt: string;
}

export interface ApiKey {
  appKey: string;
  account: string;
  name: string;
  roles: string[];
  status: KeyStatus;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Newest first; two entries only while a renewal awaits deletion of the old token. */
  tokens: TokenRecord[];
  renewal: { startedAt: string } | null;
  renewalFlag: RenewalFlag | null;
  lastUsedAt: string | null;
  /** The single-access link that carries the newest token, while it is unopened (id internal). */
  share: { id: string; expiresAt: string } | null;
  /** Set when a secret scanner reported one of the key's tokens in public code. */
  leak: LeakReport | null;
  /** When the expiry scan must next look at this key (domain/expiry-watch.ts); null: never. */
  dueAt: string | null;
  /**
   * Which item of the account's search directory holds this key's entry, fixed when the key is
   * created (or backfilled); absent for a key from before the directory existed. Opaque here.
   */
  directoryShard?: number;
  /**
   * The revision of the account's role catalog its roles were judged on (0: predefined roles
   * only). A verification whose cached catalog is older reads it afresh, so a role definition
   * changed since cannot lend its old permissions to a key that was given the role after the change.
   */
  rolesRevision?: number;
}

export const MAX_NAME_LENGTH = 100;

export function normalizeName(name: string): string {
  const trimmed = name.trim();
  // Characters are code points, as JSON Schema's maxLength counts them (an emoji is one, not two
  // UTF-16 units); invisible format characters such as a zero-width space alone are blank.
  const length = [...trimmed].length;
  if (!/[^\s\p{Cf}]/u.test(trimmed) || length > MAX_NAME_LENGTH) {
    throw validationError('The key name is not valid.', [
      { path: 'name', message: `Must be 1 to ${MAX_NAME_LENGTH} characters, not blank.` },
    ]);
  }
  return trimmed;
}

export function newTokenRecord(
  id: string,
  hash: { mac: string; keyId: string },
  nowMs: number,
  durationDays: number,
): TokenRecord {
  const createdAt = iso(nowMs);
  return {
    id,
    createdAt,
    expiresAt: addDays(createdAt, durationDays),
    state: 'active',
    hash: hash.mac,
    hashKeyId: hash.keyId,
  };
}

export function createKey(input: {
  appKey: string;
  account: string;
  name: string;
  roles: string[];
  token: TokenRecord;
  nowMs: number;
}): ApiKey {
  const now = iso(input.nowMs);
  return {
    appKey: input.appKey,
    account: input.account,
    name: normalizeName(input.name),
    roles: [...input.roles],
    status: 'active',
    createdAt: now,
    updatedAt: now,
    version: 1,
    tokens: [input.token],
    renewal: null,
    renewalFlag: null,
    lastUsedAt: null,
    share: null,
    leak: null,
    dueAt: null,
  };
}

const bump = (key: ApiKey, change: Partial<ApiKey>, nowMs: number): ApiKey => ({
  ...key,
  ...change,
  updatedAt: iso(nowMs),
  version: key.version + 1,
});

export interface KeyEdit {
  name?: string;
  roles?: string[];
  active?: boolean;
}

/** Applies an edit; returns the same object when the edit changes nothing. */
export function editKey(key: ApiKey, edit: KeyEdit, nowMs: number): ApiKey {
  const change: Partial<ApiKey> = {};
  if (edit.name !== undefined) {
    const name = normalizeName(edit.name);
    if (name !== key.name) change.name = name;
  }
  if (edit.roles !== undefined && edit.roles.join('\n') !== key.roles.join('\n'))
    change.roles = [...edit.roles];
  if (edit.active !== undefined) {
    const status: KeyStatus = edit.active ? 'active' : 'inactive';
    if (status !== key.status) change.status = status;
  }
  return Object.keys(change).length === 0 ? key : bump(key, change, nowMs);
}

export const setActive = (key: ApiKey, active: boolean, nowMs: number): ApiKey =>
  editKey(key, { active }, nowMs);

export const renewalPending = (): DomainError =>
  new DomainError(
    'renewal-pending',
    'An old token still awaits deletion: finish or undo that renewal first.',
  );

/**
 * Starts a renewal. `later` keeps the old token working (state pending-deletion) until the renewal is
 * finished or undone; `now` replaces it at once. Either way the expiry clock restarts with the new
 * token and any renewal flag raised by the expiry scan is cleared.
 */
export function renewKey(key: ApiKey, token: TokenRecord, mode: DeleteOldToken, nowMs: number): ApiKey {
  if (key.renewal) throw renewalPending();
  const current = key.tokens[0]!;
  const tokens: TokenRecord[] = mode === 'now' ? [token] : [token, { ...current, state: 'pending-deletion' }];
  return withoutStaleLeak(
    bump(
      key,
      // A link still carrying the previous token is revoked: the new token gets its own delivery.
      { tokens, renewal: mode === 'now' ? null : { startedAt: iso(nowMs) }, renewalFlag: null, share: null },
      nowMs,
    ),
  );
}

const requirePendingRenewal = (key: ApiKey): void => {
  if (!key.renewal || key.tokens.length < 2) {
    throw new DomainError('no-pending-renewal', 'This key has no renewal in progress.');
  }
};

/** Finishes a renewal: the old token is deleted and stops authenticating. */
export function finishRenewal(key: ApiKey, nowMs: number): ApiKey {
  requirePendingRenewal(key);
  return withoutStaleLeak(
    bump(key, { tokens: key.tokens.filter((t) => t.state === 'active'), renewal: null }, nowMs),
  );
}

/** Undoes a renewal: the new token is deleted and the old one becomes the only, active token. */
export function undoRenewal(key: ApiKey, nowMs: number): ApiKey {
  requirePendingRenewal(key);
  const old = key.tokens.find((t) => t.state === 'pending-deletion')!;
  // The new token is gone, and with it any link that carries it.
  return withoutStaleLeak(
    bump(key, { tokens: [{ ...old, state: 'active' }], renewal: null, share: null }, nowMs),
  );
}

/** The key's link while it can still be opened (an expired one is gone, whatever the item says). */
const liveShare = (key: ApiKey, nowMs: number): boolean =>
  key.share !== null && Date.parse(key.share.expiresAt) > nowMs;

/** Revokes the key's unopened link (DELETE /v1/keys/{appKey}/share). */
export function revokeShare(key: ApiKey, nowMs: number): ApiKey {
  if (!liveShare(key, nowMs)) throw new DomainError('not-found', 'This key has no unopened link.');
  return bump(key, { share: null }, nowMs);
}

/** Applies a change of the account's token duration to this key's tokens (see settings.reexpire). */
export function reexpireKey(key: ApiKey, settings: Settings, nowMs: number): ApiKey {
  const tokens = key.tokens.map((t) => ({
    ...t,
    expiresAt: reexpire(t, settings.tokenDurationDays, settings.expiryWarningDays, nowMs),
  }));
  const changed = tokens.some((t, i) => t.expiresAt !== key.tokens[i]!.expiresAt);
  return changed ? bump(key, { tokens }, nowMs) : key;
}

/** The alert of a key is the alert of its newest token. */
export const alertOfKey = (key: ApiKey, settings: Settings, nowMs: number): Alert =>
  alertOf(key.tokens[0]!.expiresAt, settings.expiryWarningDays, nowMs);

/** The public representation (API.md `Key`): no hashes, alert computed at read time. */
export function keyView(key: ApiKey, settings: Settings, nowMs: number) {
  return {
    appKey: key.appKey,
    name: key.name,
    account: key.account,
    roles: key.roles,
    status: key.status,
    createdAt: key.createdAt,
    updatedAt: key.updatedAt,
    version: key.version,
    tokens: key.tokens.map((t) => ({
      id: t.id,
      createdAt: t.createdAt,
      expiresAt: t.expiresAt,
      state: t.state,
    })),
    renewal: key.renewal,
    alert: alertOfKey(key, settings, nowMs),
    renewalFlag: key.renewalFlag,
    lastUsedAt: key.lastUsedAt,
    share: liveShare(key, nowMs) ? { expiresAt: key.share!.expiresAt } : null,
    leak: key.leak ? { reportedAt: key.leak.reportedAt, url: key.leak.url, source: key.leak.source } : null,
  };
}
export type KeyView = ReturnType<typeof keyView>;

export const permissionsOfKey = (key: ApiKey): string[] => permissionsOf(key.roles);
