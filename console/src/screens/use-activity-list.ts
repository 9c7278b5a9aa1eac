// The Activity list state: the filter (the typed key debounced), the pages loaded so far, "load
// more" and "retry". A filter the API would refuse is not sent; the screen says what is wrong.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import { asApiError, type ApiError } from '../api/api-error';
import type { AuditEntry } from '../api/types';
import { toAuditQuery, type ActivityFilter, type ActivityQuery } from './activity-filter';

const TYPING_DELAY_MS = 300;

export interface ActivityList {
  entries: AuditEntry[];
  loading: boolean;
  error: ApiError | null;
  /** The applied filter as sent, or why it was not (a partial key, a reversed date range). */
  query: ActivityQuery;
  hasMore: boolean;
  loadMore: () => void;
  retry: () => void;
  /** Reads the shown entries again and swaps them in at once (back from another tab). */
  refresh: () => void;
}

/** `enabled` is false until the tab is first shown (and for keys without audit:view): no request. */
export function useActivityList(api: ApiClient, filter: ActivityFilter, enabled: boolean): ActivityList {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [applied, setApplied] = useState(filter);
  const [generation, setGeneration] = useState(0);
  // Answers to an older filter may arrive after newer ones: only the latest request may write.
  const latest = useRef(0);
  // A failed "load more" is retried from where it stopped, not from the first page.
  const failedFrom = useRef<string | null>(null);
  const loaded = useRef(false);

  useEffect(() => {
    const delay = filter.appKey === applied.appKey ? 0 : TYPING_DELAY_MS;
    const timer = setTimeout(() => setApplied(filter), delay);
    return () => clearTimeout(timer);
  }, [filter.appKey, filter.action, filter.fromDate, filter.toDate]);

  const query = toAuditQuery(applied);

  const fetchPage = (from: string | null): void => {
    const request = ++latest.current;
    if (!query.ok) {
      setEntries([]);
      setCursor(null);
      setError(null);
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(null);
    api.listAudit(query.query, from).then(
      (page) => {
        if (request !== latest.current) return;
        failedFrom.current = null;
        loaded.current = true;
        setEntries((current) => (from ? [...current, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (failure: unknown) => {
        if (request !== latest.current) return;
        failedFrom.current = from;
        // A first page that failed leaves nothing of the previous filter on screen.
        if (!from) {
          setEntries([]);
          setCursor(null);
        }
        setError(asApiError(failure));
        setLoading(false);
      },
    );
  };

  useEffect(() => {
    if (enabled) fetchPage(null);
  }, [applied, generation, api, enabled]);

  const refresh = (): void => {
    if (!loaded.current || loading || !query.ok) return;
    const request = ++latest.current;
    const shown = Math.max(entries.length, 1);
    const { query: sent } = query;
    const readAgain = async (): Promise<{ items: AuditEntry[]; next: string | null }> => {
      const items: AuditEntry[] = [];
      let next: string | null = null;
      do {
        const page = await api.listAudit(sent, next);
        items.push(...page.items);
        next = page.nextCursor;
      } while (next && items.length < shown);
      return { items, next };
    };
    readAgain().then(
      ({ items, next }) => {
        if (request !== latest.current) return;
        setEntries(items);
        setCursor(next);
      },
      (failure: unknown) => {
        if (request !== latest.current) return;
        failedFrom.current = null;
        setError(asApiError(failure));
      },
    );
  };

  return {
    refresh,
    entries,
    loading,
    error,
    query,
    hasMore: cursor !== null,
    loadMore: () => fetchPage(cursor),
    retry: () => (failedFrom.current ? fetchPage(failedFrom.current) : setGeneration((g) => g + 1)),
  };
}
