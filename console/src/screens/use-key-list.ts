// The "Generated keys" list state: the current filter (search debounced), the pages loaded so far
// and "load more", plus in-place updates so an action never loses the operator's place.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import { asApiError, type ApiError } from '../api/api-error';
import type { Key, KeyFilter } from '../api/types';

const SEARCH_DELAY_MS = 300;

export interface KeyList {
  keys: Key[];
  loading: boolean;
  error: ApiError | null;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  replace: (key: Key) => void;
  prepend: (key: Key) => void;
  remove: (appKey: string) => void;
}

export function useKeyList(api: ApiClient, filter: KeyFilter): KeyList {
  const [keys, setKeys] = useState<Key[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [applied, setApplied] = useState(filter);
  const [generation, setGeneration] = useState(0);
  // Answers to an older filter may arrive after newer ones: only the latest request may write.
  const latest = useRef(0);

  useEffect(() => {
    const delay = filter.search === applied.search ? 0 : SEARCH_DELAY_MS;
    const timer = setTimeout(() => setApplied(filter), delay);
    return () => clearTimeout(timer);
  }, [filter.search, filter.status, filter.alert]);

  const fetchPage = (from: string | null, append: boolean): void => {
    const request = ++latest.current;
    setLoading(true);
    setError(null);
    api.listKeys(applied, from).then(
      (page) => {
        if (request !== latest.current) return;
        setKeys((current) => (append ? [...current, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (failure: unknown) => {
        if (request !== latest.current) return;
        setError(asApiError(failure));
        setLoading(false);
      },
    );
  };

  useEffect(() => fetchPage(null, false), [applied, generation, api]);

  return {
    keys,
    loading,
    error,
    hasMore: cursor !== null,
    loadMore: () => fetchPage(cursor, true),
    reload: () => setGeneration((g) => g + 1),
    replace: (key) => setKeys((current) => current.map((k) => (k.appKey === key.appKey ? key : k))),
    prepend: (key) => setKeys((current) => [key, ...current.filter((k) => k.appKey !== key.appKey)]),
    remove: (appKey) => setKeys((current) => current.filter((k) => k.appKey !== appKey)),
  };
}
