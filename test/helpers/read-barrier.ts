// Racing requests only race if they overlap. On a loaded machine two "parallel" HTTP requests can
// run one after the other, and a test of the race then sees two sequential, legitimate successes.
// A barrier makes the overlap certain: the first `parties` reads of one key wait until all of them
// have started, so every racer judges the same version before any of them commits.
import type { KeyRepository } from '../../shared/ports';

export interface ReadBarrier {
  /** The repository to give the services: the real one, with reads of an armed key held. */
  wrap(inner: KeyRepository): KeyRepository;
  /** Holds the next `parties` reads of `appKey` until the last of them arrives. */
  arm(appKey: string, parties: number): void;
}

export function readBarrier(): ReadBarrier {
  let armed: { appKey: string; waiting: Array<() => void>; parties: number } | undefined;
  const held = (appKey: string): Promise<void> => {
    if (!armed || armed.appKey !== appKey) return Promise.resolve();
    const gate = armed;
    return new Promise<void>((release) => {
      gate.waiting.push(release);
      if (gate.waiting.length < gate.parties) return;
      armed = undefined; // later reads (a loser's re-read) pass straight through
      for (const go of gate.waiting) go();
    });
  };
  return {
    arm(appKey, parties) {
      armed = { appKey, waiting: [], parties };
    },
    wrap: (inner) =>
      new Proxy(inner, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver);
          if (typeof value !== 'function') return value;
          if (prop !== 'getKey') return value.bind(target);
          return async (appKey: string, ...rest: unknown[]) => {
            await held(appKey);
            return value.apply(target, [appKey, ...rest]);
          };
        },
      }),
  };
}
