// The verify, authorizer and health functions as they run in a fresh Lambda container: with no
// services put in place (every other suite, and the local runtime, put the full composition in
// place first), they build their own, verification-only services from the environment
// (shared/verification-services.ts), or none at all (health). Same table and key file as the
// full services, so a key generated through them verifies here with its custom role's permissions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { BUILT, createServices, setServices, type Services } from '../../shared/composition';
import { loadConfig } from '../../shared/config';
import { servicesInPlace, replaceServices } from '../../shared/service-registry';
import { bootstrapAccount } from '../../shared/use-cases/bootstrap';
import { createTestTable, testEndpoint } from '../helpers/services';

const event = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  ({
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: {
      requestId: 'lean-test',
      routeKey: `${method} ${path}`,
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
    },
  }) as unknown as APIGatewayProxyEventV2;
const context = { awsRequestId: 'lean', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

describe('the hot functions in a fresh container', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'apikeys-lean-'));
  let credentials: { appKey: string; token: string };
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, {
      TABLE_NAME: await createTestTable(),
      DYNAMODB_ENDPOINT: testEndpoint(),
      DATA_DIR: dataDir,
      KEY_PROVIDER: 'local',
      VERIFY_CACHE_TTL_SECONDS: '0',
    });
    // Another container (the create-key function) made the key, with a custom role.
    const full = createServices(loadConfig());
    const owner = await bootstrapAccount(full, 'leanshop');
    const caller = {
      account: 'leanshop',
      appKey: owner.key.appKey,
      roles: ['owner'],
      permissions: ['roles:edit'],
    };
    await full.roleService.create(caller, {
      id: 'stock',
      name: 'Stock',
      description: '',
      permissions: ['stock:read'],
    });
    const made = await full.keyCreation.issue('leanshop', { name: 'till', roles: ['stock', 'orders-read'] });
    credentials = { appKey: made.key.appKey, token: made.token };
    setServices(undefined);
  });
  afterAll(() => {
    replaceServices(undefined);
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('health answers from the configuration alone, building no services', async () => {
    const { handler } = await import('../../functions/health');
    const reply = await handler(event('GET', '/health'), context);
    expect({ status: reply.statusCode, body: JSON.parse(reply.body!) }).toEqual({
      status: 200,
      body: { status: 'ok' },
    });
    expect(servicesInPlace()).toBeUndefined();
  });

  it('verify builds the verification services and reports the custom role', async () => {
    const { handler } = await import('../../functions/verify');
    const reply = await handler(
      event('POST', '/v1/verify', { appKey: credentials.appKey, appToken: credentials.token }),
      context,
    );
    expect(reply.statusCode).toBe(200);
    expect(JSON.parse(reply.body!)).toMatchObject({
      valid: true,
      account: 'leanshop',
      owner: 'leanshop',
      roles: ['stock', 'orders-read'],
      permissions: ['orders:read', 'stock:read'],
    });
    const bad = await handler(event('POST', '/v1/verify', { appKey: credentials.appKey, extra: 1 }), context);
    expect(bad.statusCode).toBe(400);
    expect(
      JSON.parse(bad.body!)
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['appToken', 'extra']);
    // What it built is only verification: no use case of the full composition.
    const built = servicesInPlace<Record<string, unknown>>();
    expect(built).toBeDefined();
    expect(Object.keys(built!)).toContain('identities');
    expect(Object.keys(built!)).not.toContain('keyCreation');
  });

  it('the functions that touch no table (OpenAPI, 404, whoami) build no DynamoDB client', async () => {
    replaceServices(undefined);
    for (const name of ['openapi', 'not-found', 'whoami'] as const) {
      const { handler } = (await import(`../../functions/${name}`)) as {
        handler: typeof import('../../functions/openapi').handler;
      };
      const reply = await handler(event('GET', name === 'whoami' ? '/v1/whoami' : `/${name}`), context);
      expect(reply.statusCode).toBeLessThan(500);
    }
    const services = servicesInPlace<Services>()!;
    const storageClient = (services.keys as unknown as { db: Record<symbol, boolean> }).db;
    expect(storageClient[BUILT]).toBe(false);
    // The probe can tell: the first storage call builds it.
    await services.keys.getKey(credentials.appKey);
    expect(storageClient[BUILT]).toBe(true);
    replaceServices(undefined);
  });

  it('the authorizer allows the key with its permissions and denies a wrong token', async () => {
    const { handler } = await import('../../functions/authorizer');
    const request = (token: string) =>
      ({
        ...event('GET', '/v1/whoami'),
        type: 'REQUEST',
        headers: { 'x-api-appkey': credentials.appKey, 'x-api-apptoken': token },
      }) as never;
    const allowed = await handler(request(credentials.token), context);
    expect(allowed).toMatchObject({
      isAuthorized: true,
      context: { account: 'leanshop', owner: 'leanshop', permissions: 'orders:read,stock:read' },
    });
    const denied = await handler(request(credentials.token.slice(0, -1) + 'x'), context);
    expect(denied).toEqual({ isAuthorized: false });
  });
});
