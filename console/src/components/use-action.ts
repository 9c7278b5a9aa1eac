// Runs one API action at a time for a form or dialog: busy while it runs (so a double click sends
// nothing twice), and the ApiError it ended with, for display next to the control.
import { useState } from 'preact/hooks';
import { asApiError, type ApiError } from '../api/api-error';

export interface Action {
  busy: boolean;
  error: ApiError | null;
  run: <T>(work: () => Promise<T>) => Promise<T | undefined>;
  clearError: () => void;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    if (busy) return undefined;
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (failure) {
      setError(asApiError(failure));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clearError: () => setError(null) };
}
