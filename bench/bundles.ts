// What a cold start pays before the first request: the size of every function bundle, and the time a
// fresh Node process needs to import it, beyond the time Node needs to start at all.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { median } from './timing';
import { routes, tracesSdkCalls, type RouteDefinition } from '../shared/routes';
import { ESM_REQUIRE_BANNER, LAMBDA_ALIASES, SDK_TRACING_DEFINE } from '../infra/lambda-bundling';

/**
 * The bundling options of infra/api-function.ts (NodejsFunction's `bundling`), with the shared parts
 * from infra/lambda-bundling.ts (api-function.ts itself loads aws-cdk-lib). Keep the two in step.
 */
const LAMBDA_BUNDLING: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: { js: ESM_REQUIRE_BANNER },
  // As bundleAwsSDK: the AWS SDK is bundled, nothing is left to the runtime.
  external: [],
  alias: LAMBDA_ALIASES,
  logLevel: 'warning',
};

export interface BundleFigures {
  bundle_kb: Record<string, number>;
  bundle_kb_max: number;
  init_ms_over_node: number;
  /** Context: the import time over bare Node of each bundle. */
  init_ms_by_function: Record<string, number>;
}

/**
 * Every functions/*.ts, bundled like the CDK stack bundles it (as `<name>/index.mjs`). One esbuild
 * call with many entry points and no code splitting yields the same self-contained bundles as one
 * call per function, in a fraction of the time.
 */
async function bundleAll(repoRoot: string, outDir: string): Promise<Map<string, string>> {
  const names = readdirSync(join(repoRoot, 'functions'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -'.ts'.length))
    .sort();
  // As infra/api-stack.ts: functions whose route calls no AWS service are built without the SDK
  // tracer (APIKEYS_SDK_TRACING 'off'); one esbuild call per value of the switch.
  const access = new Map((routes as readonly RouteDefinition[]).map((r) => [r.handler as string, r.access]));
  const untraced = new Set(names.filter((n) => !tracesSdkCalls(n, access.get(n) ?? 'read')));
  for (const tracing of ['on', 'off']) {
    const group = names.filter((n) => untraced.has(n) === (tracing === 'off'));
    if (group.length === 0) continue;
    await build({
      ...LAMBDA_BUNDLING,
      define: { [SDK_TRACING_DEFINE]: JSON.stringify(tracing) },
      entryPoints: Object.fromEntries(group.map((n) => [n, join(repoRoot, 'functions', `${n}.ts`)])),
      outdir: outDir,
      entryNames: '[name]/index',
      outExtension: { '.js': '.mjs' },
    });
  }
  return new Map(names.map((n) => [n, join(outDir, n, 'index.mjs')]));
}

/**
 * The environment of a Lambda function as infra/api-function.ts sets it (source maps enabled, the
 * SDK's Node version warning off), nothing inherited: tsx's hooks must not load in these children.
 */
const LAMBDA_LIKE_ENV = {
  PATH: process.env.PATH ?? '',
  AWS_REGION: 'us-east-1',
  NODE_OPTIONS: '--enable-source-maps',
  POWERTOOLS_SERVICE_NAME: 'apikeys',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** Wall time (ms) of one fresh `node -e <code>`, from spawn to exit. */
function nodeRunMs(code: string, cwd: string): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-e', code], { cwd, env: LAMBDA_LIKE_ENV, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`node -e ${code} failed (${result.status}):\n${result.stderr}`);
  return ms;
}

export async function measureBundles(repoRoot: string, runs: number): Promise<BundleFigures> {
  // Outside the repository, with no node_modules above: as on Lambda, a bundle must carry all it
  // imports (the AWS SDK included), and one that does not fails here instead of in AWS.
  const outDir = mkdtempSync(join(tmpdir(), 'apikeys-bundles-'));
  try {
    const bundles = await bundleAll(repoRoot, outDir);
    const bundle_kb: Record<string, number> = {};
    for (const [name, file] of bundles) bundle_kb[name] = statSync(file).size / 1024;

    // Rounds visit bare Node and every bundle, alternating direction, so load drift spreads evenly.
    const targets: Array<[string, string]> = [
      ['node', '0'],
      ...[...bundles].map(([name, file]): [string, string] => [
        name,
        `import(${JSON.stringify(pathToFileURL(file).href)})`,
      ]),
    ];
    const times = new Map<string, number[]>(targets.map(([name]) => [name, []]));
    nodeRunMs('0', outDir); // the first spawn pays for filling the page cache
    for (let round = 0; round < runs; round++) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const [name, code] of order) times.get(name)!.push(nodeRunMs(code, outDir));
    }
    const bare = median(times.get('node')!);
    const init_ms_by_function: Record<string, number> = {};
    for (const name of bundles.keys()) init_ms_by_function[name] = median(times.get(name)!) - bare;
    return {
      bundle_kb,
      bundle_kb_max: Math.max(...Object.values(bundle_kb)),
      init_ms_over_node: Math.max(...Object.values(init_ms_by_function)),
      init_ms_by_function,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
