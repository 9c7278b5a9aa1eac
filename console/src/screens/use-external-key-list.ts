// The "External keys" list state: the filter (search debounced), the pages loaded so far and
// "load more", plus in-place updates so an action never loses the operator's place.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import { asApiError, type ApiError } from '../api/api-error';
import type { ExternalKey, ExternalKeyFilter } from '../api/access-types';

const SEARCH_DELAY_MS = 300;

export interface ExternalKeyList {
  grants: ExternalKey[];
  loading: boolean;
  error: ApiError | null;
  hasMore: boolean;
  loadMore: () => void;
  replace: (grant: ExternalKey) => void;
  prepend: (grant: ExternalKey) => void;
  remove: (appKey: string) => void;
}

export function useExternalKeyList(api: ApiClient, filter: ExternalKeyFilter): ExternalKeyList {
  const [grants, setGrants] = useState<ExternalKey[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [applied, setApplied] = useState(filter);
  // Answers to an older filter may arrive after newer ones: only the latest request may write.
  const latest = useRef(0);

  useEffect(() => {
    const delay = filter.search === applied.search ? 0 : SEARCH_DELAY_MS;
    const timer = setTimeout(() => setApplied(filter), delay);
    return () => clearTimeout(timer);
  }, [filter.search, filter.status]);

  const fetchPage = (from: string | null, append: boolean): void => {
    const request = ++latest.current;
    setLoading(true);
    setError(null);
    api.listExternalKeys(applied, from).then(
      (page) => {
        if (request !== latest.current) return;
        setGrants((current) => (append ? [...current, ...page.items] : page.items));
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

  useEffect(() => fetchPage(null, false), [applied, api]);

  return {
    grants,
    loading,
    error,
    hasMore: cursor !== null,
    loadMore: () => fetchPage(cursor, true),
    replace: (grant) => setGrants((current) => current.map((g) => (g.appKey === grant.appKey ? grant : g))),
    prepend: (grant) => setGrants((current) => [grant, ...current.filter((g) => g.appKey !== grant.appKey)]),
    remove: (appKey) => setGrants((current) => current.filter((g) => g.appKey !== appKey)),
  };
}
