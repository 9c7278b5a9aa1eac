// Measurement primitives. The machine is shared and noisy, so every figure is a median of many
// samples; operations that are compared with each other are measured interleaved (A B, B A, ...)
// so that drift in machine load hits both alike; and every measurement starts with a warm-up that
// lets V8 optimise the code under test and the HTTP clients open their keep-alive connections.

/** Nearest-rank percentile (p in 0..100) of `values`; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

const nowNs = (): bigint => process.hrtime.bigint();

/** Wall time of one call of `fn`, in milliseconds. */
export async function elapsedMs<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = nowNs();
  const value = await fn();
  return { ms: Number(nowNs() - started) / 1e6, value };
}

type Op = () => unknown;

/** Runs `op` and waits for it when it is asynchronous, without adding a tick to synchronous ones. */
async function run(op: Op): Promise<void> {
  const result = op();
  if (result instanceof Promise) await result;
}

/** Round r visits the operations forwards when r is even and backwards when odd. */
function visitOrder<K extends string>(names: readonly K[], round: number): readonly K[] {
  return round % 2 === 0 ? names : [...names].reverse();
}

export interface LatencyOptions {
  /** Calls of each operation before measuring. */
  warmup: number;
  /** Measured calls of each operation. */
  samples: number;
  /** Consecutive calls of one operation before switching to the next. */
  block?: number;
}

/**
 * Latency of slow operations (a network round trip): each call is one sample, in microseconds.
 * Calls run one at a time, so the figures are latencies, not throughput under contention.
 */
export async function latencyUs<K extends string>(
  ops: Record<K, Op>,
  options: LatencyOptions,
): Promise<Record<K, number[]>> {
  const names = Object.keys(ops) as K[];
  const block = options.block ?? 20;
  for (let i = 0; i < options.warmup; i++) for (const name of names) await run(ops[name]);
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; samples[names[0]!].length < options.samples; round++) {
    for (const name of visitOrder(names, round)) {
      for (let i = 0; i < block && samples[name].length < options.samples; i++) {
        const started = nowNs();
        await run(ops[name]);
        samples[name].push(Number(nowNs() - started) / 1e3);
      }
    }
  }
  return samples;
}

export interface BatchOptions {
  /** Calls per timed batch: enough that the timer's own cost disappears. */
  batch: number;
  /** Timed batches of each operation. */
  rounds: number;
  warmupRounds: number;
}

/**
 * Cost of fast operations (sub-microsecond to a few microseconds): each sample is the mean of one
 * timed batch, in nanoseconds per call.
 */
export async function batchNs<K extends string>(
  ops: Record<K, Op>,
  options: BatchOptions,
): Promise<Record<K, number[]>> {
  const names = Object.keys(ops) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < options.warmupRounds + options.rounds; round++) {
    for (const name of visitOrder(names, round)) {
      const perCall = await timeBatch(ops[name], options.batch);
      if (round >= options.warmupRounds) samples[name].push(perCall);
    }
  }
  return samples;
}

/**
 * Nanoseconds per call over `batch` calls. A synchronous operation runs in a plain loop: awaiting
 * it would add a microtask to every call and inflate a floor that is meant to be the bare cost.
 */
async function timeBatch(op: Op, batch: number): Promise<number> {
  const probe = op();
  const asynchronous = probe instanceof Promise;
  if (asynchronous) await probe;
  const started = nowNs();
  if (asynchronous) for (let i = 0; i < batch; i++) await op();
  else for (let i = 0; i < batch; i++) op();
  return Number(nowNs() - started) / batch;
}
