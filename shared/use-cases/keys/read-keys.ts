// Reading keys: one key, and the newest-first list with search and filters (one Query per page, or
// for a search one read of the account's search directory and one BatchGetItem of the page).
import type { Alert } from '../../domain/expiry';
import { alertOfKey, keyView, type ApiKey, type KeyView } from '../../domain/key';
import type { Clock, KeyDirectory, KeyRepository } from '../../ports';
import type { Settings } from '../../domain/settings';
import type { Caller } from '../caller';
import type { SettingsSource } from '../settings-source';
import { loadKey } from './key-access';
import { folded, matchesSearch } from '../../domain/search';
import { searchPage } from './search-keys';

export interface KeyFilters {
  search?: string;
  status?: 'active' | 'inactive';
  alert?: Alert;
}

export interface ListQuery extends KeyFilters {
  limit: number;
  after: string | null;
}

/** The list filters as one predicate, shared by the list and the export so they always agree. */
export function keyFilter(filters: KeyFilters, settings: Settings, nowMs: number): (key: ApiKey) => boolean {
  const needle = filters.search === undefined ? undefined : folded(filters.search);
  return (key) =>
    (!needle || matchesSearch(needle, key.name, key.appKey)) &&
    (!filters.status || key.status === filters.status) &&
    (!filters.alert || alertOfKey(key, settings, nowMs) === filters.alert);
}

/** How many items one list request may read when a filter is selective. */
export const LIST_READ_BUDGET = 1_000;

export class KeyQueries {
  constructor(
    private readonly deps: {
      keys: KeyRepository;
      directory: KeyDirectory;
      settings: SettingsSource;
      clock: Clock;
    },
  ) {}

  async get(caller: Caller, appKey: string): Promise<KeyView> {
    const key = await loadKey(this.deps.keys, caller, appKey);
    return keyView(key, await this.deps.settings.get(key.account), this.deps.clock.now());
  }

  async list(caller: Caller, query: ListQuery): Promise<{ items: KeyView[]; next: string | null }> {
    const settings = await this.deps.settings.get(caller.account);
    const now = this.deps.clock.now();
    const accept = keyFilter(query, settings, now);
    // A search reads the account's directory, not its keys (search-keys.ts); a plain list or a
    // status or alert filter alone pages through the keys, newest first, as it always did.
    const searched = query.search
      ? await searchPage(this.deps.directory, caller.account, query, accept, LIST_READ_BUDGET)
      : null;
    const page =
      searched ??
      (await this.deps.keys.listKeys(caller.account, {
        limit: query.limit,
        after: query.after,
        budget: LIST_READ_BUDGET,
        accept,
      }));
    return { items: page.items.map((k) => keyView(k, settings, now)), next: page.next };
  }
}
