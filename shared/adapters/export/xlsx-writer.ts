// The XLSX file of an export: sheet `Keys`, then `External` (API.md 1.1), every cell written as a
// string cell (never a formula), header row frozen.
//
// Library: write-excel-file. Compared with `npm view` (Nov 2026): write-excel-file 4.x has one
// dependency (fflate, pure JS zip), ~3 MB unpacked, published this year and actively kept up;
// exceljs 4.4 pulls nine (archiver, jszip, unzipper, tmp, ...) and has had no stable release since
// 2023; xlsx-js-style is a stale fork of SheetJS 0.18, and SheetJS itself no longer publishes to
// npm. Only functions/export-keys.ts imports this module, so no other function bundles it
// (test/infra/bundle.test.ts checks).
import writeXlsxFile from 'write-excel-file/node';
import type { ExportTable, Sheet } from '../../domain/export/export-table';

/** Plain string cells: `type: String` keeps a digits-only name from turning into a number. */
const cells = (sheet: Sheet) => sheet.map((row) => row.map((value) => ({ value, type: String })));

export async function toXlsx(table: ExportTable): Promise<Buffer> {
  return writeXlsxFile([
    { data: cells(table.keys), sheet: 'Keys', stickyRowsCount: 1 },
    { data: cells(table.external), sheet: 'External', stickyRowsCount: 1 },
  ]).toBuffer();
}
