// The unit of work of a change to one key: the key item (conditional on the version read), the
// account's admin-key set when the change adds or removes an admin key, and the change's audit
// entry, the token lookup entries of the tokens the change adds or deletes, plus whatever the
// caller adds (an idempotent replay). Committed together or not at all.
import { isAdminKey } from '../../domain/access';
import type { AuditEntry } from '../../domain/audit';
import type { ApiKey, TokenRecord } from '../../domain/key';
import type { Write } from '../../ports/unit-of-work';
import type { TokenLookupEntry } from '../../ports/token-lookup';
import { shareRevocations } from '../shares/share-writes';

/** Whether a transition adds or removes the key from the account's admin-key set. */
export function adminChange(before: ApiKey | null, after: ApiKey | null): 'add' | 'remove' | undefined {
  const was = before ? isAdminKey(before) : false;
  const is = after ? isAdminKey(after) : false;
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

export function keyChangeWrites(
  before: ApiKey | null,
  after: ApiKey | null,
  entry: AuditEntry,
  extra: readonly Write[] = [],
  /** Only for cutting a leaked token: the account may be left without an admin key. */
  options: { lastAdminMayGo?: boolean } = {},
): Write[] {
  const key = (after ?? before)!;
  const writes: Write[] = [
    after
      ? { type: 'key', key: after, expectedVersion: before?.version, expectedFlag: before?.renewalFlag }
      : { type: 'delete-key', key: before!, expectedVersion: before!.version },
  ];
  const admin = adminChange(before, after);
  if (admin)
    writes.push({
      type: 'admin-keys',
      account: key.account,
      appKey: key.appKey,
      change: admin,
      ...(options.lastAdminMayGo ? { force: true } : {}),
    });
  writes.push(
    ...tokenLookupWrites(before, after),
    ...shareRevocations(before, after),
    { type: 'audit', entry },
    ...extra,
  );
  return writes;
}
