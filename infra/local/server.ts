// The local HTTP front door: turns each request into the API Gateway event its route would get
// in AWS, runs the authorizer step where the route uses it, and calls the very same handler.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { AUTHORIZER_HANDLER, type RouteDefinition } from '../../shared/routes';
import type { AuthorizerResult } from '../../functions/authorizer';
import { nextRequestId, toAuthorizerEvent, toProxyEvent } from './api-gateway-events';
import { matchRoute } from './route-matcher';

/** API Gateway's own payload limit for HTTP APIs; handlers apply their own, much smaller one. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

type ProxyHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;
type Authorizer = (event: ReturnType<typeof toAuthorizerEvent>) => Promise<AuthorizerResult>;

const modules = new Map<string, Promise<{ handler: unknown }>>();
/** Handlers are loaded by file name, exactly like the route table names them for the CDK stack. */
function load<T>(name: string): Promise<T> {
  if (!modules.has(name))
    modules.set(name, import(`../../functions/${name}.ts`) as Promise<{ handler: unknown }>);
  return modules.get(name)!.then((m) => m.handler as T);
}

function lambdaContext(functionName: string): Context {
  const deadline = Date.now() + 29_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: nextRequestId(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

const gatewayError = (statusCode: number, message: string): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ message }),
});

async function dispatch(req: IncomingMessage, body: Buffer): Promise<APIGatewayProxyStructuredResultV2> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const match = matchRoute(req.method ?? 'GET', url.pathname);
  const event = toProxyEvent(req, url, body, match);
  const route: RouteDefinition = match.route;
  if (route.auth === 'authorizer') {
    // As API Gateway: no identity source -> 401 without calling the authorizer; denied -> 403.
    const identity = [event.headers['x-api-appkey'], event.headers['x-api-apptoken']];
    if (identity.some((v) => !v)) return gatewayError(401, 'Unauthorized');
    const authorize = await load<Authorizer>(AUTHORIZER_HANDLER);
    const verdict = await authorize(toAuthorizerEvent(event, identity as string[]));
    if (!verdict.isAuthorized) return gatewayError(403, 'Forbidden');
    (event.requestContext as unknown as { authorizer: unknown }).authorizer = { lambda: verdict.context };
  }
  const handler = await load<ProxyHandler>(route.handler);
  return handler(event, lambdaContext(route.handler));
}

function send(res: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  // As API Gateway does: a base64 body (a binary download such as the XLSX export) goes out decoded.
  const body = result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? '');
  // A known length, as API Gateway sends it: no chunked encoding, so head and body go out in one
  // write instead of a corked writev of four chunks (the top cost in a --cpu-prof under load).
  const headers: Record<string, string> = { 'content-length': String(Buffer.byteLength(body)) };
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k] = String(v);
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(body);
}

export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export function createApiServer(options: { serveStatic?: StaticHandler } = {}): Server {
  return createServer((req, res) => {
    if (options.serveStatic?.(req, res)) return;
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > GATEWAY_MAX_BODY) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) return send(res, gatewayError(413, 'Request Entity Too Large'));
      dispatch(req, Buffer.concat(chunks)).then(
        (result) => send(res, result),
        // A handler that throws is a bug: API Gateway would answer 500 like this.
        () => send(res, gatewayError(500, 'Internal Server Error')),
      );
    });
  });
}
