// What coalescing settings changes into one job per account must keep: the wake-up limit holds
// across a job that finished in between, and a worker that wrote with settings older than the
// newest (a change landed while it worked) leaves the account with another full pass, not with
// some tokens on the old settings.
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import type { Clock, KeyRepository } from '../../shared/ports';
import { SettingsService } from '../../shared/use-cases/manage-settings';
import { createTestServices, testEndpoint, type TestServices } from '../helpers/services';
import { seedKeys } from './seed';

const DAY = 86_400_000;
const budget = (units: number) => {
  let spent = 0;
  return () => spent++ >= units;
};
const ownerOf = (account: string, keys: Map<string, number>) => ({
  account,
  appKey: [...keys.keys()][0]!,
  roles: ['owner'],
  permissions: ['keys:view', 'settings:edit'],
});
const lengthen = (days: 180 | 365) => ({
  tokenDurationDays: days,
  expiryWarningDays: 14,
  enforceExpiry: true,
});

describe('coalesced re-expiry jobs', () => {
  let services: TestServices;
  /** Runs once after the next key write of the store, then clears itself. */
  let afterNextSave: (() => Promise<void>) | null = null;
  const settingsService = (budgetMs: number, clock: Clock = services.clock) =>
    new SettingsService(
      services.keys,
      services.work,
      services.index,
      services.events,
      services.settings,
      services.verifier,
      clock,
      budgetMs,
    );
  const seed = async (account: string, count: number) => {
    const now = services.clock.now();
    const db = createDocumentClient({ region: 'us-east-1', endpoint: testEndpoint() });
    return seedKeys(db, services.tableName, [{ account, count, createdAt: (i) => now - i * DAY - i }], now);
  };
  const wakesOf = (account: string) =>
    services.events.ofType('Settings Changed').filter((e) => e.detail.account === account).length;
  const pendingOf = async (account: string) =>
    (await services.index.listReexpiryJobs()).filter((j) => j.account === account);

  beforeAll(async () => {
    services = await createTestServices({
      keys: (inner: KeyRepository) =>
        new Proxy(inner, {
          get(target, property, receiver) {
            if (property !== 'saveKey') return Reflect.get(target, property, receiver) as unknown;
            return async (...args: Parameters<KeyRepository['saveKey']>) => {
              await target.saveKey(...args);
              const hook = afterNextSave;
              afterNextSave = null;
              if (hook) await hook();
            };
          },
        }),
    });
  });

  it('publishes no wake-up within a minute of the last one, even when the job finished in between', async () => {
    // Arrange: a job left by a change with no request budget, then finished by the scan.
    const keys = await seed('wakeco', 30);
    const owner = ownerOf('wakeco', keys);
    const noBudget = settingsService(0);
    await noBudget.put(owner, lengthen(180));
    expect(wakesOf('wakeco')).toBe(1);
    await services.settingsService.runReexpiryJobs(services.clock.now(), () => false);
    expect(await pendingOf('wakeco')).toEqual([]);

    // Act + Assert: 30 s later a new job publishes nothing; 61 s after the first wake it does.
    services.clock.advanceMs(30_000);
    await noBudget.put(owner, lengthen(365));
    expect(await pendingOf('wakeco')).toHaveLength(1);
    expect(wakesOf('wakeco')).toBe(1);
    services.clock.advanceMs(31_000);
    await noBudget.put(owner, lengthen(180));
    expect(wakesOf('wakeco')).toBe(2);
  });

  it('re-opens the job when a worker wrote with settings a newer change had replaced', async () => {
    // Arrange: a job to lengthen 40 tokens to 180 days, left entirely to the scan.
    const keys = await seed('staleco', 40);
    const owner = ownerOf('staleco', keys);
    await settingsService(0).put(owner, lengthen(180));

    // Act: while the scan works on it (after its 5th key), a second change to 365 days runs to
    // completion inside its request. The scan goes on for a while with the 180-day settings it
    // read before, overwriting keys the second change had already done.
    afterNextSave = null;
    let saves = 0;
    const hookAfter = (n: number) => {
      afterNextSave = async () => {
        if (++saves < n) return hookAfter(n);
        await settingsService(Number.POSITIVE_INFINITY).put(owner, lengthen(365));
      };
    };
    hookAfter(5);
    await services.settingsService.runReexpiryJobs(services.clock.now(), budget(20));
    let runs = 0;
    while ((await pendingOf('staleco')).length > 0 && runs++ < 10) {
      await services.settingsService.runReexpiryJobs(services.clock.now(), () => false);
    }

    // Assert: every token follows the newest settings.
    const wrong: string[] = [];
    for (const [appKey, created] of keys) {
      const key = (await services.keys.getKey(appKey))!;
      if (Date.parse(key.tokens[0]!.expiresAt) !== created + 365 * DAY) wrong.push(appKey);
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});
