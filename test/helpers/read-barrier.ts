// Racing requests only race if they overlap. On a loaded machine two "parallel" HTTP requests can
// run one after the other, and a test of the race then sees two sequential, legitimate outcomes.
// A barrier makes the overlap certain: the first `parties` reads of one item (a key, an account's
// role catalog) wait until all of them have started, so every racer judges the same version
// before any of them commits.

export interface ReadBarrier {
  /**
   * `inner` with its `method` held while armed: the reads are told apart by their first argument
   * (an appKey, an account).
   */
  wrap<T extends object>(inner: T, method: keyof T): T;
  /** Holds the next `parties` reads of `id` until the last of them arrives. */
  arm(id: string, parties: number): void;
}

export function readBarrier(): ReadBarrier {
  let armed: { id: string; waiting: Array<() => void>; parties: number } | undefined;
  const held = (id: unknown): Promise<void> => {
    if (!armed || armed.id !== id) return Promise.resolve();
    const gate = armed;
    return new Promise<void>((release) => {
      gate.waiting.push(release);
      if (gate.waiting.length < gate.parties) return;
      armed = undefined; // later reads (a loser's re-read) pass straight through
      for (const go of gate.waiting) go();
    });
  };
  return {
    arm(id, parties) {
      armed = { id, waiting: [], parties };
    },
    wrap: (inner, method) =>
      new Proxy(inner, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver);
          if (typeof value !== 'function') return value;
          if (prop !== method) return value.bind(target);
          return async (id: unknown, ...rest: unknown[]) => {
            await held(id);
            return value.apply(target, [id, ...rest]);
          };
        },
      }),
  };
}
