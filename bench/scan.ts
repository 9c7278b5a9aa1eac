// Cost against table size: a cache-miss verification with 1,000 and with 100,000 keys in the table,
// and one expiry scan over the 100,000 keys, 1% of them due. Keys are spread over ~20
// accounts whose items carry settings (several durations and warning periods), and their creation
// times are placed so that, at the scan's clock, exactly the intended share has crossed its dueAt.
import { DAY_MS, iso } from '../shared/domain/time';
import { TOKEN_DURATIONS, type Settings } from '../shared/domain/settings';
import { benchServices, createTable, type BenchServices, type BenchWorld } from './setup';
import { verifyMissUsByTable, type Credentials } from './micro';
import type { Plan } from './plan';
import { accountItem, keyItem, seededKey, writeItems } from './seed';
import { elapsedMs } from './timing';

export interface ScaleFigures {
  verify_us_by_keys: Record<string, number>;
  scan_keys: number;
  scan_due: number;
  scan_examined: number;
  scan_ms: number;
  /** Context: tokens the scan newly flagged (should equal scan_due). */
  scan_flagged: number;
}

const DUE_SHARE = 0.01;
/** Spacing of dueAt between consecutive keys: 100,000 keys span 11.6 days, less than any
 * duration minus warning (16 days at least), so every key was created before the scan's clock. */
const STEP_MS = 10_000;
/** Coprime with the table sizes: i -> i * STRIDE mod n visits every slot once, scattering the due
 * keys over all accounts instead of bunching them into the first. */
const STRIDE = 7_919;

function accountSettings(index: number): Settings {
  const tokenDurationDays = TOKEN_DURATIONS[index % TOKEN_DURATIONS.length]!;
  return {
    tokenDurationDays,
    expiryWarningDays: index % 2 === 0 ? 14 : 7,
    enforceExpiry: true,
    updatedAt: iso(Date.now()),
  };
}

interface FilledTable {
  bench: BenchServices;
  /** A valid key of this table, for verification. */
  credentials: Credentials;
  keys: number;
  /** Keys whose dueAt is at or before the scan's clock. */
  due: number;
}

/**
 * A table of `size` keys over `accounts`: one minted by the real use case with the real clock (so it
 * is valid now and not due at the scan's clock: it is the one verified), the rest seeded.
 * Slot s (0..size-1) is due at scanAt + (s - dueSlots + 0.5) * STEP: the slots below dueSlots are due.
 */
async function fillTable(
  bench: BenchServices,
  accounts: Array<{ account: string; settings: Settings }>,
  size: number,
  scanAtMs: number,
): Promise<FilledTable> {
  const { services } = bench;
  const created = scanAtMs - 400 * DAY_MS;
  const accountItems = accounts.map((a) => accountItem(a.account, a.settings, created));
  await writeItems(bench.seeder, bench.tableName, accountItems);
  const target = await services.keyCreation.issue(accounts[0]!.account, {
    name: 'verified',
    roles: ['orders-read'],
  });

  const dueSlots = Math.round(size * DUE_SHARE);
  const scanAt = iso(scanAtMs);
  let due = 0;
  function* keys(): Generator<Record<string, unknown>> {
    for (let i = 0; i < size - 1; i++) {
      const { account, settings } = accounts[i % accounts.length]!;
      const slot = (i * STRIDE) % size;
      const dueAtMs = scanAtMs + (slot - dueSlots + 0.5) * STEP_MS;
      const createdAtMs = dueAtMs - (settings.tokenDurationDays - settings.expiryWarningDays) * DAY_MS;
      const key = seededKey(
        { account, settings, createdAtMs },
        services.hasher.currentKeyId,
        `scale key ${i}`,
      );
      if (key.dueAt !== null && key.dueAt <= scanAt) due++;
      yield keyItem(key);
    }
  }
  await writeItems(bench.seeder, bench.tableName, keys());
  return { bench, credentials: { appKey: target.key.appKey, token: target.token }, keys: size, due };
}

export async function measureScale(
  world: BenchWorld,
  plan: Plan,
  progress: (message: string) => void,
): Promise<ScaleFigures> {
  // A whole second, 30 days ago: the real clock plays no part in which seeded keys are due.
  const scanAtMs = Math.floor((Date.now() - 30 * DAY_MS) / 1000) * 1000;
  const accounts = Array.from({ length: plan.scanAccounts }, (_, i) => ({
    account: `scale${String(i).padStart(2, '0')}`,
    settings: accountSettings(i),
  }));

  // One table per size rather than one growing table: the sizes can then be measured interleaved.
  const tables: FilledTable[] = [];
  for (const size of plan.verifyTableSizes) {
    const tableName = `bench-keys-${size}`;
    await createTable(world, tableName);
    const started = Date.now();
    tables.push(await fillTable(benchServices(world, tableName, 0), accounts, size, scanAtMs));
    progress(`  table of ${size} keys seeded in ${Date.now() - started} ms`);
  }
  const verify_us_by_keys = await verifyMissUsByTable(
    Object.fromEntries(tables.map((t) => [String(t.keys), { cold: t.bench, credentials: t.credentials }])),
    plan,
  );

  const largest = tables[tables.length - 1]!;
  const { ms, value: report } = await elapsedMs(() =>
    largest.bench.services.expiryScan.run({ nowMs: scanAtMs }),
  );
  const flagged = Object.values(report.flagged).reduce((a, b) => a + b, 0);
  if (flagged !== largest.due || !report.complete || report.failed > 0) {
    progress(
      `  warning: the scan flagged ${flagged} of ${largest.due} due keys (complete: ${report.complete})`,
    );
  }
  return {
    verify_us_by_keys,
    scan_keys: largest.keys,
    scan_due: largest.due,
    scan_examined: report.examined,
    scan_ms: ms,
    scan_flagged: flagged,
  };
}
