// `npm run bench [-- --quick] [-- --json]`: the benchmark suite of issue 6. Starts its own DynamoDB
// Local (in memory), measures every figure on fresh tables, prints a Markdown table on stdout and,
// with --json, the same figures as one JSON object on the last line. Progress goes to stderr so
// stdout stays machine-readable. A full (not --quick) run also writes bench/results/latest.{md,json}.
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { benchServices, createTable, openWorld, REGION, type BenchWorld } from './setup';
import { FULL_PLAN, QUICK_PLAN, type Plan } from './plan';
import { createSizedAccounts, type SizedAccount } from './accounts';
import { measureHit, measureMiss } from './micro';
import { measureGarbage } from './garbage';
import { measureExternalVerify } from './external';
import { LEAK_REPORT_ITEMS, measureLeakReport } from './leaks';
import { measureAuditList, measureChange } from './audit';
import { measureListBySize, measureReindex } from './listing';
import { measureHttp } from './http';
import { measureScale } from './scan';
import { measureBundles } from './bundles';
import { measureExport, seedExportAccount } from './export';
import { measureSearch } from './search';
import { jsonLine, markdownReport, type Context, type Figures, type Meta } from './report';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();

function progress(message: string): void {
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
}

function sized(accounts: Map<number, SizedAccount>, keys: number): SizedAccount {
  const account = accounts.get(keys);
  if (!account) throw new Error(`no account with ${keys} keys was created`);
  return account;
}

async function measure(world: BenchWorld, plan: Plan): Promise<{ figures: Figures; context: Context }> {
  progress('seeding accounts for listing, HTTP and re-expiry');
  await createTable(world, 'bench-lists');
  // Verification cache off (TTL 0) for misses; 60 s (the maximum) for hits and listing.
  const cold = benchServices(world, 'bench-lists', 0);
  const warm = benchServices(world, 'bench-lists', 60);
  const accounts = await createSizedAccounts(warm, [...plan.listSizes, plan.httpListKeys, plan.reindexKeys]);
  const httpAccount = sized(accounts, plan.httpListKeys);

  progress('GetItem floor vs cache-miss verification');
  const miss = await measureMiss(cold, httpAccount.owner, plan);
  progress('SHA-256 floor vs cache-hit verification');
  const hit = await measureHit(warm, httpAccount.owner, plan);

  progress('KMS calls and storage reads per 1,000 garbage verifications');
  const garbage = await measureGarbage(warm, httpAccount.owner);

  progress('storage reads of an external key verification vs an internal one');
  const external = await measureExternalVerify(warm);

  progress(`a leak report of ${LEAK_REPORT_ITEMS} live tokens`);
  const leak_report_100_ms = await measureLeakReport(warm);

  progress('a change before and after its audit entry');
  const change = await measureChange(warm, httpAccount.owner, plan);
  progress(`first audit page with ${plan.auditSizes.join(' and ')} entries`);
  const audit_list_ms_by_entries = await measureAuditList(warm, httpAccount.owner, plan.auditSizes, plan);

  progress('first list page by account size');
  const list_ms_by_keys = await measureListBySize(
    warm,
    plan.listSizes.map((n) => sized(accounts, n)),
    plan,
  );

  progress(`search in an account of ${plan.searchKeys} keys (directory built by the backfill)`);
  // A client of its own: the search's item reads are counted on it.
  const searched = await measureSearch(benchServices(world, 'bench-lists', 60), plan);

  progress('HTTP load: bare node:http, POST /v1/verify, GET /v1/keys');
  const http = await measureHttp(
    {
      ...process.env,
      DYNAMODB_ENDPOINT: world.dynamo.endpoint,
      TABLE_NAME: 'bench-lists',
      AWS_REGION: REGION,
      KEY_PROVIDER: 'local',
      DATA_DIR: world.dataDir,
      VERIFY_CACHE_TTL_SECONDS: '60',
    },
    httpAccount.owner,
    httpAccount.owner,
    plan,
  );

  progress(`settings change over ${plan.reindexKeys} keys`);
  const reindex_ms = await measureReindex(warm, sized(accounts, plan.reindexKeys));

  progress(`export of ${plan.exportKeys} keys as CSV and XLSX`);
  const exportOwner = await seedExportAccount(warm, plan.exportKeys);
  const exported = await measureExport(warm, exportOwner, plan.exportKeys, plan.exportRuns);

  progress('table growth and the expiry scan');
  const scale = await measureScale(world, plan, progress);

  progress('function bundles and their import time');
  const bundles = await measureBundles(REPO_ROOT, plan.initRuns);

  const figures: Figures = {
    getitem_us: miss.getitem_us,
    verify_miss_us: miss.verify_miss_us,
    verify_miss_over_getitem: miss.verify_miss_us / miss.getitem_us,
    sha256_ns: hit.sha256_ns,
    verify_hit_ns: hit.verify_hit_ns,
    verify_hit_over_sha256: hit.verify_hit_ns / hit.sha256_ns,
    ...http,
    http_verify_over_bare: http.http_verify_rps / http.http_bare_rps,
    garbage_kms_per_1000: Object.fromEntries(Object.entries(garbage).map(([k, v]) => [k, v.kms])),
    garbage_reads_per_1000: Object.fromEntries(Object.entries(garbage).map(([k, v]) => [k, v.reads])),
    list_ms_by_keys,
    external_verify_reads: external.reads,
    internal_verify_cold_us: external.internal_us,
    external_verify_cold_us: external.external_us,
    leak_report_100_ms,
    ...change,
    change_after_over_before: change.change_us_after / change.change_us_before,
    audit_list_ms_by_entries,
    verify_us_by_keys: scale.verify_us_by_keys,
    scan_keys: scale.scan_keys,
    scan_due: scale.scan_due,
    scan_examined: scale.scan_examined,
    scan_ms: scale.scan_ms,
    reindex_ms,
    ...exported,
    ...searched,
    bundle_kb: bundles.bundle_kb,
    bundle_kb_max: bundles.bundle_kb_max,
    init_ms_over_node: bundles.init_ms_over_node,
  };
  const context: Context = {
    verify_miss_settings_cached_us: miss.verify_miss_settings_cached_us,
    sha256_oneshot_ns: hit.sha256_oneshot_ns,
    scan_flagged: scale.scan_flagged,
    reindex_keys: plan.reindexKeys,
    init_ms_by_function: bundles.init_ms_by_function,
  };
  return { figures, context };
}

/** Writes the results as `npm run format` would leave them, so the formatter never churns them. */
async function saveResults(markdown: string, json: string): Promise<void> {
  const dir = join(REPO_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of [
    ['latest.md', markdown],
    ['latest.json', json],
  ] as const) {
    const file = join(dir, name);
    const options = { ...(await resolveConfig(file)), filepath: file };
    writeFileSync(file, await format(text, options));
  }
  progress('wrote bench/results/latest.md and latest.json');
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const plan = args.has('--quick') ? QUICK_PLAN : FULL_PLAN;
  const loadAtStart = loadavg()[0]!;
  progress(`starting DynamoDB Local (${plan.quick ? 'quick' : 'full'} plan)`);
  const world = await openWorld(REPO_ROOT);
  const stop = (): void => {
    void world.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let result: { figures: Figures; context: Context };
  try {
    result = await measure(world, plan);
  } finally {
    await world.close();
  }
  const meta: Meta = {
    date: new Date().toISOString(),
    quick: plan.quick,
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    loadavg: [Math.round(loadAtStart * 100) / 100, Math.round(loadavg()[0]! * 100) / 100],
    wall_s: (Date.now() - started) / 1000,
  };
  const markdown = markdownReport(result.figures, result.context, meta);
  const json = jsonLine(result.figures, result.context, meta);
  if (!plan.quick) await saveResults(markdown, json);
  process.stdout.write(`${markdown}\n`);
  if (args.has('--json')) process.stdout.write(`${json}\n`);
}

main().then(
  // Keep-alive sockets of the SDK clients must not hold the process open.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
