// GET /v1/keys/export of 10,000 keys (issue 14): wall time of the real handler (authentication,
// the paged Queries, the rows, the CSV or XLSX writer) and the size of the payload Lambda would
// return (JSON, the XLSX base64-encoded), which must fit Lambda's 6 MB. The account is seeded with
// heavier rows than the other benches: accented 40-character names, three roles, lastUsedAt on
// every key and a pending renewal on every tenth, so the figures are not flattered by short rows.
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { setServices } from '../shared/composition';
import { bootstrapAccount } from '../shared/use-cases/bootstrap';
import { DEFAULT_SETTINGS } from '../shared/domain/settings';
import { newTokenRecord } from '../shared/domain/key';
import { newTokenId } from '../shared/domain/ids';
import { iso } from '../shared/domain/time';
import { EXPORT_FORMATS, type ExportFormat } from '../shared/domain/export/export-table';
import { payloadBytes } from '../shared/http/export-file';
import type { ApiResult } from '../shared/http/responses';
import { handler } from '../functions/export-keys';
import type { BenchServices } from './setup';
import { keyItem, seededKey, writeItems } from './seed';
import { elapsedMs, median } from './timing';

export const EXPORT_ACCOUNT = 'export10000';
/** Lambda's limit for a buffered response payload. */
export const LAMBDA_PAYLOAD_LIMIT = 6 * 1024 * 1024;
const MINUTE_MS = 60_000;

export interface ExportFigures {
  export_ms_by_format: Record<ExportFormat, number>;
  export_payload_bytes_by_format: Record<ExportFormat, number>;
}

/** Seeds `keys` keys (the owner included) in their own account; returns the owner's credentials. */
export async function seedExportAccount(bench: BenchServices, keys: number) {
  const { services } = bench;
  const { key, token } = await bootstrapAccount(services, EXPORT_ACCOUNT);
  const now = Date.now();
  function* rows(): Generator<Record<string, unknown>> {
    for (let i = 1; i < keys; i++) {
      const spec = { account: EXPORT_ACCOUNT, settings: DEFAULT_SETTINGS, createdAtMs: now - i * MINUTE_MS };
      const seeded = seededKey(spec, services.hasher.currentKeyId, `Integração de pedidos da loja nº ${i}`);
      const renewing = i % 10 === 0;
      const newToken = newTokenRecord(newTokenId(now), { mac: 'x'.repeat(44), keyId: 'local' }, now, 90);
      yield keyItem({
        ...seeded,
        roles: ['catalog-read', 'orders-write', 'key-viewer'],
        lastUsedAt: iso(now - (i % 1440) * MINUTE_MS),
        ...(renewing
          ? {
              tokens: [newToken, { ...seeded.tokens[0]!, state: 'pending-deletion' as const }],
              renewal: { startedAt: iso(now) },
            }
          : {}),
      });
    }
  }
  await writeItems(bench.seeder, bench.tableName, rows());
  return { appKey: key.appKey, token };
}

function exportEvent(owner: { appKey: string; token: string }, format: ExportFormat): APIGatewayProxyEventV2 {
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: 'GET /v1/keys/export',
    rawPath: '/v1/keys/export',
    rawQueryString: `format=${format}`,
    headers: { 'x-api-appkey': owner.appKey, 'x-api-apptoken': owner.token },
    queryStringParameters: { format },
    isBase64Encoded: false,
    requestContext: {
      accountId: 'bench',
      apiId: 'bench',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: 'GET',
        path: '/v1/keys/export',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'bench',
      },
      requestId: `bench-${now}`,
      routeKey: 'GET /v1/keys/export',
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
    },
  };
}

/** Median wall time of `runs` exports per format (after one warm-up each) and the payload size. */
export async function measureExport(
  bench: BenchServices,
  owner: { appKey: string; token: string },
  expectedRows: number,
  runs: number,
): Promise<ExportFigures> {
  setServices(bench.services);
  const context = { getRemainingTimeInMillis: () => 30_000 } as unknown as Context;
  const ms = {} as Record<ExportFormat, number>;
  const bytes = {} as Record<ExportFormat, number>;
  try {
    for (const format of EXPORT_FORMATS) {
      const once = async () => {
        const result = (await handler(exportEvent(owner, format), context)) as ApiResult;
        if (result.statusCode !== 200)
          throw new Error(`export ${format}: ${result.statusCode} ${result.body}`);
        return result;
      };
      const first = await once();
      if (format === 'csv') {
        const lines = (first.body!.match(/\r\n/g) ?? []).length;
        // Header plus one line per key (no name or cell holds a line break here).
        if (lines !== expectedRows + 1)
          throw new Error(`csv export has ${lines - 1} rows, not ${expectedRows}`);
      }
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) samples.push((await elapsedMs(once)).ms);
      ms[format] = median(samples);
      bytes[format] = payloadBytes(first);
    }
  } finally {
    setServices(undefined);
  }
  return { export_ms_by_format: ms, export_payload_bytes_by_format: bytes };
}
