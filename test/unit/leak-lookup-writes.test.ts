// The token lookup is kept in step by key-writes.ts: every create, renew, finish, undo and delete
// puts the entries of the tokens it adds and deletes those of the tokens it removes, in the same
// unit of work; changes that keep the same tokens (edits, re-expiry, leaks) write no entry.
import { PREDEFINED_CATALOG } from '../../shared/domain/roles';
import { keyAuditEntry, SYSTEM, NO_ORIGIN } from '../../shared/domain/audit';
import {
  createKey,
  editKey,
  finishRenewal,
  newTokenRecord,
  reexpireKey,
  renewKey,
  setActive,
  undoRenewal,
  type ApiKey,
} from '../../shared/domain/key';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { keyChangeWrites, tokenLookupWrites } from '../../shared/use-cases/keys/key-writes';
import { applyLeak } from '../../shared/use-cases/leaks/leak-transition';

const T0 = Date.parse('2026-11-26T12:00:00.000Z');
const KEY_ID = 'local:0123456789abcdef';
const token = (id: string) => newTokenRecord(id, { mac: `MAC-${id}`, keyId: KEY_ID }, T0, 90);
const APP_KEY = 'apk-acme-01HZY3V7J8K2M4N6P8Q0R2S4T6';
const created = createKey({
  appKey: APP_KEY,
  account: 'acme',
  name: 'k',
  roles: [],
  token: token('a'),
  nowMs: T0,
});
const put = (id: string) => ({
  type: 'token-lookup',
  entry: { hashKeyId: KEY_ID, mac: `MAC-${id}`, appKey: APP_KEY },
});
const del = (id: string) => ({
  type: 'delete-token-lookup',
  entry: { hashKeyId: KEY_ID, mac: `MAC-${id}`, appKey: APP_KEY },
});

describe('token lookup writes', () => {
  const pending = renewKey(created, token('b'), 'later', T0 + 1);

  it.each<[string, ApiKey | null, ApiKey | null, unknown[]]>([
    ['create puts the first token', null, created, [put('a')]],
    ['renew later puts the new token only', created, pending, [put('b')]],
    [
      'renew now puts the new and deletes the old',
      created,
      renewKey(created, token('b'), 'now', T0 + 1),
      [put('b'), del('a')],
    ],
    ['finish deletes the old token', pending, finishRenewal(pending, T0 + 2), [del('a')]],
    ['undo deletes the new token', pending, undoRenewal(pending, T0 + 2), [del('b')]],
    ['delete removes every token', pending, null, [del('b'), del('a')]],
    ['an edit writes nothing', created, editKey(created, { name: 'x' }, T0 + 1), []],
    ['a deactivation writes nothing', created, setActive(created, false, T0 + 1), []],
    [
      're-expiry writes nothing',
      created,
      reexpireKey(created, { ...DEFAULT_SETTINGS, tokenDurationDays: 30 }, T0 + 1),
      [],
    ],
    [
      'a leak deactivation writes nothing',
      created,
      applyLeak(created, created.tokens[0]!, { url: '', source: 'x' }, T0 + 1)!.after,
      [],
    ],
  ])('%s', (_, before, after, expected) => {
    expect(tokenLookupWrites(before, after)).toEqual(expected);
  });

  it('the entries travel in the same unit of work as the key and its audit entry', () => {
    const after = finishRenewal(pending, T0 + 2);
    const writes = keyChangeWrites(
      pending,
      after,
      keyAuditEntry('renewal.finished', SYSTEM, NO_ORIGIN, pending, after, T0 + 2),
      [],
      { catalog: PREDEFINED_CATALOG },
    );
    expect(writes.map((w) => w.type)).toEqual(['key', 'delete-token-lookup', 'audit']);
  });

  it('a leaked old token of a pending renewal finishes the renewal: its entry is deleted', () => {
    const decision = applyLeak(pending, pending.tokens[1]!, { url: 'u', source: 's' }, T0 + 3)!;
    expect(decision.outcome).toBe('renewal-finished');
    expect(tokenLookupWrites(pending, decision.after)).toEqual([del('a')]);
    expect(decision.after).toMatchObject({
      status: 'active',
      renewal: null,
      leak: { url: 'u', source: 's' },
    });
  });

  it('an inactive key that already records a leak has nothing left to do', () => {
    const cut = applyLeak(created, created.tokens[0]!, { url: 'u', source: 's' }, T0 + 1)!.after;
    expect(cut).toMatchObject({ status: 'inactive', version: 2 });
    expect(applyLeak(cut, cut.tokens[0]!, { url: 'v', source: 's' }, T0 + 2)).toBeNull();
    // Inactive without a leak record: the leak is still recorded, so reactivation shows it.
    const inactive = setActive(created, false, T0 + 1);
    expect(applyLeak(inactive, inactive.tokens[0]!, { url: 'w', source: 's' }, T0 + 2)!.after).toMatchObject({
      status: 'inactive',
      version: inactive.version + 1,
      leak: { url: 'w' },
    });
  });
});
