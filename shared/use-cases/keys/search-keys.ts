// A search (GET /v1/keys?search=...) through the account's search directory: one read of every
// entry (1 + keys/1,000 items), matching and the status filter in memory, then only the page's
// keys fetched. The alert filter needs each key's tokens, so it is judged on the fetched keys
// (in batches, within the list's read budget). Every fetched key is judged again by the full
// filter, so the page always agrees with the keys themselves.
import type { ApiKey } from '../../domain/key';
import { folded } from '../../domain/search';
import type { DirectoryEntry, KeyDirectory, KeyPage } from '../../ports';
import type { ListQuery } from './read-keys';

/** Keys fetched per BatchGetItem when the alert filter may reject some of them. */
const ALERT_BATCH = 100;

/**
 * What every matching entry's folded name or lower-case id must contain, or nothing when the
 * search may match the appKey's `apk-{account}-` part: a needle without `-` that is not inside
 * that part can only match within the id or the name.
 */
const hintOf = (account: string, needle: string): string | undefined =>
  needle.includes('-') || `apk-${account}-`.includes(needle) ? undefined : needle;

/** Entries that can match, newest first, after the cursor. */
function candidates(entries: DirectoryEntry[], account: string, query: ListQuery): DirectoryEntry[] {
  const needle = folded(query.search ?? '');
  const appKeyPrefix = `apk-${account}-`;
  return entries
    .filter(
      (e) =>
        (query.after === null || e.id < query.after) &&
        (!query.status || e.status === query.status) &&
        (e.folded.includes(needle) || (appKeyPrefix + e.id.toLowerCase()).includes(needle)),
    )
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/**
 * The page, or null while the account's directory is incomplete (its backfill has not run): the
 * caller then pages through the keys themselves, as before the directory.
 */
export async function searchPage(
  directory: KeyDirectory,
  account: string,
  query: ListQuery,
  accept: (key: ApiKey) => boolean,
  budget: number,
): Promise<KeyPage | null> {
  const entries = await directory.entries(account, hintOf(account, folded(query.search ?? '')));
  if (!entries) return null;
  const found = candidates(entries, account, query);
  const items: ApiKey[] = [];
  let examined = 0;
  while (examined < found.length && items.length < query.limit) {
    // Out of budget for a selective alert filter: hand back what we have and where to go on.
    if (examined >= budget) return { items, next: found[examined - 1]!.id };
    const size = query.alert ? ALERT_BATCH : query.limit - items.length;
    const ids = found.slice(examined, examined + size).map((e) => e.id);
    const keys = new Map((await directory.keys(account, ids)).map((k) => [idOf(k), k]));
    for (const id of ids) {
      examined++;
      const key = keys.get(id);
      if (key && accept(key)) items.push(key);
      if (items.length === query.limit) break;
    }
  }
  // With the alert filter, the candidates left may all fail it: the next page is then empty
  // (with nextCursor null), which costs one request and never hides a key.
  const more = items.length === query.limit && examined < found.length;
  return { items, next: more ? idOf(items[items.length - 1]!) : null };
}

const idOf = (key: ApiKey): string => key.appKey.slice(key.appKey.lastIndexOf('-') + 1);
