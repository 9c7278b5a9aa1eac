// The one retry policy of the use cases: a write that lost an optimistic-concurrency race is
// re-read and re-applied a few times (the transition re-checks its rules on the fresh state), then
// the caller is told to retry itself.
import { DomainError } from '../domain/errors';
import { answeredAlready, budgetSpent } from './request-budget';

export const WRITE_ATTEMPTS = 3;

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
    }
  }
}
