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
