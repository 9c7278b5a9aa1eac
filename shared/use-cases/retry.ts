// The one retry policy of the use cases: a write that lost an optimistic-concurrency race is
// re-read and re-applied a few times (the transition re-checks its rules on the fresh state), then
// the caller is told to retry itself.
import { DomainError } from '../domain/errors';
import { answeredAlready, budgetSpent } from './request-budget';

/**
 * Five, not three: a key change also rewrites a bucket of its account's search directory, which
 * concurrent changes of other keys may share; such collisions are short and retried with backoff.
 */
export const WRITE_ATTEMPTS = 5;

export const conflict = (): DomainError =>
  new DomainError(
    'conflict',
    'The key was changed by another request at the same time; read it again and retry.',
  );

/** Runs `attempt` until it returns; `retryable` decides which failures earn another attempt. */
export async function retryOnConflict<T>(
  attempt: () => Promise<T>,
  retryable: (error: unknown) => boolean,
): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!retryable(error)) throw error;
      if (i >= WRITE_ATTEMPTS) throw conflict();
      // The client already had its answer (503): re-applying now could overwrite a later change.
      if (budgetSpent()) throw answeredAlready();
      await backoff(i);
    }
  }
}

/**
 * A short random pause before attempt `i + 1`: requests that collided on one item (a search
 * directory bucket, the account item) would otherwise retry in lockstep and collide again.
 */
export const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
