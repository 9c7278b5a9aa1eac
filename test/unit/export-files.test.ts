// The export's pure parts (API.md 1.1 "Export"): cell neutralization, RFC 4180 output, the file
// name, and the use case's row limit at its real value (10,000) over an in-memory key store.
import { csvField, toCsv } from '../../shared/domain/export/csv';
import { EXPORT_MAX_ROWS, exportFileName, neutralized } from '../../shared/domain/export/export-table';
import { createKey, newTokenRecord, type ApiKey } from '../../shared/domain/key';
import { DomainError } from '../../shared/domain/errors';
import { EXPORT_PAGE, KeyExport } from '../../shared/use-cases/keys/export-keys';
import { SettingsSource } from '../../shared/use-cases/settings-source';
import type { AccountRepository, KeyPage, KeyRepository } from '../../shared/ports';
import { parseCsv } from '../helpers/spreadsheets';
import { MAX_RESPONSE_BYTES, exportResponse, payloadBytes } from '../../shared/http/export-file';

const T0 = Date.parse('2026-11-26T12:00:00.000Z');

describe('neutralized (spreadsheet formula injection)', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=', '-'])('prefixes %j with a quote', (cell) => {
    expect(neutralized(cell)).toBe(`'${cell}`);
  });

  it.each(['', 'plain', "'already", ' =spaced', 'a=b', '1-2', 'x@y', '\nline'])('leaves %j alone', (cell) => {
    expect(neutralized(cell)).toBe(cell);
  });
});

describe('toCsv (RFC 4180)', () => {
  it('starts with a BOM, ends every record with CRLF and quotes only what needs it', () => {
    const csv = toCsv([
      ['a', 'b'],
      ['x,y', 'say "hi"'],
      ['line\nbreak', 'cr\rhere'],
      ['', 'ação'],
    ]);

    expect(csv).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"line\nbreak","cr\rhere"\r\n,ação\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('round-trips through an independent RFC 4180 parser', () => {
    const rows = [['=x', '"', ',', '\r\n', 'ü', ' lead and trail ']];

    expect(parseCsv(toCsv(rows).slice(1))).toEqual(rows);
    expect(csvField('plain')).toBe('plain');
  });
});

it('names the file api-keys-{account}-{YYYY-MM-DD}.{ext} with the UTC date', () => {
  // 23:30 on the 26th in UTC is already the 27th in some zones and still the 26th in UTC.
  expect(exportFileName('store', Date.parse('2026-11-26T23:30:00.000Z'), 'csv')).toBe(
    'api-keys-store-2026-11-26.csv',
  );
  expect(exportFileName('store', T0, 'xlsx')).toBe('api-keys-store-2026-11-26.xlsx');
});

describe('the row limit at its real value', () => {
  /** An in-memory key store paging like the DynamoDB adapter: newest first, `accept` filters. */
  class ManyKeys implements KeyRepository {
    calls = 0;
    constructor(private readonly keys: ApiKey[]) {}
    async listKeys(
      _account: string,
      options: { limit: number; after: string | null; budget: number; accept: (key: ApiKey) => boolean },
    ): Promise<KeyPage> {
      this.calls++;
      const start = options.after === null ? 0 : Number(options.after);
      const slice = this.keys.slice(start, start + Math.min(options.limit, options.budget));
      const end = start + slice.length;
      return { items: slice.filter(options.accept), next: end < this.keys.length ? String(end) : null };
    }
    getKey = async () => null;
    touchLastUsed = async () => undefined;
    saveKey = async () => undefined;
  }
  const accounts: AccountRepository = { getAccount: async () => null } as unknown as AccountRepository;
  const clock = { now: () => T0 };
  const keysOf = (n: number): ApiKey[] =>
    Array.from({ length: n }, (_, i) =>
      createKey({
        appKey: `apk-store-${String(i).padStart(26, '0')}`,
        account: 'store',
        name: `key ${i}`,
        roles: [],
        token: newTokenRecord(`t${i}`, { mac: 'm', keyId: 'k' }, T0, 90),
        nowMs: T0,
      }),
    );
  const exporter = (store: KeyRepository) =>
    new KeyExport({
      keys: store,
      settings: new SettingsSource(accounts, clock, 0),
      clock,
      externalRows: async () => [],
    });
  const caller = { account: 'store', appKey: 'apk-store-x', roles: [], permissions: ['keys:view'] };

  it('is 10,000 (API.md)', () => {
    expect(EXPORT_MAX_ROWS).toBe(10_000);
  });

  it('exports exactly 10,000 keys', async () => {
    const file = await exporter(new ManyKeys(keysOf(10_000))).collect(caller, {}, 'csv');

    expect(file.table.keys).toHaveLength(10_001);
  });

  it('refuses 10,001 with export-too-large, and stops reading once past the limit', async () => {
    const store = new ManyKeys(keysOf(12_500));

    const error = await exporter(store)
      .collect(caller, {}, 'csv')
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('export-too-large');
    expect(store.calls).toBe(Math.ceil((EXPORT_MAX_ROWS + 1) / EXPORT_PAGE));
  });

  it('counts matches, not keys read: 12,500 keys of which 5,000 pass a filter export fine', async () => {
    const keys = keysOf(12_500).map((k, i) => (i % 5 < 2 ? { ...k, status: 'inactive' as const } : k));

    const file = await exporter(new ManyKeys(keys)).collect(caller, { status: 'inactive' }, 'csv');

    expect(file.table.keys).toHaveLength(5_001);
  });
});

describe('the response size limit (Lambda: 6 MB for the whole payload)', () => {
  const table = {
    keys: [['appKey', 'name'], ...Array.from({ length: 200 }, (_, i) => [`apk-${i}`, 'ação "quoted"'])],
    external: [['appKey']],
  };
  const file = { fileName: 'api-keys-store-2026-11-26.csv', table };

  it('is just under 6 MB', () => {
    expect(MAX_RESPONSE_BYTES).toBeLessThan(6 * 1024 * 1024);
    expect(MAX_RESPONSE_BYTES).toBeGreaterThan(6 * 1024 * 1024 - 64 * 1024);
  });

  it.each(['csv', 'xlsx'] as const)(
    '%s: counts the payload as Lambda does and refuses one byte over',
    async (format) => {
      const response = await exportResponse(format, file);
      const bytes = payloadBytes(response);
      // What Lambda counts: the whole result as the JSON the runtime sends, headers and all.
      expect(bytes).toBe(
        Buffer.byteLength(
          JSON.stringify({
            statusCode: response.statusCode,
            headers: response.headers,
            body: response.body,
            ...(response.isBase64Encoded === undefined ? {} : { isBase64Encoded: response.isBase64Encoded }),
          }),
        ),
      );
      expect(response.isBase64Encoded ?? false).toBe(format === 'xlsx');
      // JSON escapes (CSV) and base64 (XLSX) make the payload larger than the file itself.
      const fileBytes =
        format === 'csv' ? Buffer.byteLength(response.body!) : Buffer.from(response.body!, 'base64').length;
      expect(bytes).toBeGreaterThan(fileBytes);

      await expect(exportResponse(format, file, bytes)).resolves.toMatchObject({ statusCode: 200 });
      await expect(exportResponse(format, file, bytes - 1)).rejects.toMatchObject({
        code: 'export-too-large',
      });
    },
  );
});
