// The "Generated keys" list state: the current filter (search debounced), the pages loaded so far
// and "load more", plus in-place updates so an action never loses the operator's place. It lives
// with the console screen, not the tab, so another tab and back keeps the search and the pages.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import { asApiError, type ApiError } from '../api/api-error';
import type { Key, KeyFilter } from '../api/types';
import { loadKeyPage } from './key-pages';

const SEARCH_DELAY_MS = 300;

export interface KeyList {
  keys: Key[];
  loading: boolean;
  /**
   * The rows on screen are not (yet) the answer to the filter shown: a new filter is being typed
   * or loaded. The table is marked busy and dimmed until its own rows arrive.
   */
  stale: boolean;
  error: ApiError | null;
  hasMore: boolean;
  loadMore: () => void;
  /** Repeats what failed: the first page, or the "load more" that failed, from where it stopped. */
  retry: () => void;
  /** Loads the first page again: after a change that alters every row (the token settings). */
  reload: () => void;
  /**
   * Reads again as many rows as are shown, for the same filter, and swaps them in at once: the
   * tab shows its kept rows at once on return and catches up with changes made meanwhile,
   * without losing the pages loaded. Nothing happens before the first page has loaded.
   */
  refresh: () => void;
  replace: (key: Key) => void;
  prepend: (key: Key) => void;
  remove: (appKey: string) => void;
}

const sameFilter = (a: KeyFilter, b: KeyFilter): boolean =>
  a.search === b.search && a.status === b.status && a.alert === b.alert;

export function useKeyList(api: ApiClient, filter: KeyFilter): KeyList {
  const [keys, setKeys] = useState<Key[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [applied, setApplied] = useState(filter);
  const [generation, setGeneration] = useState(0);
  // Answers to an older filter may arrive after newer ones: only the latest request may write.
  const latest = useRef(0);
  // A failed "load more" is retried from where it stopped, not from the first page.
  const failedFrom = useRef<string | null>(null);
  const loaded = useRef(false);

  useEffect(() => {
    const delay = filter.search === applied.search ? 0 : SEARCH_DELAY_MS;
    const timer = setTimeout(() => setApplied(filter), delay);
    return () => clearTimeout(timer);
  }, [filter.search, filter.status, filter.alert]);

  const fetchPage = (from: string | null): void => {
    const request = ++latest.current;
    setLoading(true);
    setReplacing(from === null);
    setError(null);
    loadKeyPage(api, applied, from).then(
      (page) => {
        if (request !== latest.current) return;
        failedFrom.current = null;
        loaded.current = true;
        setKeys((current) => (from ? [...current, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setLoading(false);
        setReplacing(false);
      },
      (failure: unknown) => {
        if (request !== latest.current) return;
        failedFrom.current = from;
        // A first page that failed leaves no row of the previous filter on screen: rows beside an
        // error would read as the answer to the new filter (Active keys under "Inactive").
        if (!from) {
          setKeys([]);
          setCursor(null);
        }
        setError(asApiError(failure));
        setLoading(false);
        setReplacing(false);
      },
    );
  };

  useEffect(() => fetchPage(null), [applied, generation, api]);

  const refresh = (): void => {
    if (!loaded.current || loading) return;
    const request = ++latest.current;
    const shown = Math.max(keys.length, 1);
    const readAgain = async (): Promise<{ items: Key[]; next: string | null }> => {
      const items: Key[] = [];
      let next: string | null = null;
      do {
        const page = await loadKeyPage(api, applied, next);
        items.push(...page.items);
        next = page.nextCursor;
      } while (next && items.length < shown);
      return { items, next };
    };
    readAgain().then(
      ({ items, next }) => {
        if (request !== latest.current) return;
        setKeys(items);
        setCursor(next);
      },
      (failure: unknown) => {
        if (request !== latest.current) return;
        // The rows shown still answer this filter: they stay, with the error and Retry below them.
        failedFrom.current = null;
        setError(asApiError(failure));
      },
    );
  };

  return {
    keys,
    loading,
    stale: replacing || !sameFilter(filter, applied),
    error,
    hasMore: cursor !== null,
    loadMore: () => fetchPage(cursor),
    retry: () => (failedFrom.current ? fetchPage(failedFrom.current) : setGeneration((g) => g + 1)),
    reload: () => setGeneration((g) => g + 1),
    refresh,
    replace: (key) => setKeys((current) => current.map((k) => (k.appKey === key.appKey ? key : k))),
    prepend: (key) => setKeys((current) => [key, ...current.filter((k) => k.appKey !== key.appKey)]),
    remove: (appKey) => setKeys((current) => current.filter((k) => k.appKey !== appKey)),
  };
}
