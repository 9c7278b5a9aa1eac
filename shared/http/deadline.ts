// The request deadline: whatever a handler waits on, the caller gets an answer within
// REQUEST_DEADLINE_MS. SDK timeouts bound each call (shared/adapters/sdk-options.ts); this bounds a
// request that makes several calls in a row, or waits on anything else. The work that lost the race
// is not cancelled: a write may still land, which is why API.md tells clients to retry a 503 on a
// write with the same Idempotency-Key.
import { UnavailableError } from '../domain/errors';
import { withinBudget } from '../use-cases/request-budget';

/** Under API.md's 5 s promise, with room for the response to travel. */
export const REQUEST_DEADLINE_MS = 4_500;

export async function withDeadline<T>(
  ms: number,
  start: () => Promise<T>,
  /**
   * Whether the work may write: then it knows its deadline too (request-budget.ts) and starts no
   * new write after the answer. Read-only routes skip it: the AsyncLocalStorage behind it turns on
   * Node's promise hooks, which tax every promise of the process (the hot verify path included).
   */
  options: { writes: boolean } = { writes: true },
): Promise<T> {
  const work = options.writes ? withinBudget(Date.now() + ms, start) : start();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnavailableError(1, 'RequestDeadline')), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
