// Fairness of the expiry scan (audit finding 4): a large account that keeps changing its settings
// must not hold back another account's due token, must not flood the bus with wake-up events,
// and its one coalesced job must keep moving and converge every token on the newest settings.
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import type { DomainEvent, EventPublisher } from '../../shared/ports';
import { ExpiryScan } from '../../shared/use-cases/expiry-scan';
import { SettingsService } from '../../shared/use-cases/manage-settings';
import { createTestServices, testEndpoint, type TestServices } from '../helpers/services';
import { seedKeys } from './seed';

const DAY = 86_400_000;
const STEP_MS = 20_000;
const RUNS = 12;
/** Work units (a key re-expired, an index page read) one scan run may spend: far below 300 keys. */
const RUN_BUDGET = 40;
const BIG_KEYS = 300;

/** Records when (by the injected clock) each event was published. */
class TimedPublisher implements EventPublisher {
  readonly published: Array<{ at: number; event: DomainEvent }> = [];
  constructor(private readonly now: () => number) {}
  async publish(events: DomainEvent[]): Promise<void> {
    for (const event of events) this.published.push({ at: this.now(), event });
  }
}

const budget = (units: number) => {
  let spent = 0;
  return () => spent++ >= units;
};

describe('expiry scan fairness', () => {
  let services: TestServices;
  let events: TimedPublisher;
  let settings: SettingsService;
  let scan: ExpiryScan;
  let big: Map<string, number>;
  let small: Map<string, number>;
  const T0 = Date.parse('2026-11-26T12:00:00.000Z');
  /** When each of the small account's keys comes due (created + 76 days: 14 days before 90). */
  const dueAt = new Map<string, number>();

  beforeAll(async () => {
    services = await createTestServices();
    services.clock.set(T0);
    events = new TimedPublisher(() => services.clock.now());
    // A request budget of 0: every change is left to the job, the case where jobs pile up.
    settings = new SettingsService(
      services.keys,
      services.work,
      services.index,
      events,
      services.settings,
      services.verifier,
      services.clock,
      0,
    );
    scan = new ExpiryScan(
      services.keys,
      services.accounts,
      services.index,
      services.index,
      events,
      settings,
      services.clock,
    );
    const db = createDocumentClient({ region: 'us-east-1', endpoint: testEndpoint() });
    // The small account's key i comes due 10 s before run 3i+1, so runs 1, 4, 7 and 10 each
    // find one newly due token. The large account's tokens are all far from expiry.
    small = await seedKeys(
      db,
      services.tableName,
      [{ account: 'smallco', count: 4, createdAt: (i) => T0 - 76 * DAY + (3 * i + 1) * STEP_MS - 10_000 }],
      T0,
    );
    for (const [appKey, created] of small) dueAt.set(appKey, created + 76 * DAY);
    big = await seedKeys(
      db,
      services.tableName,
      [{ account: 'bigco', count: BIG_KEYS, createdAt: (i) => T0 - (i % 50) * DAY - i }],
      T0,
    );
  }, 120_000);

  const bigOwner = () => ({
    account: 'bigco',
    appKey: [...big.keys()][0]!,
    roles: ['owner'],
    permissions: ['keys:view', 'settings:edit'] as never,
  });
  const durationOf = (run: number) => (run % 2 === 0 ? 365 : 180);
  const flaggedSmallKeys = () =>
    events.published
      .filter((p) => p.event.type === 'Token Expiring' && p.event.detail.account === 'smallco')
      .map((p) => p.event.detail.appKey as string)
      .sort();

  it('flags every due token in the run it comes due, while a large account keeps changing settings', async () => {
    const late: Array<{ run: number; due: string[]; flagged: string[] }> = [];
    for (let run = 1; run <= RUNS; run++) {
      // Arrange: time moves on, and the large account changes its token duration again.
      services.clock.advanceMs(STEP_MS);
      await settings.put(bigOwner(), {
        tokenDurationDays: durationOf(run),
        expiryWarningDays: 14,
        enforceExpiry: true,
      });

      // Act: one scan run with a deadline far too short for the large account's job.
      await scan.run({ outOfTime: budget(RUN_BUDGET) });

      // Assert (after all runs): whatever came due was flagged in this very run.
      const now = services.clock.now();
      const due = [...dueAt].filter(([, at]) => at <= now).map(([appKey]) => appKey);
      const flagged = flaggedSmallKeys();
      if (JSON.stringify(flagged) !== JSON.stringify(due.sort())) late.push({ run, due, flagged });
    }
    expect(late).toEqual([]);
    expect(flaggedSmallKeys()).toHaveLength(4);
  }, 120_000);

  it('wakes the scan at most once a minute per account', () => {
    const wakes = events.published.filter(
      (p) => p.event.type === 'Settings Changed' && p.event.detail.account === 'bigco',
    );
    // 12 changes over 4 minutes: at least the first one wakes the scan, and no two within 60 s.
    expect(wakes.length).toBeGreaterThanOrEqual(1);
    expect(wakes.length).toBeLessThanOrEqual(Math.ceil((RUNS * STEP_MS) / 60_000));
    for (let i = 1; i < wakes.length; i++) {
      expect(wakes[i]!.at - wakes[i - 1]!.at).toBeGreaterThanOrEqual(60_000);
    }
  });

  it('keeps one job per account that moved on through the changes instead of restarting', async () => {
    const jobs = await services.index.listReexpiryJobs();
    expect(jobs.filter((j) => j.account === 'bigco')).toHaveLength(1);
    // 12 runs of ~35 keys each cover 300 keys once: a job restarted by every change would never
    // have reached the older keys, which would still carry their original 90-day expiry.
    const untouched: string[] = [];
    for (const [appKey, created] of big) {
      const key = (await services.keys.getKey(appKey))!;
      if (Date.parse(key.tokens[0]!.expiresAt) === created + 90 * DAY) untouched.push(appKey);
    }
    expect(untouched).toEqual([]);
  }, 60_000);

  it('converges every token on the newest settings once the changes stop', async () => {
    const newest = durationOf(RUNS);
    let runs = 0;
    while ((await services.index.listReexpiryJobs()).length > 0) {
      services.clock.advanceMs(STEP_MS);
      await scan.run({ outOfTime: budget(RUN_BUDGET) });
      // One full pass (300 keys at ~35 a run) and a little: never a restart from the beginning.
      expect(++runs).toBeLessThanOrEqual(Math.ceil(BIG_KEYS / (RUN_BUDGET - 10)) + 1);
    }
    for (const [appKey, created] of big) {
      const key = (await services.keys.getKey(appKey))!;
      expect({ appKey, expiresAt: key.tokens[0]!.expiresAt }).toEqual({
        appKey,
        expiresAt: new Date(created + newest * DAY).toISOString(),
      });
    }
  }, 120_000);
});
