// The unit of work of a change to one key: the key item (conditional on the version read), the
// account's admin-key set when the change adds or removes an admin key, its search directory
// entry, the change's audit entry, the token lookup entries of the tokens the change adds or
// deletes, plus whatever the caller adds (an idempotent replay). Committed together or not at all.
import { isAdminKey } from '../../domain/access';
import { isPredefinedRole, type RoleCatalog } from '../../domain/roles';
import type { AuditEntry } from '../../domain/audit';
import type { ApiKey, TokenRecord } from '../../domain/key';
import type { Write } from '../../ports/unit-of-work';
import type { TokenLookupEntry } from '../../ports/token-lookup';
import { shareRevocations } from '../shares/share-writes';
import { directoryWrite } from './directory-writes';

/** Whether a transition adds or removes the key from the account's admin-key set. */
export function adminChange(
  before: ApiKey | null,
  after: ApiKey | null,
  catalog: RoleCatalog,
): 'add' | 'remove' | undefined {
  const was = before ? isAdminKey(before, catalog) : false;
  const is = after ? isAdminKey(after, catalog) : false;
  return was === is ? undefined : is ? 'add' : 'remove';
}

const lookupEntry = (appKey: string, t: TokenRecord): TokenLookupEntry => ({
  hashKeyId: t.hashKeyId,
  mac: t.hash,
  appKey,
});
const tokenIdentity = (t: TokenRecord): string => `${t.hashKeyId}\n${t.hash}`;

/**
 * The lookup entries that keep the token lookup in step with the key: one put per token the change
 * adds, one delete per token it removes. Tokens are told apart by their hash, not their id or
 * state, so a renewal's old token turning pending (or active again on undo) writes nothing.
 */
export function tokenLookupWrites(before: ApiKey | null, after: ApiKey | null): Write[] {
  const had = new Set((before?.tokens ?? []).map(tokenIdentity));
  const has = new Set((after?.tokens ?? []).map(tokenIdentity));
  const writes: Write[] = [];
  for (const t of after?.tokens ?? [])
    if (!had.has(tokenIdentity(t)))
      writes.push({ type: 'token-lookup', entry: lookupEntry(after!.appKey, t) });
  for (const t of before?.tokens ?? [])
    if (!has.has(tokenIdentity(t)))
      writes.push({ type: 'delete-token-lookup', entry: lookupEntry(before!.appKey, t) });
  return writes;
}

/**
 * Keeps the holder counts of custom roles in step with the keys and grants holding them: +1 for
 * each custom role gained (conditional on the role still existing at the version the change was
 * judged on, so a concurrent deletion or redefinition makes this change fail and be re-judged), -1
 * for each one lost. Nothing when only predefined roles move.
 */
export function roleHolderWrite(
  account: string,
  before: readonly string[],
  after: readonly string[],
  catalog: RoleCatalog,
  grants: 1 | -1 | undefined,
  /** The change's time (the domain clock's), stamped on roles that lose a holder. */
  nowMs: number,
): Write | undefined {
  const holders: Record<string, { delta: number; expectedVersion?: number; expectedIncarnation?: number }> =
    {};
  for (const id of after)
    if (!isPredefinedRole(id) && !before.includes(id)) {
      const role = catalog.findCustom(id);
      holders[id] = {
        delta: 1,
        expectedVersion: role?.version ?? 0,
        expectedIncarnation: role?.incarnation ?? 0,
      };
    }
  for (const id of before) if (!isPredefinedRole(id) && !after.includes(id)) holders[id] = { delta: -1 };
  if (Object.keys(holders).length === 0 && !grants) return undefined;
  return {
    type: 'role-holders',
    account,
    holders,
    nowIso: new Date(nowMs).toISOString(),
    ...(grants ? { grants } : {}),
  };
}

export function keyChangeWrites(
  before: ApiKey | null,
  after: ApiKey | null,
  entry: AuditEntry,
  extra: readonly Write[] = [],
  options: {
    /** The account's roles, as the change was judged. */
    catalog: RoleCatalog;
    /** Only for cutting a leaked token: the account may be left without an admin key. */
    lastAdminMayGo?: boolean;
  },
): Write[] {
  const key = (after ?? before)!;
  // A change of roles records the catalog revision it was judged on (ApiKey.rolesRevision).
  const rolesMoved = after && JSON.stringify(after.roles) !== JSON.stringify(before?.roles ?? []);
  const stored = after && rolesMoved ? { ...after, rolesRevision: options.catalog.revision } : after;
  const writes: Write[] = [
    stored
      ? { type: 'key', key: stored, expectedVersion: before?.version, expectedFlag: before?.renewalFlag }
      : { type: 'delete-key', key: before!, expectedVersion: before!.version },
  ];
  const admin = adminChange(before, after, options.catalog);
  if (admin)
    writes.push({
      type: 'admin-keys',
      account: key.account,
      appKey: key.appKey,
      change: admin,
      ...(options.lastAdminMayGo ? { force: true } : {}),
    });
  const holders = roleHolderWrite(
    key.account,
    before?.roles ?? [],
    after?.roles ?? [],
    options.catalog,
    undefined,
    Date.parse(entry.at),
  );
  if (holders) writes.push(holders);
  const directory = directoryWrite(before, after);
  if (directory) writes.push(directory);
  writes.push(
    ...tokenLookupWrites(before, after),
    ...shareRevocations(before, after),
    { type: 'audit', entry },
    ...extra,
  );
  return writes;
}
