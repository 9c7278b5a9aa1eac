// Which keys a caller may see and change: the tenancy rule (another account's key is
// indistinguishable from none) and API.md 1.1's "acting on other keys" rule, each in one place.
// The route permission itself is checked once, from the route table (shared/http/middleware.ts).
import { checkCanActOn } from '../../domain/access';
import { notFound } from '../../domain/errors';
import { parseAppKey } from '../../domain/ids';
import type { ApiKey } from '../../domain/key';
import type { KeyRepository } from '../../ports';
import type { Caller } from '../caller';
import type { RoleCatalog } from '../../domain/roles';

/** A key of the caller's account. */
export async function loadKey(
  keys: Pick<KeyRepository, 'getKey'>,
  caller: Caller,
  appKey: string,
): Promise<ApiKey> {
  if (parseAppKey(appKey)?.account !== caller.account) throw notFound();
  const key = await keys.getKey(appKey);
  if (!key || key.account !== caller.account) throw notFound();
  return key;
}

/** A key the caller is about to change: judged on the state just read, so retries re-judge. */
export async function loadKeyToChange(
  keys: Pick<KeyRepository, 'getKey'>,
  caller: Caller,
  appKey: string,
  catalogFor: (roles: readonly string[]) => Promise<RoleCatalog>,
): Promise<{ key: ApiKey; catalog: RoleCatalog }> {
  const key = await loadKey(keys, caller, appKey);
  const catalog = await catalogFor(key.roles);
  checkCanActOn(caller.permissions, key.roles, catalog);
  return { key, catalog };
}
