// Keeps DynamoDB Local running under `npm start`: when the java process dies (OOM killer, a stray
// kill), it is started again on the same port and data directory, so the service comes back by
// itself instead of answering 503 forever. A database that keeps dying is not hidden behind
// endless restarts: after MAX_FAILURES within WINDOW_MS the supervisor gives up and says why.
import type { DynamoDbProcess, ProcessEnd } from './dynamodb-local-process';

export interface RestartOptions {
  /** One line per restart (the runtime writes it to stderr). */
  log(line: string): void;
  /** Called once, when restarting has been given up; the runtime then exits non-zero. */
  onGiveUp(reason: string): void;
}

/** Unexpected ends (deaths and failed restarts) tolerated within WINDOW_MS before giving up. */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 60_000;
/** Waits before the 1st..4th restart within the window: quick first, slower if it keeps failing. */
const BACKOFF_MS = [100, 500, 1_000, 2_000];

export interface Supervised {
  /** Stops the current process and any restart under way; no restart follows. */
  stop(): Promise<void>;
}

/** The line of Java's output that says what went wrong ("java.net.BindException: Address..."). */
export function javaFailureSummary(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^(at |\.\.\. \d+ more|Picked up JAVA_TOOL_OPTIONS)/.test(l));
  const exceptions = lines.filter((l) => /^(Caused by: )?[\w.$]+(Exception|Error)\b/.test(l));
  return (exceptions.pop() ?? lines.pop() ?? '').replace(/^Caused by: /, '');
}

const describeEnd = (end: ProcessEnd): string =>
  `stopped unexpectedly (${end.signal ? `killed by ${end.signal}` : `exit code ${end.code}`})`;

export function supervise(
  first: DynamoDbProcess,
  relaunch: () => Promise<DynamoDbProcess>,
  port: number,
  options: RestartOptions,
): Supervised {
  let current: DynamoDbProcess | null = null;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | null = null;
  const failures: number[] = [];

  const watch = (proc: DynamoDbProcess): void => {
    current = proc;
    void proc.exited.then((end) => {
      if (stopping || current !== proc) return;
      current = null;
      failed(describeEnd(end));
    });
  };

  const failed = (what: string): void => {
    const now = Date.now();
    while (failures.length > 0 && now - failures[0]! >= WINDOW_MS) failures.shift();
    failures.push(now);
    if (failures.length >= MAX_FAILURES) {
      options.onGiveUp(
        `DynamoDB Local failed ${failures.length} times within ${WINDOW_MS / 1000} s, ` +
          `the last time because it ${what}; giving up`,
      );
      return;
    }
    const delay = BACKOFF_MS[failures.length - 1]!;
    options.log(
      `DynamoDB Local ${what}; restarting it on port ${port} in ${delay} ms ` +
        `(failure ${failures.length} within ${WINDOW_MS / 1000} s; it gives up at ${MAX_FAILURES})`,
    );
    timer = setTimeout(() => (restarting = restart().finally(() => (restarting = null))), delay);
  };

  const restart = async (): Promise<void> => {
    let proc: DynamoDbProcess;
    try {
      proc = await relaunch();
    } catch (error) {
      if (!stopping) failed(`did not start again (${javaFailureSummary((error as Error).message)})`);
      return;
    }
    if (stopping) await proc.stop();
    else watch(proc);
  };

  watch(first);
  return {
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await restarting;
      await current?.stop();
    },
  };
}
