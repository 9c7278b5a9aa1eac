// The request deadline answers 503 but cannot stop the work behind it. An export pages through
// every key of the account (a Query per 1,000 keys), so it must stop reading by itself once the
// answer has gone: here the key pages are slowed in front of DynamoDB Local, and the export's read
// time is shorter than one page.
import type { KeyRepository } from '../../shared/ports';
import { KeyExport, EXPORT_PAGE } from '../../shared/use-cases/keys/export-keys';
import { UnavailableError } from '../../shared/domain/errors';
import { TestApi } from '../helpers/api';
import { seedKeys } from '../expiry/seed';
import { T0 } from '../integration/support';

describe('an export that runs out of time', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it('stops reading key pages once its time is up, with 503', async () => {
    const count = EXPORT_PAGE + 100; // two pages
    await seedKeys(
      api.services.db,
      api.services.tableName,
      [{ account: 'slowexport', count, createdAt: (i) => T0 - i }],
      T0,
    );
    const owner = await api.bootstrap('slowexport');
    const caller = {
      account: 'slowexport',
      appKey: owner.appKey,
      roles: ['owner'],
      permissions: ['keys:view'],
    };
    let pages = 0;
    const real = api.services.keys;
    const slow: KeyRepository = Object.assign(Object.create(real), {
      listKeys: async (...args: Parameters<KeyRepository['listKeys']>) => {
        pages++;
        await new Promise((r) => setTimeout(r, 200));
        return real.listKeys(...args);
      },
    });
    const exporter = (readForMs: number) =>
      new KeyExport({
        keys: slow,
        settings: api.services.settings,
        clock: api.services.clock,
        externalRows: async () => [],
        readForMs,
      });

    // Time for both pages: the whole account (and the owner key) is exported.
    const whole = await exporter(10_000).collect(caller, {}, 'csv');
    expect(whole.table.keys).toHaveLength(1 + count + 1);
    expect(pages).toBe(2);

    // Less time than one page takes: the first page is read, the second never asked for.
    pages = 0;
    await expect(exporter(100).collect(caller, {}, 'csv')).rejects.toBeInstanceOf(UnavailableError);
    expect(pages).toBe(1);
  }, 60_000);
});
