// The time a request may still spend, known to everything it calls. The request deadline answers
// the client (503) when it passes but cannot cancel the work: without this, a use case that lost a
// race after the answer went out would re-read and re-apply its change over one the client made
// after the 503. Work of an answered request therefore starts no new write and no retry.
// (Wall-clock time on purpose: this is the client's timer, not the domain's Clock.)
import { AsyncLocalStorage } from 'node:async_hooks';
import { UnavailableError } from '../domain/errors';
import type { UnitOfWork } from '../ports';

const deadlines = new AsyncLocalStorage<number>();

/** Runs `work` with a deadline every call inside it can see. */
export const withinBudget = <T>(deadlineAtMs: number, work: () => Promise<T>): Promise<T> =>
  deadlines.run(deadlineAtMs, work);

/** True once the current request's answer has gone out (outside a request: never). */
export function budgetSpent(): boolean {
  const deadline = deadlines.getStore();
  return deadline !== undefined && Date.now() >= deadline;
}

export const answeredAlready = (): UnavailableError => new UnavailableError(1, 'RequestDeadline');

/** The unit of work, refusing to start a commit for a request that was already answered. */
export function boundedWork(work: UnitOfWork): UnitOfWork {
  return {
    commit: (writes) => (budgetSpent() ? Promise.reject(answeredAlready()) : work.commit(writes)),
  };
}
