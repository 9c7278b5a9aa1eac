// `npm run bench:search [-- --quick]`: only the search figures of the suite (bench/search.ts), for a
// quick answer without the full run. Same code, same goals.
import { fileURLToPath } from 'node:url';
import { benchServices, createTable, openWorld } from './setup';
import { FULL_PLAN, QUICK_PLAN } from './plan';
import { measureSearch } from './search';
import { GOALS, type Figures } from './report';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<void> {
  const plan = process.argv.includes('--quick') ? QUICK_PLAN : FULL_PLAN;
  const world = await openWorld(fileURLToPath(new URL('..', import.meta.url)));
  try {
    await createTable(world, 'bench-search');
    const figures = await measureSearch(benchServices(world, 'bench-search', 60), plan);
    const verdicts = GOALS.filter((g) => g.field in figures).map(
      (g) => `${g.field} ${g.target}: ${g.met(figures as unknown as Figures) ? 'met' : 'missed'}`,
    );
    process.stdout.write(`${JSON.stringify(figures)}\n${verdicts.join('\n')}\n`);
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
