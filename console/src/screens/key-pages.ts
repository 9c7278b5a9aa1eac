// One page of the key list for a filter. Every filter but "Needs attention" is one GET /v1/keys.
// "Needs attention" has no API filter of its own: it is a client-side merge of the API's `alert`
// filter run once per level, most urgent first (expired-critical, then expired, then expiring),
// followed by the keys whose old token awaits deletion (a renewal pending). Those have no API
// filter either; their newest token is new, so they are read from `alert=none` and kept only when
// `renewal` is set (one with an alert was already listed under it, so nothing appears twice).
// The cursor handed back records which of these queries to continue and where, so "Load more"
// walks the merged list page by page like any other.
import type { ApiClient } from '../api/api-client';
import { PAGE_SIZE } from '../api/api-client';
import type { ApiKeyFilter, Key, KeyFilter, KeyPage } from '../api/types';

const PHASES = ['expired-critical', 'expired', 'expiring', 'renewal'] as const;
/** A page of the merged list stops after this many API calls, so a sparse phase cannot stall it. */
const MAX_CALLS_PER_PAGE = 6;

interface AttentionCursor {
  phase: number;
  cursor: string | null;
}

export async function loadKeyPage(api: ApiClient, filter: KeyFilter, from: string | null): Promise<KeyPage> {
  if (filter.alert !== 'attention') return api.listKeys({ ...filter, alert: filter.alert }, from);
  let { phase, cursor }: AttentionCursor = from
    ? (JSON.parse(from) as AttentionCursor)
    : { phase: 0, cursor: null };
  const items: Key[] = [];
  for (
    let calls = 0;
    phase < PHASES.length && items.length < PAGE_SIZE && calls < MAX_CALLS_PER_PAGE;
    calls++
  ) {
    const name = PHASES[phase]!;
    const query: ApiKeyFilter = { ...filter, alert: name === 'renewal' ? 'none' : name };
    const page = await api.listKeys(query, cursor);
    items.push(...(name === 'renewal' ? page.items.filter((key) => key.renewal !== null) : page.items));
    if (page.nextCursor) cursor = page.nextCursor;
    else {
      phase++;
      cursor = null;
    }
  }
  return { items, nextCursor: phase < PHASES.length ? JSON.stringify({ phase, cursor }) : null };
}
