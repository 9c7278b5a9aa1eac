// `npm run bench:export [-- --quick]`: only the export figures of the suite (bench/export.ts), for
// a quick answer on a busy machine without the full five-minute run. Same code, same goals.
import { fileURLToPath } from 'node:url';
import { benchServices, createTable, openWorld } from './setup';
import { FULL_PLAN, QUICK_PLAN } from './plan';
import { LAMBDA_PAYLOAD_LIMIT, measureExport, seedExportAccount } from './export';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<void> {
  const plan = process.argv.includes('--quick') ? QUICK_PLAN : FULL_PLAN;
  const world = await openWorld(fileURLToPath(new URL('..', import.meta.url)));
  try {
    await createTable(world, 'bench-export');
    const warm = benchServices(world, 'bench-export', 60);
    const owner = await seedExportAccount(warm, plan.exportKeys);
    const figures = await measureExport(warm, owner, plan.exportKeys, plan.exportRuns);
    const lines = [
      `| export of ${plan.exportKeys} keys | median ms (${plan.exportRuns} runs) | payload bytes | goal |`,
      '| --- | --- | --- | --- |',
    ];
    for (const [format, ms] of Object.entries(figures.export_ms_by_format)) {
      const bytes = figures.export_payload_bytes_by_format[format as 'csv' | 'xlsx'];
      const met = ms < 5000 && bytes < LAMBDA_PAYLOAD_LIMIT;
      lines.push(
        `| ${format} | ${Math.round(ms)} | ${bytes} | ${met ? 'met' : '**missed**'} (< 5000 ms, < 6 MB) |`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n${JSON.stringify(figures)}\n`);
  } finally {
    await world.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
