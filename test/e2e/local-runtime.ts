// End-to-end harness: runs the local runtime (`npm start`, i.e. `tsx infra/local/main.ts`) and the
// operator commands as real child processes, the way a user runs them, and talks to them over HTTP.
//
// Every child is spawned in its own process group (detached) so that the whole tree — npm, sh, tsx,
// node and the DynamoDB Local java process — can be killed at once: `killAll()` in afterAll (and on
// worker exit) guarantees no Java process outlives a test file, whatever the test did.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
/** tsx's CLI as a plain script, for running it with an absolute `node` and no PATH lookups. */
export const TSX_CLI = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
/** How the npm scripts run TypeScript: node itself with tsx as a loader (no relay process). */
export const NODE_TSX = ['--import', 'tsx'];
/** Anything shaped like an API token, anywhere in a text. */
export const TOKEN_LIKE = /apt_[0-9A-Za-z]{49}/g;
export const TOKEN_FORMAT = /^apt_[0-9A-Za-z]{49}$/;

export interface Credentials {
  appKey: string;
  token: string;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Milliseconds from the stop signal (or the spawn, for one-shot commands) to the exit. */
  ms: number;
}

export interface RuntimeInfo {
  pid: number;
  dynamodbEndpoint: string;
  tableName: string;
  apiUrl: string;
}

// ---------------------------------------------------------------------------------------------
// Process groups

const groups = new Set<number>();

function killGroup(pgid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: nothing left in that group.
  }
}

/** SIGKILLs every process group this module started. Call it in afterAll. */
export function killAll(): void {
  for (const pgid of groups) killGroup(pgid);
  groups.clear();
}
process.once('exit', killAll);

export interface ProcInfo {
  pid: number;
  state: string;
  pgid: number;
  cmdline: string;
}

function processes(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid pgrp ..." — comm may hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      out.push({ pid: Number(entry), state: fields[0] ?? '?', pgid: Number(fields[2]), cmdline });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** Processes of a group that are still running (zombies, already dead, are not counted). */
export function liveMembers(pgid: number): ProcInfo[] {
  return processes().filter((p) => p.pgid === pgid && p.state !== 'Z');
}

export function isRunning(pid: number): boolean {
  return processes().some((p) => p.pid === pid && p.state !== 'Z');
}

/** Polls until `check` holds or `timeoutMs` passes; returns whether it held. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The command lines still running in a process group once it has had `graceMs` to wind down
 * (empty when everything stopped): a failing expectation then names what was left behind.
 */
export async function remaining(proc: { liveMembers(): ProcInfo[] }, graceMs = 5_000): Promise<string[]> {
  await eventually(() => proc.liveMembers().length === 0, graceMs);
  return proc.liveMembers().map((p) => `${p.pid} ${p.cmdline}`);
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolveCheck) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(2_000);
    socket.once('connect', () => {
      socket.destroy();
      resolveCheck(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolveCheck(false);
    });
    socket.once('error', () => resolveCheck(false));
  });
}

// ---------------------------------------------------------------------------------------------
// Environment

/** Variables of the test process that would change what the child does; a user has none of them. */
const INHERITED_NOT = [
  'LOG_LEVEL', // quiet-logs.ts silences the jest worker; the runtime must log as it does for a user
  'TEST_DYNAMODB_ENDPOINT',
  'DYNAMODB_ENDPOINT',
  'TABLE_NAME',
  'KEY_PROVIDER',
  'PORT',
  'HOST',
  'DATA_DIR',
  'ACCOUNT',
  'DYNAMODB_PORT',
  'EXPIRY_SCAN_INTERVAL',
];

export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_NOT) delete env[name];
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

// ---------------------------------------------------------------------------------------------
// Spawning

interface Spawned {
  child: ChildProcess;
  pgid: number;
  stdout(): string;
  stderr(): string;
  /** stdout and stderr interleaved as they arrived. */
  output(): string;
  /** The spawned process itself exited (its children may live on). */
  exited: Promise<ExitEvent>;
  /** Its stdout and stderr reached end of file: every holder of the pipes is gone. */
  closed: Promise<void>;
}

interface ExitEvent {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

const within = <T>(promise: Promise<T>, ms: number): Promise<T | undefined> =>
  Promise.race([promise, new Promise<undefined>((done) => setTimeout(() => done(undefined), ms).unref())]);

function spawnGroup(command: string, args: string[], env: NodeJS.ProcessEnv): Spawned {
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not spawn ${command}`);
  const pgid = child.pid;
  groups.add(pgid);
  let stdout = '';
  let stderr = '';
  let all = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    all += chunk.toString('utf8');
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    all += chunk.toString('utf8');
  });
  const exited = new Promise<ExitEvent>((done) => {
    child.once('exit', (code, signal) => done({ code, signal, at: Date.now() }));
    child.once('error', () => done({ code: null, signal: null, at: Date.now() }));
  });
  const closed = new Promise<void>((done) => {
    child.once('close', () => done());
    child.once('error', () => done());
  });
  return { child, pgid, stdout: () => stdout, stderr: () => stderr, output: () => all, exited, closed };
}

export interface CommandResult extends Exit {
  stdout: string;
  stderr: string;
  /** Live processes left in the command's group when it exited. */
  leftBehind: ProcInfo[];
}

/** Runs a one-shot command from the repository root and waits for it to end. */
export async function runCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<CommandResult> {
  const started = Date.now();
  const run = spawnGroup(command, args, env);
  const timer = setTimeout(() => killGroup(run.pgid), timeoutMs);
  const exit = await run.exited;
  await within(run.closed, 5_000); // the rest of its output
  clearTimeout(timer);
  const leftBehind = liveMembers(run.pgid);
  killGroup(run.pgid);
  groups.delete(run.pgid);
  if (Date.now() - started >= timeoutMs)
    throw new Error(`${command} ${args.join(' ')} did not end within ${timeoutMs} ms:\n${run.output()}`);
  return {
    code: exit.code,
    signal: exit.signal,
    ms: exit.at - started,
    stdout: run.stdout(),
    stderr: run.stderr(),
    leftBehind,
  };
}

/** `npm run bootstrap -- ARGS` (via: 'npm') or `tsx infra/local/bootstrap-cli.ts ARGS` (via: 'tsx'). */
export function bootstrapCommand(
  dataDir: string,
  args: string[],
  via: 'npm' | 'tsx' = 'npm',
): Promise<CommandResult> {
  const env = childEnv({ DATA_DIR: dataDir });
  return via === 'npm'
    ? runCommand('npm', ['run', 'bootstrap', '--', ...args], env)
    : runCommand(process.execPath, [...NODE_TSX, 'infra/local/bootstrap-cli.ts', ...args], env);
}

// ---------------------------------------------------------------------------------------------
// The long-running local runtime

export interface LocalProcess {
  /** The spawned process (npm or tsx), also the id of its process group. */
  pid: number;
  dataDir: string;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Live processes still in the process group. */
  liveMembers(): ProcInfo[];
  hasExited(): boolean;
  /** Resolves with the first match of `pattern` in the output; rejects on exit or timeout. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Waits for the process to exit on its own (Exit.ms counts from the call). */
  waitForExit(timeoutMs?: number): Promise<Exit>;
  /**
   * Sends `signal` to the spawned process (or to its whole group, as a terminal's Ctrl-C does) and
   * waits for that process to exit; rejects if it has not within `timeoutMs`. Its children may
   * outlive it: check liveMembers(). Never kills anything itself; killAll() cleans up.
   */
  stop(signal?: NodeJS.Signals, options?: { group?: boolean; timeoutMs?: number }): Promise<Exit>;
}

export interface LocalRuntime extends LocalProcess {
  /** Base URL as printed in the "listening on" line. */
  url: string;
  /** DATA_DIR/runtime.json as it was once the service listened. */
  runtime: RuntimeInfo;
  dynamoPort: number;
  /** The DynamoDB Local java process(es) in the group once the service listened. */
  javaPids: number[];
  /** The owner key printed on a fresh data directory, or null if none was printed. */
  owner: Credentials | null;
}

export const LISTENING = /API key service listening on (http:\/\/\S+)/;

export function parseOwner(output: string): Credentials | null {
  const appKey = /X-API-AppKey:\s+(\S+)/.exec(output)?.[1];
  const token = /X-API-AppToken:\s+(\S+)/.exec(output)?.[1];
  return appKey && token ? { appKey, token } : null;
}

/** The DynamoDB Local java processes in a process group. */
export const javaIn = (members: ProcInfo[]): number[] =>
  members.filter((p) => p.cmdline.includes('DynamoDBLocal')).map((p) => p.pid);

/**
 * Spawns the local runtime on `dataDir` with PORT=0 (the service prints the port it got) and
 * returns at once. `via: 'npm'` runs `npm start` itself.
 */
export function launch(
  dataDir: string,
  env: Record<string, string | undefined> = {},
  options: { via?: 'npm' | 'tsx' } = {},
): LocalProcess {
  const fullEnv = childEnv({ PORT: '0', DATA_DIR: dataDir, ...env });
  const run =
    options.via === 'npm'
      ? spawnGroup('npm', ['start'], fullEnv)
      : spawnGroup(process.execPath, [...NODE_TSX, 'infra/local/main.ts'], fullEnv);
  let exitedAt: number | null = null;
  void run.exited.then((exit) => (exitedAt = exit.at));

  /** Waits for the process to exit; `since` is when the clock of Exit.ms starts. */
  async function waitForExit(timeoutMs = 15_000, since = Date.now(), what = ''): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `still running ${timeoutMs} ms${what}: ` +
                JSON.stringify(liveMembers(run.pgid).map((p) => p.cmdline)) +
                `\n${run.output()}`,
            ),
          ),
        timeoutMs,
      );
    });
    try {
      const exit = await Promise.race([run.exited, timeout]);
      await within(run.closed, 2_000); // the last of its output, unless orphans still hold the pipes
      return { code: exit.code, signal: exit.signal, ms: exit.at - since };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    pid: run.pgid,
    dataDir,
    output: run.output,
    liveMembers: () => liveMembers(run.pgid),
    hasExited: () => exitedAt !== null,
    waitForOutput(pattern, timeoutMs = 90_000) {
      return new Promise<RegExpExecArray>((resolveMatch, reject) => {
        const timer = setTimeout(() => {
          detach();
          reject(new Error(`no output matching ${pattern} within ${timeoutMs} ms:\n${run.output()}`));
        }, timeoutMs);
        const check = (): void => {
          const match = pattern.exec(run.output());
          if (!match) return;
          clearTimeout(timer);
          detach();
          resolveMatch(match);
        };
        const detach = (): void => {
          run.child.stdout!.off('data', check);
          run.child.stderr!.off('data', check);
        };
        run.child.stdout!.on('data', check);
        run.child.stderr!.on('data', check);
        void run.exited.then(async () => {
          await within(run.closed, 1_000);
          check();
          clearTimeout(timer);
          reject(new Error(`exited before printing ${pattern}:\n${run.output()}`));
        });
        check();
      });
    },
    waitForExit: (timeoutMs = 90_000) => waitForExit(timeoutMs),
    stop(signal = 'SIGTERM', { group = false, timeoutMs = 15_000 } = {}) {
      const sentAt = Date.now();
      if (group) killGroup(run.pgid, signal);
      else run.child.kill(signal);
      return waitForExit(timeoutMs, sentAt, ` after ${signal}`);
    },
  };
}

/** launch() and wait for the "listening on" line; kills the group if it does not come. */
export async function start(
  dataDir: string,
  env: Record<string, string | undefined> = {},
  options: { via?: 'npm' | 'tsx'; timeoutMs?: number } = {},
): Promise<LocalRuntime> {
  const proc = launch(dataDir, env, options);
  let url: string;
  try {
    url = (await proc.waitForOutput(LISTENING, options.timeoutMs ?? 90_000))[1]!;
  } catch (error) {
    killGroup(proc.pid);
    throw error;
  }
  const runtime = JSON.parse(readFileSync(join(dataDir, 'runtime.json'), 'utf8')) as RuntimeInfo;
  return {
    ...proc,
    url,
    runtime,
    dynamoPort: Number(new URL(runtime.dynamodbEndpoint).port),
    javaPids: javaIn(proc.liveMembers()),
    owner: parseOwner(proc.output()),
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  as?: Credentials;
  body?: unknown;
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

export async function request<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.as) {
    headers['X-API-AppKey'] = options.as.appKey;
    headers['X-API-AppToken'] = options.as.token;
  }
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  // A Buffer travels as plain bytes (with DOM's fetch types in scope, Buffer is not a BodyInit).
  const payload = typeof body === 'string' || body === undefined ? body : new Uint8Array(body);
  const response = await fetch(baseUrl + path, { method, headers, body: payload });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

/** A request function bound to one runtime. */
export const client =
  (baseUrl: string) =>
  <T = any>(method: string, path: string, options?: RequestOptions): Promise<Reply<T>> =>
    request<T>(baseUrl, method, path, options);

// ---------------------------------------------------------------------------------------------
// Files

export interface FileHit {
  file: string;
  needle: string;
  encoding: 'utf8' | 'utf16le';
}

/** Every regular file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Where any of `needles` occurs in any file under `dir` (binary-safe, UTF-8 and UTF-16LE). */
export function findInFiles(dir: string, needles: string[]): FileHit[] {
  const hits: FileHit[] = [];
  for (const file of filesUnder(dir)) {
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch {
      continue; // a journal file that went away
    }
    for (const needle of needles) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        if (content.includes(Buffer.from(needle, encoding))) hits.push({ file, needle, encoding });
      }
    }
  }
  return hits;
}

// --- fault helpers
// For the fault-injection tests in test/faults/: which addresses a port listens on, the DynamoDB
// Local processes of one data directory or port, and file systems that are read-only or full.
// Its imports stay in this block, apart from the file's own, so that additions do not collide.
import { spawnSync } from 'node:child_process';
import { networkInterfaces } from 'node:os';

/** "0100007F" (as /proc/net/tcp prints 127.0.0.1 on a little-endian machine) -> "127.0.0.1". */
function procIpv4(hex: string): string {
  const bytes = Buffer.from(hex, 'hex');
  return [...bytes.reverse()].join('.');
}

/** /proc/net/tcp6 prints an address as four 32-bit words, each in host (little-endian) order. */
function procIpv6(hex: string): string {
  const bytes = Buffer.concat(
    [0, 8, 16, 24].map((at) => Buffer.from(hex.slice(at, at + 8), 'hex').reverse()),
  );
  if (bytes.subarray(0, 10).every((b) => b === 0) && bytes.readUInt16BE(10) === 0xffff) {
    return `::ffff:${[...bytes.subarray(12)].join('.')}`;
  }
  const words: string[] = [];
  for (let at = 0; at < 16; at += 2) words.push(bytes.readUInt16BE(at).toString(16));
  return words.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

/** Every local address with a socket listening on TCP `port` (IPv4 and IPv6), from /proc/net. */
export function listeningAddresses(port: number): string[] {
  const found: string[] = [];
  for (const [file, decode] of [
    ['/proc/net/tcp', procIpv4],
    ['/proc/net/tcp6', procIpv6],
  ] as const) {
    let table: string;
    try {
      table = readFileSync(file, 'utf8');
    } catch {
      continue; // no IPv6 on this machine
    }
    for (const line of table.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [address, portHex] = (fields[1] ?? '').split(':');
      if (fields[3] === '0A' && address && parseInt(portHex ?? '', 16) === port) found.push(decode(address));
    }
  }
  return found;
}

export const isLoopback = (address: string): boolean =>
  address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');

/** One of this machine's own non-loopback addresses (IPv4 preferred), or null when it has none. */
export function nonLoopbackAddress(): string | null {
  const all = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  const usable = all.filter((a) => !a.internal && !(a.family === 'IPv6' && a.address.startsWith('fe80')));
  return (usable.find((a) => a.family === 'IPv4') ?? usable[0])?.address ?? null;
}

/** How a TCP connection to host:port ends: 'connected', or the error code (ECONNREFUSED...). */
export function tryConnect(host: string, port: number, timeoutMs = 2_000): Promise<string> {
  return new Promise((done) => {
    const socket = connect({ host, port });
    socket.setTimeout(timeoutMs);
    socket.once('connect', () => {
      socket.destroy();
      done('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      done('ETIMEDOUT');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}

/** Live DynamoDB Local java processes whose command line mentions `needle` (a data dir, "-port N"). */
export const dynamoDbLocalProcesses = (needle: string): ProcInfo[] =>
  processes().filter(
    (p) => p.state !== 'Z' && p.cmdline.includes('DynamoDBLocal') && p.cmdline.includes(needle),
  );

/** The environment a process was started with (readable for our own children, as root or owner). */
export function environOf(pid: number): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')) {
    const at = entry.indexOf('=');
    if (at > 0) env[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return env;
}

/**
 * Mounts a tmpfs of `sizeKb` on `dir` (read-only if asked); false when this machine does not let
 * us mount (not root, or no CAP_SYS_ADMIN in a container). Pair with unmount().
 */
export function mountTmpfs(dir: string, options: { sizeKb: number; readOnly?: boolean }): boolean {
  const flags = `${options.readOnly ? 'ro,' : ''}size=${options.sizeKb}k,mode=0755`;
  return spawnSync('mount', ['-t', 'tmpfs', '-o', flags, 'tmpfs', dir], { stdio: 'ignore' }).status === 0;
}

/** Unmounts `dir`; if a process still holds it (one being killed), detaches it lazily instead. */
export function unmount(dir: string): void {
  if (spawnSync('umount', [dir], { stdio: 'ignore' }).status !== 0) {
    spawnSync('umount', ['-l', dir], { stdio: 'ignore' });
  }
}

// --- full-disk helpers
// For test/faults/full-disk.test.ts: whether this machine lets us mount a tmpfs at all (decided
// once, at load time, so a suite can skip itself plainly), how much room a mount has left, a filler
// file that can be deleted later to make room, and an unmount that waits for our processes to let go
// of the mount. Its imports are aliased so they cannot collide with the blocks above.
import { spawnSync as spawnFullDisk } from 'node:child_process';
import {
  mkdtempSync as mkdtempFullDisk,
  rmSync as rmFullDisk,
  statfsSync as statfsFullDisk,
  writeFileSync as writeFullDisk,
} from 'node:fs';
import { tmpdir as tmpdirFullDisk } from 'node:os';

/** Whether a tmpfs can be mounted here (root with CAP_SYS_ADMIN): tries a tiny one and removes it. */
export function canMountTmpfs(): boolean {
  const probe = mkdtempFullDisk(join(tmpdirFullDisk(), 'apikeys-mount-probe-'));
  try {
    const mounted = spawnFullDisk('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], {
      stdio: 'ignore',
    });
    if (mounted.status !== 0) return false;
    spawnFullDisk('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmFullDisk(probe, { recursive: true, force: true });
  }
}

/** Bytes still usable on the file system holding `dir`. */
export function freeSpace(dir: string): number {
  const stats = statfsFullDisk(dir);
  return stats.bavail * stats.bsize;
}

/** Takes `bytes` of room with a file that can be deleted later to make room again. */
export function writeFiller(path: string, bytes: number): void {
  writeFullDisk(path, Buffer.alloc(bytes, 1));
}

export function isMounted(dir: string): boolean {
  return readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .some((line) => line.split(' ')[1] === dir);
}

/**
 * Unmounts `dir` once nothing holds files on it any more (killed processes take a moment to go);
 * after `timeoutMs` it detaches the mount lazily, so a test never leaves a mount behind.
 */
export async function unmountWhenReleased(dir: string, timeoutMs = 10_000): Promise<void> {
  const released = await eventually(
    () => !isMounted(dir) || spawnFullDisk('umount', [dir], { stdio: 'ignore' }).status === 0,
    timeoutMs,
  );
  if (!released) spawnFullDisk('umount', ['-l', dir], { stdio: 'ignore' });
}
