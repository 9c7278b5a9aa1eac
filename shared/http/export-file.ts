// Lays an export out in the asked format and wraps it as the download response. Imported only by
// functions/export-keys.ts, which keeps the XLSX library out of every other bundle.
import { DomainError } from '../domain/errors';
import { toCsv } from '../domain/export/csv';
import { EXPORT_MEDIA_TYPES, type ExportFormat } from '../domain/export/export-table';
import type { KeyExportFile } from '../use-cases/keys/export-keys';
import { toXlsx } from '../adapters/export/xlsx-writer';
import { attachment, type ApiResult } from './responses';

/**
 * Lambda's limit for a buffered response (6 MB, the whole JSON payload), less room for the headers
 * the middleware adds. 10,000 typical keys need about 2 MB of CSV (bench/export.ts); only names
 * and role lists near their maximum on every key can pass it, and such an export must be a clear
 * 413 asking for a filter, not a 502 from API Gateway.
 */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024 - 16 * 1024;

export async function exportResponse(
  format: ExportFormat,
  file: KeyExportFile,
  maxBytes = MAX_RESPONSE_BYTES,
): Promise<ApiResult> {
  // The CSV has no second sheet: external grants go out in the XLSX only (API.md 1.1).
  const body = format === 'csv' ? toCsv(file.table.keys) : await toXlsx(file.table);
  const response = attachment(file.fileName, EXPORT_MEDIA_TYPES[format], body);
  if (payloadBytes(response) > maxBytes) {
    throw new DomainError(
      'export-too-large',
      'The file would be larger than a response may be; narrow the export with search, status or alert.',
    );
  }
  return response;
}

/** The response as Lambda carries it: JSON, so the body counts with its escapes (or its base64). */
export const payloadBytes = (response: ApiResult): number => Buffer.byteLength(JSON.stringify(response));
