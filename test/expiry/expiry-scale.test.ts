// Scale: the scan reads what is due, not what exists. 20,000 keys in 20 accounts, 1% due.
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { createTestServices, testEndpoint, type TestServices } from '../helpers/services';
import { seedKeys } from './seed';

const DAY = 86_400_000;

describe('expiry scan at scale', () => {
  let services: TestServices;
  beforeAll(async () => {
    services = await createTestServices();
  });

  it('examines at most 1.05 x the due tokens + a constant, and flags exactly the due ones', async () => {
    // Arrange: 20 accounts x 1,000 keys; every 100th key was created 80 days ago (expiring now).
    const now = services.clock.now();
    const db = createDocumentClient({ region: 'us-east-1', endpoint: testEndpoint() });
    const specs = Array.from({ length: 20 }, (_, a) => ({
      account: `scale${a}`,
      count: 1_000,
      createdAt: (i: number) => (i % 100 === 0 ? now - 80 * DAY : now - (i % 50) * DAY) - i,
    }));
    const seeded = await seedKeys(db, services.tableName, specs, now);
    const due = [...seeded].filter(([, created]) => now - created >= 76 * DAY).map(([appKey]) => appKey);
    expect(seeded.size).toBe(20_000);
    expect(due).toHaveLength(200);

    // Act
    const started = Date.now();
    const report = await services.expiryScan.run();
    const wallMs = Date.now() - started;

    // Assert
    expect(report.examined).toBeLessThanOrEqual(1.05 * due.length + 10);
    expect(report.flagged.expiring).toBe(due.length);
    const flagged = services.events.published.map((e) => e.detail.appKey as string).sort();
    expect(flagged).toEqual([...due].sort());
    process.stdout.write(
      `scan at 20,000 keys: due ${due.length}, examined ${report.examined}, ${wallMs} ms\n`,
    );
  }, 180_000);
});
