// HTTP throughput under load: autocannon (50 connections) in this process against a server child
// (bench/http-server.ts). The floor is a bare node:http server answering fixed JSON; the service is
// the local runtime's server calling the real handlers, its verification cache warm. The bare server
// is loaded before and after the service, and the two runs averaged, so drift in machine load
// between runs does not land on one side of the ratio.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Credentials } from './micro';
import type { Plan } from './plan';

export interface HttpFigures {
  http_bare_rps: number;
  http_verify_rps: number;
  http_verify_p99_ms: number;
  http_verify_errors: number;
  http_list_rps: number;
  http_list_p99_ms: number;
}

interface ServerChild {
  url: string;
  stop(): Promise<void>;
}

const SERVER_SCRIPT = fileURLToPath(new URL('./http-server.ts', import.meta.url));

async function startServer(mode: 'bare' | 'api', env: NodeJS.ProcessEnv): Promise<ServerChild> {
  // tsx as an import hook, as `npm run bench` itself runs; stdout (the request log) is discarded.
  // BENCH_CPU_PROF_DIR profiles the servers (Node 20 refuses --cpu-prof in NODE_OPTIONS).
  const profile = process.env.BENCH_CPU_PROF_DIR;
  const child: ChildProcess = fork(SERVER_SCRIPT, [mode], {
    env,
    execArgv: ['--import', 'tsx', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`${mode} server exited (${code}):\n${stderr}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface Target {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Every answer must be exactly this (a 200 with the wrong body is an error too). */
  expectBody?: string;
}

interface LoadFigures {
  rps: number;
  p99Ms: number;
  errors: number;
}

/** A warm-up run, then the measured run; rps is the median of the per-second counts. */
async function load(target: Target, plan: Plan): Promise<LoadFigures> {
  const options = { ...target, connections: plan.http.connections };
  await autocannon({ ...options, duration: plan.http.warmupS });
  const result = await autocannon({ ...options, duration: plan.http.durationS });
  return {
    rps: result.requests.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx + result.mismatches,
  };
}

/** One request outside the load: it must succeed, and its answer is what every later one must be. */
async function probe(target: Target, check: (body: unknown) => boolean): Promise<string> {
  const res = await fetch(target.url, { method: target.method, headers: target.headers, body: target.body });
  const text = await res.text();
  if (res.status !== 200 || !check(JSON.parse(text)))
    throw new Error(`probe of ${target.url} failed: ${text}`);
  return text;
}

export async function measureHttp(
  apiEnv: NodeJS.ProcessEnv,
  verifyKey: Credentials,
  listCaller: Credentials,
  plan: Plan,
): Promise<HttpFigures> {
  const bare = await startServer('bare', apiEnv);
  const api = await startServer('api', apiEnv);
  try {
    const json = { 'content-type': 'application/json' };
    const verifyBody = JSON.stringify({ appKey: verifyKey.appKey, appToken: verifyKey.token });
    const bareTarget: Target = {
      url: `${bare.url}/v1/verify`,
      method: 'POST',
      headers: json,
      body: verifyBody,
    };
    const verify: Target = { url: `${api.url}/v1/verify`, method: 'POST', headers: json, body: verifyBody };
    // Both are held to an expected body, so autocannon does the same work for each.
    const valid = (b: unknown): boolean => (b as { valid?: boolean }).valid === true;
    bareTarget.expectBody = await probe(bareTarget, valid);
    verify.expectBody = await probe(verify, valid);
    const list: Target = {
      url: `${api.url}/v1/keys?limit=50`,
      method: 'GET',
      headers: { 'x-api-appkey': listCaller.appKey, 'x-api-apptoken': listCaller.token },
    };
    await probe(list, (b) => (b as { items?: unknown[] }).items?.length === 50);

    const bareBefore = await load(bareTarget, plan);
    const verified = await load(verify, plan);
    const bareAfter = await load(bareTarget, plan);
    const listed = await load(list, plan);
    return {
      http_bare_rps: (bareBefore.rps + bareAfter.rps) / 2,
      http_verify_rps: verified.rps,
      http_verify_p99_ms: verified.p99Ms,
      http_verify_errors: verified.errors,
      http_list_rps: listed.rps,
      http_list_p99_ms: listed.p99Ms,
    };
  } finally {
    await Promise.all([bare.stop(), api.stop()]);
  }
}
