// GET /v1/keys/export (API.md 1.1 "Export"): the files themselves, read back with readers written
// from RFC 4180 and the XLSX format (test/helpers/spreadsheets.ts), through the real handler,
// the local runtime's HTTP front door and DynamoDB Local.
import { TestApi, type Credentials, type Reply } from '../helpers/api';
import { parseCsv, readXlsx } from '../helpers/spreadsheets';
import { KeyExport } from '../../shared/use-cases/keys/export-keys';
import type { ExternalRow } from '../../shared/domain/export/export-table';
import { DAY_MS, expectFieldError, expectProblem, keyPath, listAll, issueKey } from './support';

const KEY_HEADER = [
  'appKey',
  'name',
  'roles',
  'status',
  'createdAt',
  'tokenCreatedAt',
  'newTokenCreatedAt',
  'tokenExpiresAt',
  'alert',
  'lastUsedAt',
];
const EXTERNAL_HEADER = ['appKey', 'owner', 'roles', 'status', 'addedAt'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The row API.md describes for a key as GET /v1/keys shows it, computed from the contract's words. */
function expectedRow(key: any): string[] {
  const replaced = key.renewal ? key.tokens[1] : undefined;
  return [
    key.appKey,
    key.name,
    key.roles.join(', '),
    key.status,
    key.createdAt,
    (replaced ?? key.tokens[0]).createdAt,
    replaced ? key.tokens[0].createdAt : '',
    key.tokens[0].expiresAt,
    key.alert,
    key.lastUsedAt ?? '',
  ];
}

/** The CSV's records after checking the bytes the contract fixes: BOM first, CRLF line ends. */
function csvRecords(reply: Reply): string[][] {
  expect(reply.bytes.subarray(0, 3)).toEqual(BOM);
  const text = reply.bytes.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  return parseCsv(text);
}

describe('GET /v1/keys/export', () => {
  let api: TestApi;
  let owner: Credentials;
  let renewing: string;
  const exportOf = (query: string, as: Credentials = owner) =>
    api.request('GET', `/v1/keys/export?${query}`, { as });

  beforeAll(async () => {
    api = await TestApi.start();
    owner = await api.bootstrap('exporter');
    api.services.clock.advanceMs(1_000);
    await issueKey(api, owner, ['catalog-read', 'orders-write'], 'Integração Loja');
    api.services.clock.advanceMs(1_000);
    const inactive = await issueKey(api, owner, [], 'Parado');
    await api.request('POST', keyPath(inactive.appKey, '/deactivate'), { as: owner });
    api.services.clock.advanceMs(1_000);
    renewing = (await issueKey(api, owner, ['catalog-read'], 'Renovando')).appKey;
    api.services.clock.advanceMs(DAY_MS);
    await api.request('POST', keyPath(renewing, '/token/renew'), {
      as: owner,
      body: { deleteOldToken: 'later' },
    });
    // Names a spreadsheet would run as formulas, and one that needs RFC 4180 quoting.
    for (const name of [
      '=HYPERLINK("http://x.test","click")',
      '+1+1',
      '-2',
      '@SUM(A1)',
      'a, "quoted"\nline',
    ]) {
      api.services.clock.advanceMs(1_000);
      await issueKey(api, owner, [], name);
    }
    // Authentication records lastUsedAt (once per 5 minutes): settle it before comparing rows.
    await api.request('GET', '/v1/keys', { as: owner });
  });
  afterAll(() => api.stop());

  describe('CSV', () => {
    it('is every key in the contract columns, newest first, as an attachment named after account and day', async () => {
      const reply = await exportOf('format=csv');
      const keys = await listAll(api, owner);

      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(reply.headers.get('content-disposition')).toBe(
        `attachment; filename="api-keys-exporter-${new Date(api.services.clock.now()).toISOString().slice(0, 10)}.csv"`,
      );
      const [header, ...rows] = csvRecords(reply);
      expect(header).toEqual(KEY_HEADER);
      expect(rows.map((r) => r[0])).toEqual(keys.map((k) => k.appKey));
      const safe = (row: string[]) => row.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c));
      expect(rows).toEqual(keys.map((k) => safe(expectedRow(k))));
    });

    it('is the default format', async () => {
      const reply = await exportOf('');

      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-disposition')).toMatch(/\.csv"$/);
      expect(csvRecords(reply)[0]).toEqual(KEY_HEADER);
    });

    it('shows a pending renewal: the token being replaced, then the new one, and the newest expiry', async () => {
      const key = (await listAll(api, owner)).find((k) => k.appKey === renewing);
      const row = csvRecords(await exportOf('format=csv')).find((r) => r[0] === renewing)!;

      expect(key.renewal).toEqual({ startedAt: expect.any(String) });
      expect(key.tokens[1].createdAt < key.tokens[0].createdAt).toBe(true);
      expect(row.slice(4, 8)).toEqual([
        key.createdAt,
        key.tokens[1].createdAt,
        key.tokens[0].createdAt,
        key.tokens[0].expiresAt,
      ]);
      expect(row[2]).toBe('catalog-read');
    });

    it('leaves newTokenCreatedAt empty without a renewal and joins roles with ", "', async () => {
      const row = csvRecords(await exportOf('search=loja')).slice(1);

      expect(row).toHaveLength(1);
      expect(row[0]![2]).toBe('catalog-read, orders-write');
      // tokenCreatedAt: the key's only token, created with the key.
      const key = (await listAll(api, owner, 'search=loja'))[0]!;
      expect(row[0]![5]).toBe(key.tokens[0].createdAt);
      expect(row[0]![4]).toBe(key.createdAt);
      expect(row[0]![6]).toBe('');
    });

    it("prefixes cells that start with =, +, -, @ with ' and quotes commas, quotes and line breaks", async () => {
      const reply = await exportOf('format=csv');
      const names = csvRecords(reply).map((r) => r[1]);

      expect(names).toEqual(
        expect.arrayContaining([
          `'=HYPERLINK("http://x.test","click")`,
          "'+1+1",
          "'-2",
          "'@SUM(A1)",
          'a, "quoted"\nline',
        ]),
      );
      expect(names.filter((n) => /^[=+\-@]/.test(n!))).toEqual([]);
      expect(reply.text).toContain('"a, ""quoted""\nline"');
    });
  });

  describe('filters (those of GET /v1/keys)', () => {
    it('search is case- and accent-insensitive, on name and appKey', async () => {
      const byName = csvRecords(await exportOf('search=INTEGRACAO')).slice(1);
      const byAppKey = csvRecords(await exportOf(`search=${renewing.slice(-8).toLowerCase()}`)).slice(1);

      expect(byName.map((r) => r[1])).toEqual(['Integração Loja']);
      expect(byAppKey.map((r) => r[0])).toEqual([renewing]);
    });

    it('status and alert give the same keys as the list', async () => {
      for (const query of ['status=inactive', 'status=active', 'alert=none', 'alert=expired']) {
        const rows = csvRecords(await exportOf(query)).slice(1);
        expect([query, rows.map((r) => r[0])]).toEqual([
          query,
          (await listAll(api, owner, query)).map((k) => k.appKey),
        ]);
      }
      expect(
        csvRecords(await exportOf('status=inactive'))
          .slice(1)
          .map((r) => r[1]),
      ).toEqual(['Parado']);
    });

    it('alert is computed at the time of the export', async () => {
      const before = api.services.clock.now();
      api.services.clock.advanceDays(85);
      try {
        const expiring = csvRecords(await exportOf('alert=expiring')).slice(1);
        const all = await listAll(api, owner, 'alert=expiring');

        expect(expiring.length).toBeGreaterThan(0);
        expect(expiring.map((r) => r[0])).toEqual(all.map((k) => k.appKey));
        expect(expiring.every((r) => r[8] === 'expiring')).toBe(true);
      } finally {
        api.services.clock.set(before);
      }
    });

    it('a filter nothing passes gives the header alone', async () => {
      const reply = await exportOf('search=nothing-is-called-this');

      expect(reply.status).toBe(200);
      expect(csvRecords(reply)).toEqual([KEY_HEADER]);
    });

    it.each([
      ['format=pdf', 'format'],
      ['status=paused', 'status'],
      ['alert=soon', 'alert'],
      ['limit=10', 'limit'],
      ['cursor=abc', 'cursor'],
    ])('rejects %s (400 naming %s)', async (query, path) => {
      expectFieldError(await exportOf(query), path);
    });
  });

  describe('XLSX', () => {
    it('is a workbook with sheets Keys and External whose cells are the CSV rows, as text', async () => {
      const reply = await exportOf('format=xlsx');
      const csv = csvRecords(await exportOf('format=csv'));

      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toBe(XLSX_TYPE);
      expect(reply.headers.get('content-disposition')).toMatch(
        /^attachment; filename="api-keys-exporter-\d{4}-\d{2}-\d{2}\.xlsx"$/,
      );
      // The local runtime decoded the function's base64 body as API Gateway does: a ZIP arrives.
      expect(reply.bytes.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
      const book = readXlsx(reply.bytes);
      expect(book.names).toEqual(['Keys', 'External']);
      expect(book.sheets.get('Keys')).toEqual(csv);
      expect(book.sheets.get('External')).toEqual([EXTERNAL_HEADER]);
      // Text cells only: a name of digits stays text, and nothing is a formula.
      expect(book.formulas.get('Keys')).toBe(false);
      const types = book.types
        .get('Keys')!
        .flat()
        .filter((t) => t !== '');
      expect(new Set(types)).toEqual(new Set(['s']));
    });

    it('follows the filters too', async () => {
      const book = readXlsx((await exportOf('format=xlsx&status=inactive')).bytes);

      expect(
        book.sheets
          .get('Keys')!
          .slice(1)
          .map((r) => r[1]),
      ).toEqual(['Parado']);
    });

    it('lists the external grants on the External sheet, neutralized like every cell', async () => {
      const grants: ExternalRow[] = [
        {
          appKey: 'apk-partner-01ARZ3NDEKTSV4RRFFQ69G5FAV',
          owner: 'partner',
          roles: ['catalog-read', 'orders-read'],
          status: 'active',
          addedAt: '2026-11-20T10:00:00.000Z',
        },
        {
          appKey: '=cmd|calc',
          owner: '@evil',
          roles: [],
          status: 'inactive',
          addedAt: '2026-11-21T10:00:00.000Z',
        },
      ];
      const asked: string[] = [];
      const original = api.services.keyExport;
      api.services.keyExport = new KeyExport({
        keys: api.services.keys,
        settings: api.services.settings,
        clock: api.services.clock,
        externalRows: async (account) => (asked.push(account), grants),
      });
      try {
        const book = readXlsx((await exportOf('format=xlsx')).bytes);

        expect(asked).toEqual(['exporter']);
        expect(book.sheets.get('External')).toEqual([
          EXTERNAL_HEADER,
          [
            'apk-partner-01ARZ3NDEKTSV4RRFFQ69G5FAV',
            'partner',
            'catalog-read, orders-read',
            'active',
            '2026-11-20T10:00:00.000Z',
          ],
          ["'=cmd|calc", "'@evil", '', 'inactive', '2026-11-21T10:00:00.000Z'],
        ]);
      } finally {
        api.services.keyExport = original;
      }
    });
  });

  describe('External sheet from the stored grants', () => {
    it("holds the account's real grants, newest first, and only them", async () => {
      const partnerKeys = [
        'apk-partnerone-01ARZ3NDEKTSV4RRFFQ69G5FAV',
        'apk-partnertwo-01ARZ3NDEKTSV4RRFFQ69G5FAW',
      ];
      for (const appKey of partnerKeys) {
        const added = await api.request('POST', '/v1/external-keys', {
          as: owner,
          body: { appKey, roles: ['catalog-read'] },
        });
        expect(added.status).toBe(201);
        api.services.clock.advanceMs(1000);
      }
      const other = await api.bootstrap('exportother');
      expect(
        (
          await api.request('POST', '/v1/external-keys', {
            as: other,
            body: { appKey: 'apk-partnerthree-01ARZ3NDEKTSV4RRFFQ69G5FAX', roles: [] },
          })
        ).status,
      ).toBe(201);
      try {
        const book = readXlsx((await exportOf('format=xlsx')).bytes);
        const rows = book.sheets.get('External')!;
        expect(rows[0]).toEqual(EXTERNAL_HEADER);
        expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
          [partnerKeys[1], 'partnertwo', 'catalog-read', 'active'],
          [partnerKeys[0], 'partnerone', 'catalog-read', 'active'],
        ]);
      } finally {
        for (const appKey of partnerKeys)
          await api.request('DELETE', `/v1/external-keys/${appKey}?confirm=true`, { as: owner });
      }
    });
  });

  describe('size limit', () => {
    const withLimit = async <T>(maxRows: number, run: () => Promise<T>): Promise<T> => {
      const original = api.services.keyExport;
      api.services.keyExport = new KeyExport({
        keys: api.services.keys,
        settings: api.services.settings,
        clock: api.services.clock,
        externalRows: async () => [],
        maxRows,
      });
      try {
        return await run();
      } finally {
        api.services.keyExport = original;
      }
    };

    it('413 export-too-large when one key more than the limit matches, in either format', async () => {
      const count = (await listAll(api, owner)).length;

      for (const format of ['csv', 'xlsx']) {
        const reply = await withLimit(count - 1, () => exportOf(`format=${format}`));
        expectProblem(reply, 'export-too-large');
        expect(reply.headers.get('content-disposition')).toBeNull();
      }
    });

    it('exactly the limit is fine, and a filter brings an oversized export under it', async () => {
      const count = (await listAll(api, owner)).length;

      const full = await withLimit(count, () => exportOf('format=csv'));
      const narrowed = await withLimit(count - 1, () => exportOf('status=inactive'));

      expect(full.status).toBe(200);
      expect(csvRecords(full)).toHaveLength(count + 1);
      expect(narrowed.status).toBe(200);
      expect(csvRecords(narrowed)).toHaveLength(2);
    });
  });

  describe('who may export', () => {
    it('a key-viewer may, a key without keys:view may not', async () => {
      const viewer = await issueKey(api, owner, ['key-viewer'], 'viewer');
      const reader = await issueKey(api, owner, ['catalog-read'], 'reader');

      expect((await exportOf('format=csv', viewer)).status).toBe(200);
      expectProblem(await exportOf('format=csv', reader), 'forbidden');
      expectProblem(await api.request('GET', '/v1/keys/export'), 'unauthorized');
    });

    it("never holds another account's keys or grants", async () => {
      const other = await api.bootstrap('exportother');
      const foreign = await issueKey(api, other, [], 'Integração Loja');

      for (const format of ['csv', 'xlsx']) {
        const mine = await exportOf(`format=${format}`);
        const theirs = await exportOf(`format=${format}`, other);
        const mineText = format === 'csv' ? mine.text : JSON.stringify([...readXlsx(mine.bytes).sheets]);
        const theirText = format === 'csv' ? theirs.text : JSON.stringify([...readXlsx(theirs.bytes).sheets]);
        expect(mineText).not.toContain(foreign.appKey);
        expect(mineText).not.toContain('exportother');
        expect(theirText).toContain(foreign.appKey);
        expect(theirText).not.toContain('apk-exporter-');
        expect(theirs.headers.get('content-disposition')).toContain('api-keys-exportother-');
      }
    });
  });
});
