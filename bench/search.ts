// Search at scale (issue 17): an account of `plan.searchKeys` keys whose directory was built by the
// real backfill, searched through KeyQueries.list as GET /v1/keys?search= is. Reported: the items
// one no-match search reads (counted on the client's own responses) and the median latencies of a
// search matching nothing and one matching three keys.
import { DynamoDbDirectoryBackfill } from '../shared/adapters/dynamodb/directory-backfill';
import { bootstrapAccount } from '../shared/use-cases/bootstrap';
import { DEFAULT_SETTINGS } from '../shared/domain/settings';
import { countItemReads } from '../test/helpers/counting';
import { callerOf } from './accounts';
import type { Plan } from './plan';
import { keyItem, seededKey, writeItems } from './seed';
import type { BenchServices } from './setup';
import { latencyUs, median } from './timing';

export interface SearchFigures {
  search_keys: number;
  search_items_read: number;
  search_p50_ms: number;
  search_match3_items_read: number;
  search_match3_p50_ms: number;
}

const MINUTE_MS = 60_000;
/** Found in exactly three names, accents folded: `nandu` finds `Ñandú`. */
const THREE = 'nandu';
const NOTHING = 'no key is called this';

/** `bench` must have a client of its own: its reads are counted. */
export async function measureSearch(bench: BenchServices, plan: Plan): Promise<SearchFigures> {
  const { services } = bench;
  const account = `search${plan.searchKeys}`;
  const now = Date.now();
  function* keys(): Generator<Record<string, unknown>> {
    for (let i = 1; i < plan.searchKeys; i++) {
      const name = i % 1_000 === 500 && i < 3_000 ? `Pagos Ñandú ${i}` : `integration ${i}`;
      const spec = { account, settings: DEFAULT_SETTINGS, createdAtMs: now - i * MINUTE_MS };
      yield keyItem(seededKey(spec, services.hasher.currentKeyId, name));
    }
  }
  // Seeded as keys from before the directory, so the real backfill builds it.
  await writeItems(bench.seeder, bench.tableName, keys());
  const { key, token } = await bootstrapAccount(services, account);
  await new DynamoDbDirectoryBackfill(bench.seeder, bench.tableName).account(account);
  const caller = await callerOf(bench, { appKey: key.appKey, token });

  const counter = countItemReads(bench.db);
  const searchFor = (text: string, expected: number) => async (): Promise<number> => {
    counter.reads.sortKeys = [];
    const page = await services.keyQueries.list(caller, { search: text, limit: 50, after: null });
    if (page.items.length !== expected) throw new Error(`search ${text}: ${page.items.length} keys`);
    return counter.reads.sortKeys.length;
  };
  const search_items_read = await searchFor(NOTHING, 0)();
  const search_match3_items_read = await searchFor(THREE, 3)();
  const samples = await latencyUs(
    { nothing: searchFor(NOTHING, 0), three: searchFor(THREE, 3) },
    plan.search,
  );
  return {
    search_keys: plan.searchKeys,
    search_items_read,
    search_p50_ms: median(samples.nothing) / 1000,
    search_match3_items_read,
    search_match3_p50_ms: median(samples.three) / 1000,
  };
}
