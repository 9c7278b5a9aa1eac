// The export (API.md 1.1): every key of the caller's account that passes the list filters, read
// with the list's own paged Query (never a Scan), plus the account's external grants. Refuses
// with 413 export-too-large as soon as one row more than the limit matches, so an oversized
// export stops reading early instead of building a file nobody gets.
import { DomainError, UnavailableError } from '../../domain/errors';
import {
  EXPORT_MAX_ROWS,
  KEY_COLUMNS,
  EXTERNAL_COLUMNS,
  exportFileName,
  externalRow,
  keyRow,
  type ExportFormat,
  type ExportTable,
  type ExternalRow,
} from '../../domain/export/export-table';
import { REQUEST_DEADLINE_MS } from '../../http/deadline';
import type { Clock, KeyRepository } from '../../ports';
import type { Caller } from '../caller';
import type { SettingsSource } from '../settings-source';
import { keyFilter, type KeyFilters } from './read-keys';

/** Keys per listKeys call: about one 1 MB DynamoDB page of key items, so one Query each. */
export const EXPORT_PAGE = 1_000;

export interface KeyExportDeps {
  keys: KeyRepository;
  settings: SettingsSource;
  clock: Clock;
  /** The account's external grants (the XLSX `External` sheet). */
  externalRows: (account: string) => Promise<ExternalRow[]>;
  /** @default EXPORT_MAX_ROWS (tests lower it to reach the limit cheaply) */
  maxRows?: number;
  /**
   * How long the key pages may be read (wall clock: the client's timer). The request deadline
   * answers 503 at REQUEST_DEADLINE_MS but cannot stop this loop; a selective export of a large
   * account would read on, a Query per 1,000 keys, for an answer that has gone.
   * @default REQUEST_DEADLINE_MS
   */
  readForMs?: number;
}

export interface KeyExportFile {
  fileName: string;
  table: ExportTable;
}

export class KeyExport {
  constructor(private readonly deps: KeyExportDeps) {}

  async collect(caller: Caller, filters: KeyFilters, format: ExportFormat): Promise<KeyExportFile> {
    const maxRows = this.deps.maxRows ?? EXPORT_MAX_ROWS;
    const settings = await this.deps.settings.get(caller.account);
    const now = this.deps.clock.now();
    const accept = keyFilter(filters, settings, now);
    const keys: string[][] = [[...KEY_COLUMNS]];
    const stopAt = Date.now() + (this.deps.readForMs ?? REQUEST_DEADLINE_MS);
    let after: string | null = null;
    do {
      if (Date.now() >= stopAt) throw new UnavailableError(1, 'ExportReadDeadline');
      const page = await this.deps.keys.listKeys(caller.account, {
        limit: EXPORT_PAGE,
        after,
        budget: EXPORT_PAGE,
        accept,
      });
      for (const key of page.items) keys.push(keyRow(key, settings, now));
      if (keys.length - 1 > maxRows) {
        throw new DomainError(
          'export-too-large',
          `More than ${maxRows} keys match; narrow the export with search, status or alert.`,
        );
      }
      after = page.next;
    } while (after !== null);
    // Only the XLSX has a sheet for them: the CSV does not wait for grants it would not show.
    const grants = format === 'xlsx' ? await this.deps.externalRows(caller.account) : [];
    return {
      fileName: exportFileName(caller.account, now, format),
      table: { keys, external: [[...EXTERNAL_COLUMNS], ...grants.map(externalRow)] },
    };
  }
}
