// Serves the built web console from the local runtime: GET/HEAD of /, /index.html, /share/{id} (the
// page a single-access link opens: the same index.html), /assets/* and /config.json (the runtime
// configuration, generated from `config`, not read from disk). Anything else returns false so it
// reaches the API: /v1/*, /health and /openapi.json keep their routes.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import type { StaticHandler } from './server';

export interface ConsoleConfig {
  /** Where the console finds the API; "" means the origin that served the console. */
  apiUrl: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Names esbuild and the build copy into assets/: no slashes, no "..", nothing hidden. */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** A single-access link's page: one base64url segment, as the API mints share ids. */
const SHARE_PAGE = /^\/share\/[A-Za-z0-9_-]{1,100}\/?$/;

/**
 * The console's content security policy: scripts, styles and images from its own origin only (no
 * inline script or style, no eval), API calls only to `connectSrc`, no framing, no plugins. The
 * CloudFront distribution sends the same policy (infra/console-stack.ts).
 */
export function consoleCsp(connectSrc: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `connect-src ${connectSrc}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

function connectSource(apiUrl: string): string {
  return apiUrl ? `'self' ${new URL(apiUrl).origin}` : "'self'";
}

/** Content-hashed names (app-ABCD1234.js) never change meaning, so browsers may keep them for good. */
export function assetCaching(name: string): string {
  return /-[A-Z0-9]{8}\./.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export function createConsoleHandler(distDir: string, config: ConsoleConfig): StaticHandler {
  const configJson = JSON.stringify({ apiUrl: config.apiUrl });
  const baseHeaders = {
    'content-security-policy': consoleCsp(connectSource(config.apiUrl)),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  };

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    contentType: string,
    body: string | Buffer,
    cacheControl: string,
  ): void => {
    res.writeHead(status, {
      ...baseHeaders,
      'content-type': contentType,
      'content-length': Buffer.byteLength(body),
      'cache-control': cacheControl,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const sendFile = (
    req: IncomingMessage,
    res: ServerResponse,
    file: string,
    cacheControl: string,
    missing: [number, string] = [404, 'Not found\n'],
  ): void => {
    readFile(file).then(
      (body) =>
        send(req, res, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body, cacheControl),
      () => send(req, res, missing[0], CONTENT_TYPES['.txt']!, missing[1], 'no-store'),
    );
  };

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/' || path === '/index.html' || SHARE_PAGE.test(path)) {
      // Always revalidated, so a new build's hashed asset names are picked up at once.
      sendFile(req, res, join(distDir, 'index.html'), 'no-cache', [
        503,
        'The web console is not built: run `npm run build:console`.\n',
      ]);
      return true;
    }
    if (path === '/config.json') {
      send(req, res, 200, CONTENT_TYPES['.json']!, configJson, 'no-cache');
      return true;
    }
    if (path.startsWith('/assets/')) {
      const name = path.slice('/assets/'.length);
      if (!ASSET_NAME.test(name)) send(req, res, 404, CONTENT_TYPES['.txt']!, 'Not found\n', 'no-store');
      else sendFile(req, res, join(distDir, 'assets', name), assetCaching(name));
      return true;
    }
    return false;
  };
}
