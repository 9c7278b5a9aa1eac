// GET /v1/keys/export: every key that passes the list filters, as a CSV or XLSX download.
import { httpHandler } from '../shared/http/middleware';
import { exportResponse } from '../shared/http/export-file';

export const handler = httpHandler('export-keys', async ({ query, caller, services }) => {
  const { format, ...filters } = query;
  return exportResponse(format, await services.keyExport.collect(caller, filters, format));
});
