// A settings change on a large account: the request does what fits its budget (measured by the
// injected clock), leaves a job, and the job (run by the expiry scan) converges every token, with
// the shortening grace applied.
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import type { Clock } from '../../shared/ports';
import { SettingsService } from '../../shared/use-cases/manage-settings';
import { createTestServices, testEndpoint, type TestServices } from '../helpers/services';
import { seedKeys } from './seed';

const DAY = 86_400_000;

/** The test clock's instant, moving on with real time: a request budget can run out. */
const realTimeFrom = (base: number): Clock => {
  const started = Date.now();
  return { now: () => base + (Date.now() - started) };
};

/** A clock that moves `stepMs` every time it is read: time passes only through the Clock port. */
const stepping = (base: number, stepMs: number): Clock => {
  let now = base;
  return { now: () => (now += stepMs) };
};

describe('settings change on a large account', () => {
  let services: TestServices;
  beforeAll(async () => {
    services = await createTestServices();
  });

  it('answers within its budget and converges every token through the background job', async () => {
    // Arrange: 600 keys created over the last 50 days with the default 90-day duration.
    const now = services.clock.now();
    const db = createDocumentClient({ region: 'us-east-1', endpoint: testEndpoint() });
    const seeded = await seedKeys(
      db,
      services.tableName,
      [{ account: 'bigacct', count: 600, createdAt: (i) => now - (i % 50) * DAY - i }],
      now,
    );
    const caller = {
      account: 'bigacct',
      appKey: [...seeded.keys()][0]!,
      roles: ['owner'],
      permissions: ['keys:view', 'settings:edit'],
    };
    // A service with a tiny request budget, so the job path is taken at this size.
    const settings = new SettingsService(
      services.keys,
      services.work,
      services.index,
      services.events,
      services.settings,
      services.verifier,
      realTimeFrom(now),
      50,
    );

    // Act: shorten to 30 days.
    const started = Date.now();
    const changed = await settings.put(caller, {
      tokenDurationDays: 30,
      expiryWarningDays: 14,
      enforceExpiry: true,
    });
    const requestMs = Date.now() - started;
    // The instant the change applies at (the grace floor counts from it).
    const at = Date.parse(changed.updatedAt!);
    const jobs = await services.index.listReexpiryJobs();
    expect(jobs.map((j) => j.account)).toEqual(['bigacct']);
    expect(services.events.ofType('Settings Changed')).toHaveLength(1);

    let runs = 0;
    while ((await services.index.listReexpiryJobs()).length > 0 && runs++ < 50) {
      let calls = 0;
      await services.settingsService.runReexpiryJobs(at, () => calls++ > 400);
    }

    // Assert: every token follows the new duration, never earlier than now + 14 days.
    expect(requestMs).toBeLessThan(5_000);
    for (const [appKey, created] of seeded) {
      const key = (await services.keys.getKey(appKey))!;
      const expected = Math.max(created + 30 * DAY, at + 14 * DAY);
      expect(Date.parse(key.tokens[0]!.expiresAt)).toBe(expected);
    }
    expect(await services.index.listReexpiryJobs()).toEqual([]);
  }, 180_000);

  it('measures its request budget with the injected clock, not the system clock', async () => {
    // Arrange: 30 keys, and a clock that moves 1 s each time it is read, so a 3 s budget is spent
    // after a handful of keys however fast the machine is.
    const now = services.clock.now();
    const db = createDocumentClient({ region: 'us-east-1', endpoint: testEndpoint() });
    const seeded = await seedKeys(
      db,
      services.tableName,
      [{ account: 'clockacct', count: 30, createdAt: (i) => now - i * DAY - i }],
      now,
    );
    const caller = {
      account: 'clockacct',
      appKey: [...seeded.keys()][0]!,
      roles: ['owner'],
      permissions: ['keys:view', 'settings:edit'],
    };
    const settings = new SettingsService(
      services.keys,
      services.work,
      services.index,
      services.events,
      services.settings,
      services.verifier,
      stepping(now, 1_000),
      3_000,
    );

    // Act: lengthen to 180 days.
    await settings.put(caller, { tokenDurationDays: 180, expiryWarningDays: 14, enforceExpiry: true });

    // Assert: the request stopped after a few keys and left the rest to the job.
    let reexpired = 0;
    for (const [appKey, created] of seeded) {
      const key = (await services.keys.getKey(appKey))!;
      if (Date.parse(key.tokens[0]!.expiresAt) === created + 180 * DAY) reexpired++;
    }
    expect(reexpired).toBeLessThanOrEqual(5);
    expect((await services.index.listReexpiryJobs()).map((j) => j.account)).toContain('clockacct');
  }, 60_000);
});
