// GET /v1/external-keys: the account's grants, newest first, filtered by search (appKey or owner,
// case- and accent-insensitive) and status. An account holds at most 1,000 grants, so the page is
// cut from one bounded Query of them all; the cursor is the position of the last one shown.
import { externalKeyView, type ExternalKeyView } from '../../domain/external-grant';
import { folded, matchesSearch } from '../../domain/search';
import { decodeCursor, encodeCursor } from '../../http/cursor';
import type { GrantStore } from '../../ports/roles';

export interface ExternalKeyQuery {
  search?: string;
  status?: 'active' | 'inactive';
  limit: number;
  cursor?: string;
}

/** `{addedAt}|{appKey}`: the sort position of a grant. */
const POSITION = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\|apk-[a-z][a-z0-9]{2,29}-[0-9A-HJKMNP-TV-Z]{26}$/;

export async function listExternalKeys(
  grants: GrantStore,
  account: string,
  query: ExternalKeyQuery,
): Promise<{ items: ExternalKeyView[]; nextCursor: string | null }> {
  const after = decodeCursor(query.cursor, POSITION);
  const needle = query.search === undefined ? undefined : folded(query.search);
  const position = (g: { addedAt: string; appKey: string }): string => `${g.addedAt}|${g.appKey}`;
  const matching = (await grants.listGrants(account))
    .filter(
      (g) =>
        (!needle || matchesSearch(needle, g.appKey, g.owner)) && (!query.status || g.status === query.status),
    )
    .sort((a, b) => (position(a) < position(b) ? 1 : position(a) > position(b) ? -1 : 0))
    .filter((g) => after === null || position(g) < after);
  const page = matching.slice(0, query.limit);
  const more = matching.length > page.length;
  return {
    items: page.map(externalKeyView),
    nextCursor: more ? encodeCursor(position(page[page.length - 1]!)) : null,
  };
}
