// Lays an export out in the asked format and wraps it as the download response. Imported only by
// functions/export-keys.ts, which keeps the XLSX library out of every other bundle.
import { toCsv } from '../domain/export/csv';
import { EXPORT_MEDIA_TYPES, type ExportFormat } from '../domain/export/export-table';
import type { KeyExportFile } from '../use-cases/keys/export-keys';
import { toXlsx } from '../adapters/export/xlsx-writer';
import { attachment, type ApiResult } from './responses';

export async function exportResponse(format: ExportFormat, file: KeyExportFile): Promise<ApiResult> {
  // The CSV has no second sheet: external grants go out in the XLSX only (API.md 1.1).
  const body = format === 'csv' ? toCsv(file.table.keys) : await toXlsx(file.table);
  return attachment(file.fileName, EXPORT_MEDIA_TYPES[format], body);
}
