// The key entity and its life cycle (API.md "Objects" and "Details"): create, edit, activate and
// deactivate, the renewal state machine, re-expiry on a settings change and the public view.
import { DomainError } from '../../shared/domain/errors';
import {
  createKey,
  editKey,
  finishRenewal,
  keyView,
  newTokenRecord,
  permissionsOfKey,
  reexpireKey,
  renewKey,
  setActive,
  undoRenewal,
  type ApiKey,
  type TokenRecord,
} from '../../shared/domain/key';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/domain/settings';
import { KeySchema } from '../../shared/http/schemas';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-26T12:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();
const settings: Settings = { ...DEFAULT_SETTINGS };

const token = (id: string, nowMs: number, durationDays = 90): TokenRecord =>
  newTokenRecord(id, { mac: `HASH-OF-${id}`, keyId: 'local:0123456789abcdef' }, nowMs, durationDays);

const aKey = (overrides: Partial<Parameters<typeof createKey>[0]> = {}): ApiKey =>
  createKey({
    appKey: 'apk-shop-01KB0000000000000000000000',
    account: 'shop',
    name: 'ERP',
    roles: ['catalog-read'],
    token: token('tok_old', T0),
    nowMs: T0,
    ...overrides,
  });

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
  return undefined;
};

describe('a token record', () => {
  it('expires createdAt + tokenDurationDays after creation and starts active', () => {
    const record = newTokenRecord('tok_1', { mac: 'bWFj', keyId: 'k1' }, T0, 30);

    expect(record).toEqual({
      id: 'tok_1',
      createdAt: iso(T0),
      expiresAt: iso(T0 + 30 * DAY),
      state: 'active',
      hash: 'bWFj',
      hashKeyId: 'k1',
    });
  });
});

describe('creating a key', () => {
  it('gives an active key at version 1 with one token and no renewal, flag or use', () => {
    const first = token('tok_1', T0);

    const key = aKey({ token: first });

    // toMatchObject: the entity may carry internal bookkeeping beyond the fields API.md fixes.
    expect(key).toMatchObject({
      appKey: 'apk-shop-01KB0000000000000000000000',
      account: 'shop',
      name: 'ERP',
      roles: ['catalog-read'],
      status: 'active',
      createdAt: iso(T0),
      updatedAt: iso(T0),
      version: 1,
      tokens: [first],
      renewal: null,
      renewalFlag: null,
      lastUsedAt: null,
    });
  });

  it('trims the name', () => {
    expect(aKey({ name: '  ERP connector \n' }).name).toBe('ERP connector');
  });

  it('accepts a name of 100 characters and rejects blank or longer names, naming the field', () => {
    expect(aKey({ name: 'x'.repeat(100) }).name).toHaveLength(100);
    for (const name of ['', '   ', 'x'.repeat(101)]) {
      expect(codeOf(() => aKey({ name }))).toBe('validation-error');
    }
    try {
      aKey({ name: ' ' });
    } catch (error) {
      expect((error as DomainError).errors).toEqual([expect.objectContaining({ path: 'name' })]);
    }
  });

  it('keeps roles in the order given and copies them', () => {
    const roles = ['orders-read', 'catalog-read'];

    const key = aKey({ roles });
    roles.push('owner');

    expect(key.roles).toEqual(['orders-read', 'catalog-read']);
  });
});

describe('editing a key', () => {
  it('returns the very same object and version when nothing changes', () => {
    const key = aKey();

    const same = editKey(key, { name: ' ERP ', roles: ['catalog-read'], active: true }, T0 + DAY);

    expect(same).toBe(key);
    expect(same.version).toBe(1);
    expect(same.updatedAt).toBe(iso(T0));
  });

  it('returns the same object for an empty edit', () => {
    const key = aKey();

    expect(editKey(key, {}, T0 + DAY)).toBe(key);
  });

  it('bumps the version by exactly one and stamps updatedAt on a change, leaving the input intact', () => {
    const key = aKey();

    const renamed = editKey(key, { name: 'Warehouse' }, T0 + DAY);

    expect(renamed.name).toBe('Warehouse');
    expect(renamed.version).toBe(2);
    expect(renamed.updatedAt).toBe(iso(T0 + DAY));
    expect(renamed.createdAt).toBe(iso(T0));
    expect(key.name).toBe('ERP');
    expect(key.version).toBe(1);
  });

  it('bumps the version once for an edit that changes several fields', () => {
    const edited = editKey(aKey(), { name: 'New', roles: ['orders-read'], active: false }, T0 + 1);

    expect(edited).toMatchObject({ name: 'New', roles: ['orders-read'], status: 'inactive', version: 2 });
  });

  it('treats a new order of the same roles as a change (roles are kept in the order given)', () => {
    const key = aKey({ roles: ['catalog-read', 'orders-read'] });

    const reordered = editKey(key, { roles: ['orders-read', 'catalog-read'] }, T0 + 1);

    expect(reordered.roles).toEqual(['orders-read', 'catalog-read']);
    expect(reordered.version).toBe(2);
  });

  it('treats removing all roles as a change', () => {
    expect(editKey(aKey(), { roles: [] }, T0 + 1)).toMatchObject({ roles: [], version: 2 });
  });

  it('rejects a blank new name', () => {
    expect(codeOf(() => editKey(aKey(), { name: '  ' }, T0 + 1))).toBe('validation-error');
  });
});

describe('activating and deactivating a key', () => {
  it('deactivates with a version bump and is a no-op the second time', () => {
    const key = aKey();

    const off = setActive(key, false, T0 + 1);
    const offAgain = setActive(off, false, T0 + 2);

    expect(off).toMatchObject({ status: 'inactive', version: 2, updatedAt: iso(T0 + 1) });
    expect(offAgain).toBe(off);
    expect(offAgain.version).toBe(2);
  });

  it('does not bump the version when activating an active key', () => {
    const key = aKey();

    expect(setActive(key, true, T0 + 1)).toBe(key);
  });

  it('reactivates an inactive key with a version bump', () => {
    const off = setActive(aKey(), false, T0 + 1);

    expect(setActive(off, true, T0 + 2)).toMatchObject({ status: 'active', version: 3 });
  });
});

describe('renewing a token', () => {
  const flagged = (): ApiKey => ({
    ...aKey(),
    renewalFlag: { level: 'expiring', flaggedAt: iso(T0 + 80 * DAY) },
  });

  it('later: keeps both tokens, newest first, the old one pending deletion, and records the renewal', () => {
    const key = flagged();
    const old = key.tokens[0]!;
    const fresh = token('tok_new', T0 + 85 * DAY);

    const renewed = renewKey(key, fresh, 'later', T0 + 85 * DAY);

    expect(renewed.tokens).toEqual([fresh, { ...old, state: 'pending-deletion' }]);
    expect(renewed.tokens[1]!.expiresAt).toBe(old.expiresAt);
    expect(renewed.renewal).toEqual({ startedAt: iso(T0 + 85 * DAY) });
    expect(renewed.renewalFlag).toBeNull();
    expect(renewed.version).toBe(key.version + 1);
    expect(renewed.updatedAt).toBe(iso(T0 + 85 * DAY));
  });

  it('now: replaces the old token at once, with no renewal pending and the flag cleared', () => {
    const key = flagged();
    const fresh = token('tok_new', T0 + 85 * DAY);

    const renewed = renewKey(key, fresh, 'now', T0 + 85 * DAY);

    expect(renewed.tokens).toEqual([fresh]);
    expect(renewed.renewal).toBeNull();
    expect(renewed.renewalFlag).toBeNull();
    expect(renewed.version).toBe(key.version + 1);
  });

  it('restarts the expiry clock: the key alert is that of the new token', () => {
    const key = aKey();
    const at = T0 + 85 * DAY;
    expect(keyView(key, settings, at).alert).toBe('expiring');

    const renewed = renewKey(key, token('tok_new', at), 'later', at);

    expect(renewed.tokens[0]!.expiresAt).toBe(iso(at + 90 * DAY));
    expect(keyView(renewed, settings, at).alert).toBe('none');
  });

  it('refuses a second renewal, in either mode, while an old token awaits deletion', () => {
    const pending = renewKey(aKey(), token('tok_2', T0 + 1), 'later', T0 + 1);

    expect(codeOf(() => renewKey(pending, token('tok_3', T0 + 2), 'later', T0 + 2))).toBe('renewal-pending');
    expect(codeOf(() => renewKey(pending, token('tok_3', T0 + 2), 'now', T0 + 2))).toBe('renewal-pending');
  });

  it('allows another renewal after a renewal with deleteOldToken now', () => {
    const once = renewKey(aKey(), token('tok_2', T0 + 1), 'now', T0 + 1);

    const twice = renewKey(once, token('tok_3', T0 + 2), 'now', T0 + 2);

    expect(twice.tokens.map((t) => t.id)).toEqual(['tok_3']);
    expect(twice.version).toBe(3);
  });

  it('finish: deletes the old token and ends the renewal', () => {
    const pending = renewKey(aKey(), token('tok_new', T0 + 1), 'later', T0 + 1);

    const finished = finishRenewal(pending, T0 + 2);

    expect(finished.tokens).toEqual([pending.tokens[0]]);
    expect(finished.tokens[0]).toMatchObject({ id: 'tok_new', state: 'active' });
    expect(finished.renewal).toBeNull();
    expect(finished.version).toBe(pending.version + 1);
    expect(finished.updatedAt).toBe(iso(T0 + 2));
  });

  it('undo: deletes the new token and makes the old one the only, active token', () => {
    const key = aKey();
    const old = key.tokens[0]!;
    const pending = renewKey(key, token('tok_new', T0 + 1), 'later', T0 + 1);

    const undone = undoRenewal(pending, T0 + 2);

    expect(undone.tokens).toEqual([old]);
    expect(undone.tokens[0]!.state).toBe('active');
    expect(undone.renewal).toBeNull();
    expect(undone.version).toBe(pending.version + 1);
  });

  it('allows a new renewal once the pending one is finished or undone', () => {
    const pending = renewKey(aKey(), token('tok_2', T0 + 1), 'later', T0 + 1);

    for (const settled of [finishRenewal(pending, T0 + 2), undoRenewal(pending, T0 + 2)]) {
      expect(() => renewKey(settled, token('tok_3', T0 + 3), 'later', T0 + 3)).not.toThrow();
    }
  });

  it('refuses to finish or undo when no renewal is pending', () => {
    const key = aKey();
    const renewedNow = renewKey(key, token('tok_2', T0 + 1), 'now', T0 + 1);
    const finished = finishRenewal(renewKey(key, token('tok_2', T0 + 1), 'later', T0 + 1), T0 + 2);

    for (const settled of [key, renewedNow, finished]) {
      expect(codeOf(() => finishRenewal(settled, T0 + 3))).toBe('no-pending-renewal');
      expect(codeOf(() => undoRenewal(settled, T0 + 3))).toBe('no-pending-renewal');
    }
  });
});

describe('re-expiring a key after a settings change', () => {
  it('moves every token to createdAt + the new duration and bumps the version once', () => {
    const pending = renewKey(aKey(), token('tok_new', T0 + 10 * DAY), 'later', T0 + 10 * DAY);
    const longer: Settings = { ...settings, tokenDurationDays: 180 };

    const reexpired = reexpireKey(pending, longer, T0 + 11 * DAY);

    expect(reexpired.tokens.map((t) => t.expiresAt)).toEqual([
      iso(T0 + 10 * DAY + 180 * DAY),
      iso(T0 + 180 * DAY),
    ]);
    expect(reexpired.tokens.map((t) => t.hash)).toEqual(pending.tokens.map((t) => t.hash));
    expect(reexpired.version).toBe(pending.version + 1);
  });

  it('applies the grace floor when shortening', () => {
    const key = aKey({ token: token('tok_1', T0, 365) });
    const now = T0 + 50 * DAY;

    const reexpired = reexpireKey(key, { ...settings, tokenDurationDays: 30, expiryWarningDays: 14 }, now);

    expect(reexpired.tokens[0]!.expiresAt).toBe(iso(now + 14 * DAY));
  });

  it('returns the same object when no expiry changes', () => {
    const key = aKey();

    expect(reexpireKey(key, settings, T0 + DAY)).toBe(key);
  });
});

describe('the public view of a key', () => {
  const pending = renewKey(aKey(), token('tok_new', T0 + DAY), 'later', T0 + DAY);

  it('never contains a hash or the id of the hashing key', () => {
    const view = keyView(pending, settings, T0 + DAY);
    const json = JSON.stringify(view);

    expect(json).not.toContain('hash');
    expect(json).not.toContain('hashKeyId');
    expect(json).not.toContain('HASH-OF-');
    expect(json).not.toContain('local:0123456789abcdef');
    for (const t of view.tokens)
      expect(Object.keys(t).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'state']);
  });

  it('has exactly the fields of the Key object of API.md and satisfies the response schema', () => {
    const view = keyView(pending, settings, T0 + DAY);

    expect(Object.keys(view).sort()).toEqual(
      [
        'account',
        'alert',
        'appKey',
        'createdAt',
        'lastUsedAt',
        'leak',
        'name',
        'renewal',
        'renewalFlag',
        'roles',
        'share',
        'status',
        'tokens',
        'updatedAt',
        'version',
      ].sort(),
    );
    expect(KeySchema.safeParse(view).success).toBe(true);
  });

  it('computes the alert of the newest token at read time', () => {
    const key = aKey();
    const expiry = T0 + 90 * DAY;

    expect(keyView(key, settings, expiry - 15 * DAY).alert).toBe('none');
    expect(keyView(key, settings, expiry - 14 * DAY).alert).toBe('expiring');
    expect(keyView(key, settings, expiry).alert).toBe('expired');
    expect(keyView(key, settings, expiry + 90 * DAY).alert).toBe('expired-critical');
    expect(keyView(key, { ...settings, expiryWarningDays: 20 }, expiry - 15 * DAY).alert).toBe('expiring');
  });

  it('reports the permissions of the key roles', () => {
    expect(permissionsOfKey(aKey({ roles: ['catalog-write', 'key-viewer'] }))).toEqual([
      'catalog:read',
      'catalog:write',
      'keys:view',
    ]);
  });
});

describe('a leak record follows its token', () => {
  const T = Date.parse('2026-11-26T12:00:00.000Z');
  const record = (id: string): TokenRecord => ({
    id,
    createdAt: new Date(T).toISOString(),
    expiresAt: new Date(T + 90 * 86_400_000).toISOString(),
    state: 'active',
    hash: id,
    hashKeyId: 'k',
  });
  const leaked = (): ApiKey => ({
    ...createKey({
      appKey: 'apk-shop-01KB0000000000000000000000',
      account: 'shop',
      name: 'ERP',
      roles: [],
      token: record('tok_a'),
      nowMs: T,
    }),
    leak: {
      reportedAt: new Date(T).toISOString(),
      url: 'https://example.test/x',
      source: 'content',
      tokenId: 'tok_a',
    },
  });

  it('is dropped when a renewal deletes the leaked token at once', () => {
    expect(renewKey(leaked(), record('tok_b'), 'now', T + 1).leak).toBeNull();
  });

  it('stays while the leaked token is still there (renew later), and goes when the renewal finishes', () => {
    const pending = renewKey(leaked(), record('tok_b'), 'later', T + 1);
    expect(pending.leak?.tokenId).toBe('tok_a');
    expect(finishRenewal(pending, T + 2).leak).toBeNull();
  });

  it('is never shown with its token id', () => {
    expect(keyView(leaked(), DEFAULT_SETTINGS, T).leak).toEqual({
      reportedAt: new Date(T).toISOString(),
      url: 'https://example.test/x',
      source: 'content',
    });
  });
});
