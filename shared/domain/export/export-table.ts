// What an export holds (API.md 1.1 "Export"): the rows of the key sheet and of the external-grant
// sheet, in the contract's column order, each cell already made safe for spreadsheets. Pure: the
// CSV and XLSX writers only lay these rows out.
import type { ApiKey } from '../key';
import { alertOfKey } from '../key';
import type { Settings } from '../settings';

/** API.md: "at most 10,000 rows (else 413 export-too-large)". */
export const EXPORT_MAX_ROWS = 10_000;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The Content-Type of each format (the OpenAPI document and the response use the same). */
export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const KEY_COLUMNS = [
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
] as const;

export const EXTERNAL_COLUMNS = ['appKey', 'owner', 'roles', 'status', 'addedAt'] as const;

/** An external grant as the export shows it (the External sheet of the XLSX). */
export interface ExternalRow {
  appKey: string;
  owner: string;
  roles: string[];
  status: string;
  addedAt: string;
}

/** A sheet: its header row first, every cell a string (empty for "no value"). */
export type Sheet = string[][];

export interface ExportTable {
  keys: Sheet;
  external: Sheet;
}

/** Cells a spreadsheet would read as a formula (or that hide one behind a tab or carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * OWASP's CSV-injection rule: a leading `'` makes the spreadsheet show the text instead of running
 * it. Applied in both formats, because an XLSX opened and saved as CSV carries the text on.
 */
export const neutralized = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);

const ROLE_SEPARATOR = ', ';

/** One key's row. Tokens are newest first; during a renewal the second one is being replaced. */
export function keyRow(key: ApiKey, settings: Settings, nowMs: number): string[] {
  const newest = key.tokens[0]!;
  const replaced = key.renewal ? key.tokens[1] : undefined;
  return [
    key.appKey,
    key.name,
    key.roles.join(ROLE_SEPARATOR),
    key.status,
    key.createdAt,
    (replaced ?? newest).createdAt,
    replaced ? newest.createdAt : '',
    newest.expiresAt,
    alertOfKey(key, settings, nowMs),
    key.lastUsedAt ?? '',
  ].map(neutralized);
}

export const externalRow = (grant: ExternalRow): string[] =>
  [grant.appKey, grant.owner, grant.roles.join(ROLE_SEPARATOR), grant.status, grant.addedAt].map(neutralized);

/** `api-keys-{account}-{YYYY-MM-DD}.{ext}`, the date in UTC like every timestamp of the API. */
export const exportFileName = (account: string, nowMs: number, format: ExportFormat): string =>
  `api-keys-${account}-${new Date(nowMs).toISOString().slice(0, 10)}.${format}`;
