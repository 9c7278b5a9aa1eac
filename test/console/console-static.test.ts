// The local runtime's console handler: what it serves (types, caching, CSP), what it leaves to the
// API (every other path and method), and that asset names cannot escape console/dist.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConsoleHandler } from '../../infra/local/console-static';

describe('createConsoleHandler', () => {
  let dist: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'console-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dist, 'assets', 'app-ABCD2345.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets', 'styles-ABCD2345.css'), 'body{}');
    writeFileSync(join(dist, 'assets', 'favicon.svg'), '<svg/>');
    writeFileSync(join(dist, 'secret.txt'), 'not served');
    const handler = createConsoleHandler(dist, { apiUrl: 'https://api.example.com/prod/' });
    // Whatever the handler declines is answered the way the API would: a marker to assert on.
    server = createServer((req, res) => {
      if (handler(req, res)) return;
      res.writeHead(404, { 'content-type': 'application/problem+json' });
      res.end('{"passed":"to the API"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dist, { recursive: true, force: true });
  });

  test.each([
    ['/', 'text/html; charset=utf-8', 'no-cache'],
    ['/index.html', 'text/html; charset=utf-8', 'no-cache'],
    ['/assets/app-ABCD2345.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/assets/styles-ABCD2345.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/assets/favicon.svg', 'image/svg+xml', 'no-cache'],
    ['/config.json', 'application/json; charset=utf-8', 'no-cache'],
    ['/share/AbCdEfGhIjKlMnOpQr_-12', 'text/html; charset=utf-8', 'no-cache'],
  ])('serves %s as %s', async (path, contentType, cacheControl) => {
    const response = await fetch(base + path);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('cache-control')).toBe(cacheControl);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('a strict CSP: own origin only, no inline script or eval, API calls to the API origin', async () => {
    const csp = (await fetch(base + '/')).headers.get('content-security-policy') ?? '';

    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("connect-src 'self' https://api.example.com;");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  test('config.json carries the API URL given to the handler', async () => {
    expect(await (await fetch(base + '/config.json')).json()).toEqual({
      apiUrl: 'https://api.example.com/prod/',
    });
  });

  test('a single-access link opens the console: /share/{id} is index.html, with the same CSP', async () => {
    const response = await fetch(base + '/share/AbCdEfGhIjKlMnOpQr_-12');

    expect(await response.text()).toBe('<!doctype html><title>console</title>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  test('HEAD answers headers without a body', async () => {
    const response = await fetch(base + '/', { method: 'HEAD' });

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  test.each([
    ['GET', '/v1/keys'],
    ['GET', '/health'],
    ['GET', '/openapi.json'],
    ['GET', '/secret.txt'],
    ['GET', '/index.htm'],
    ['POST', '/'],
    ['PUT', '/config.json'],
    ['DELETE', '/assets/app-ABCD2345.js'],
    ['GET', '/share/'],
    ['GET', '/share/abc/extra'],
    ['GET', '/share/..%2Fsecret.txt'],
    ['POST', '/share/AbCdEfGhIjKlMnOpQr_-12'],
  ])('leaves %s %s to the API', async (method, path) => {
    const response = await fetch(base + path, { method });

    expect(await response.text()).toBe('{"passed":"to the API"}');
  });

  test.each(['/assets/..%2Fsecret.txt', '/assets/.hidden', '/assets/missing-ABCD2345.js', '/assets/'])(
    'answers %s with 404 and never reads outside assets/',
    async (path) => {
      const response = await fetch(base + path);

      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('not served');
    },
  );

  test('an unbuilt console says how to build it, instead of crashing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'console-empty-'));
    const handler = createConsoleHandler(empty, { apiUrl: '' });
    const bare = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;

    const response = await fetch(url);

    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:console');
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self';");
    await new Promise((resolve) => bare.close(resolve));
    rmSync(empty, { recursive: true, force: true });
  });
});
