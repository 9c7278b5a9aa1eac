// Shaping successful responses. Handlers return these instead of hand-built literals.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type ApiResult = APIGatewayProxyStructuredResultV2 & {
  statusCode: number;
  headers: Record<string, string>;
};

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): ApiResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

export const ok = (body: unknown, headers?: Record<string, string>): ApiResult => json(200, body, headers);

/** A response carrying one key: its version is the entity tag for If-Match. */
export const withEtag = (version: number): Record<string, string> => ({ etag: `"${version}"` });

export const noContent = (): ApiResult => ({ statusCode: 204, headers: {} });

/**
 * A download (the export). A text body goes as it is; a binary one as base64 with
 * isBase64Encoded, which API Gateway decodes before it reaches the client (Lambda responses are
 * JSON, so raw bytes cannot travel).
 */
export function attachment(fileName: string, contentType: string, body: string | Buffer): ApiResult {
  const headers = {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${fileName}"`,
  };
  return typeof body === 'string'
    ? { statusCode: 200, headers, body }
    : { statusCode: 200, headers, body: body.toString('base64'), isBase64Encoded: true };
}
