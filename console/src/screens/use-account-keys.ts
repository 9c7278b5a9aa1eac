// Every key the signed-in key can read, paged through GET /v1/keys, for counts over the whole
// account (the settings impact). Bounded: past MAX_KEYS the result is marked incomplete and the
// screen says its figures are an estimate from those keys.
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import { asApiError, type ApiError } from '../api/api-error';
import { NO_KEY_FILTER, type Key } from '../api/types';

export const MAX_KEYS = 1000;

export interface AccountKeys {
  keys: Key[] | null;
  complete: boolean;
  error: ApiError | null;
}

/** Starts reading when `wanted` first turns true, then keeps the answer for the screen's life. */
export function useAccountKeys(api: ApiClient, wanted: boolean): AccountKeys {
  const [state, setState] = useState<AccountKeys>({ keys: null, complete: false, error: null });
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (wanted) setStarted(true);
  }, [wanted]);

  useEffect(() => {
    if (!started) return;
    let cancelled = false;
    void (async () => {
      const keys: Key[] = [];
      let cursor: string | null = null;
      try {
        do {
          const page = await api.listKeys({ ...NO_KEY_FILTER, alert: '' }, cursor);
          keys.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor && keys.length < MAX_KEYS && !cancelled);
        if (!cancelled) setState({ keys, complete: cursor === null, error: null });
      } catch (failure) {
        if (!cancelled) setState({ keys: null, complete: false, error: asApiError(failure) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [started, api]);

  return state;
}
