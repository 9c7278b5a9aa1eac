// RFC 4180 CSV as API.md 1.1 wants it: UTF-8 with a byte-order mark (so Excel reads accents right),
// CRLF line ends, and a field quoted when it holds a comma, a quote, CR or LF (quotes doubled).
// Cells arrive already neutralized against formula injection (export-table.ts).
import type { Sheet } from './export-table';

const BOM = '\uFEFF';
const CRLF = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;

export const csvField = (cell: string): string =>
  NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;

/** The whole file as text (the BOM is its first character); every record ends with CRLF. */
export const toCsv = (sheet: Sheet): string =>
  BOM + sheet.map((row) => row.map(csvField).join(',') + CRLF).join('');
