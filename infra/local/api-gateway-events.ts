// Builds API Gateway HTTP API (payload 2.0) events from plain HTTP requests, the way API Gateway
// does: lower-cased headers, repeated headers and query values joined by commas, decoded path
// parameters. The handlers cannot tell the local runtime from AWS.
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';

let sequence = 0;
/** Unique per process and cheap: API Gateway's ids are opaque, so a counter serves locally. */
export const nextRequestId = (): string => `local-${process.pid}-${++sequence}`;

export interface MatchedRequest {
  routeKey: string;
  pathParameters?: Record<string, string>;
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
}

function queryOf(search: URLSearchParams): Record<string, string> | undefined {
  const query: Record<string, string> = {};
  for (const [k, v] of search) query[k] = k in query ? `${query[k]},${v}` : v;
  return Object.keys(query).length ? query : undefined;
}

export function toProxyEvent(
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  match: MatchedRequest,
): APIGatewayProxyEventV2 {
  const now = new Date();
  const headers = headersOf(req);
  return {
    version: '2.0',
    routeKey: match.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: queryOf(url.searchParams),
    pathParameters: match.pathParameters,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: nextRequestId(),
      routeKey: match.routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    body: body.length ? body.toString('utf8') : undefined,
    isBase64Encoded: false,
  };
}

export function toAuthorizerEvent(
  event: APIGatewayProxyEventV2,
  identitySource: string[],
): APIGatewayRequestAuthorizerEventV2 {
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: `arn:aws:execute-api:local:local:local/$default/${event.requestContext.http.method}${event.rawPath}`,
    identitySource,
    routeKey: event.routeKey,
    rawPath: event.rawPath,
    rawQueryString: event.rawQueryString,
    cookies: [],
    headers: event.headers as Record<string, string>,
    queryStringParameters: event.queryStringParameters as Record<string, string>,
    requestContext: event.requestContext,
    pathParameters: event.pathParameters as Record<string, string>,
    stageVariables: {},
  };
}
