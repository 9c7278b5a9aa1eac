// The one suite that bundles for real: every function through NodejsFunction's esbuild, then each
// bundle read back from the cloud assembly. Records the sizes in test-output/bundle-sizes.json.
// Also checks that the XLSX writer is in the export function's bundle and in no other, that the
// X-Ray SDK tracer is in exactly the bundles of functions that call AWS services, that each bundle
// carries the AWS SDK it uses (and only the credential provider Lambda needs), and that the hot
// functions' bundles run on their own, with no node_modules, against DynamoDB Local.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ESM_REQUIRE_BANNER } from '../../infra/lambda-bundling';
import { REPO_ROOT } from '../../infra/repo-root';
import { createServices } from '../../shared/composition';
import { loadConfig } from '../../shared/config';
import { bootstrapAccount } from '../../shared/use-cases/bootstrap';
import { createTestTable, testEndpoint } from '../helpers/services';
import { ALL_ROUTES, AUTHORIZER_HANDLER, buildTestApp, functionLogicalIds, useScratchDir } from './support';
import { tracesSdkCalls, type RouteAccess } from '../../shared/routes';

const scratchDir = useScratchDir('bundle');

const MAX_BUNDLE_BYTES = 1.5 * 1024 * 1024;
/** Each function's bundle file in the cloud assembly, for the run test below. */
const bundleFiles = new Map<string, string>();
/**
 * The service ids the AWS SDK clients' own code carries (DynamoDB's target prefix, KMS's
 * "TrentService", EventBridge's "AWSEvents"): present only in a bundle that carries the client.
 */
const SDK_CLIENT_MARKERS: Record<string, string> = {
  dynamodb: 'DynamoDB_20120810',
  kms: 'TrentService',
  eventbridge: 'AWSEvents',
};
/**
 * Strings only the parts of the SDK's credential chain a Lambda never runs carry (credential
 * processes, SSO sessions, web identity token files): absent when the chain is replaced by
 * infra/lambda/env-credentials.ts (the environment, then the container endpoint).
 */
const FULL_CREDENTIAL_CHAIN_MARKERS = ['credential_process', 'sso_session', 'AWS_WEB_IDENTITY_TOKEN_FILE'];
/**
 * A content type only the XLSX writer (write-excel-file) writes into a workbook: present only in a
 * bundle that carries the library. Our own code names the file's media type, never this part's.
 */
const XLSX_WRITER_MARKER = 'spreadsheetml.sheet.main+xml';
/** The one function that writes XLSX; every other bundle stays as small as before the export. */
const XLSX_HANDLER = 'export-keys';
/**
 * The name aws-xray-sdk-core gives its SDK middleware: present only in a bundle that carries the
 * SDK tracer (about 120 KB), which only functions that call an AWS service need.
 */
const XRAY_SDK_MARKER = 'XRaySDKInstrumentation';
const UNTRACED = new Set(
  [
    ...ALL_ROUTES.map((r) => [r.handler, r.access as RouteAccess] as const),
    [AUTHORIZER_HANDLER, 'read' as RouteAccess] as const,
  ]
    .filter(([handler, access]) => !tracesSdkCalls(handler, access))
    .map(([handler]) => handler),
);

/**
 * Issue 17: the hot public functions carry only the AWS SDK clients they use, and stay well below
 * the others. Health carries none (in AWS it touches nothing); verify and the authorizer read
 * DynamoDB and MAC with KMS, and never publish events. Their ceilings are the SDK they need plus
 * our code, with room for SDK updates: the bundled SDK is ~75% of them and buys ~60 ms of import
 * (README, Performance), which is what a cold start waits on, not the bytes.
 */
const HOT_BUNDLES: Record<string, { clients: string[]; maxBytes: number }> = {
  health: { clients: [], maxBytes: 100 * 1024 },
  verify: { clients: ['dynamodb', 'kms'], maxBytes: 400 * 1024 },
  authorizer: { clients: ['dynamodb', 'kms'], maxBytes: 400 * 1024 },
};
const sdkClients = (code: string): string[] =>
  Object.entries(SDK_CLIENT_MARKERS)
    .filter(([, marker]) => code.includes(marker))
    .map(([client]) => client);
/**
 * Imports the bundle leaves to the runtime: none from the AWS SDK, which is bundled. Minified ESM
 * writes them without spaces (`from"x"`, `import("x")`), unlike the SDK's error messages that name
 * optional packages (`[import "@aws-sdk/signature-v4-crt";]`).
 */
const sdkImports = (code: string): string[] =>
  [
    ...new Set([...code.matchAll(/(?:\bfrom|\bimport\(?)"(@aws-sdk\/[a-z0-9-]+)"/g)].map((m) => m[1]!)),
  ].sort();

/** A function outside the route table, named by its role's description ("API key service: <handler>"). */
function labelOf(id: string, role: unknown, resources: Record<string, { Properties?: any }>): string {
  const roleId = (role as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt']?.[0];
  const description: unknown = roleId ? resources[roleId]?.Properties?.Description : undefined;
  const handler =
    typeof description === 'string' ? /^API key service: ([a-z0-9-]+)$/.exec(description)?.[1] : undefined;
  return handler ?? id;
}

interface BundleReport {
  handler: string;
  bytes: number;
  kib: number;
}

test('every function bundles to one ESM file that carries the AWS SDK it uses', () => {
  const { app, api } = buildTestApp({ scratchDir, bundle: true });
  const assembly = app.synth();
  const artifact = assembly.getStackByName(api.stackName);
  const resources = artifact.template.Resources as Record<string, { Type: string; Properties: any }>;
  const assetsManifest = JSON.parse(
    readFileSync(join(assembly.directory, `${api.stackName}.assets.json`), 'utf8'),
  ) as { files: Record<string, { source: { path: string; packaging?: string } }> };
  const handlerOf = functionLogicalIds(api);

  const reports: BundleReport[] = [];
  const problems: string[] = [];
  for (const [id, resource] of Object.entries(resources)) {
    if (resource.Type !== 'AWS::Lambda::Function') continue;
    const handler = handlerOf.get(id) ?? labelOf(id, resource.Properties.Role, resources);
    const s3Key: string = resource.Properties.Code?.S3Key ?? '';
    const asset = assetsManifest.files[s3Key.replace(/\.zip$/, '')];
    if (!asset) {
      problems.push(`${handler}: no file asset for Code.S3Key '${s3Key}'`);
      continue;
    }
    const file = join(assembly.directory, asset.source.path, 'index.mjs');
    if (!existsSync(file)) {
      problems.push(`${handler}: ${asset.source.path}/index.mjs missing`);
      continue;
    }
    bundleFiles.set(handler, file);
    // Source maps carry the mappings stack traces need, not the sources (Node parses the whole map
    // at import under --enable-source-maps: sources would triple it).
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as {
      sources?: string[];
      sourcesContent?: unknown;
    };
    if (!map.sources?.some((source) => source.endsWith(`functions/${handler}.ts`)) && handlerOf.has(id))
      problems.push(`${handler}: its source map does not name functions/${handler}.ts`);
    if (map.sourcesContent !== undefined) problems.push(`${handler}: its source map carries the sources`);
    const code = readFileSync(file, 'utf8');
    const bytes = statSync(file).size;
    reports.push({ handler, bytes, kib: Math.round((bytes / 1024) * 10) / 10 });
    if (!code.startsWith(ESM_REQUIRE_BANNER)) problems.push(`${handler}: no createRequire banner (ESM)`);
    if (!/export\s*\{[^}]*\bhandler\b[^}]*\}/.test(code))
      problems.push(`${handler}: does not export handler`);
    if (bytes >= MAX_BUNDLE_BYTES) problems.push(`${handler}: ${bytes} bytes >= 1.5 MB`);
    if (code.includes(XLSX_WRITER_MARKER) !== (handler === XLSX_HANDLER)) {
      problems.push(
        handler === XLSX_HANDLER
          ? `${handler}: the XLSX writer is missing from the bundle (is the marker still right?)`
          : `${handler}: bundles the XLSX writer, which only ${XLSX_HANDLER} needs`,
      );
    }
    const hot = HOT_BUNDLES[handler];
    if (hot) {
      if (bytes > hot.maxBytes) problems.push(`${handler}: ${bytes} bytes > ${hot.maxBytes / 1024} KiB`);
      const clients = sdkClients(code);
      if (JSON.stringify(clients) !== JSON.stringify(hot.clients))
        problems.push(
          `${handler}: carries ${clients.join(', ') || 'no SDK client'}, expected ${hot.clients.join(', ') || 'none'}`,
        );
    }
    if (code.includes(XRAY_SDK_MARKER) === UNTRACED.has(handler)) {
      problems.push(
        UNTRACED.has(handler)
          ? `${handler}: bundles the X-Ray SDK though its route calls no AWS service`
          : `${handler}: the X-Ray SDK is missing, so its AWS SDK calls would not be traced`,
      );
    }
    const leftToRuntime = sdkImports(code);
    if (leftToRuntime.length > 0)
      problems.push(`${handler}: imports ${leftToRuntime.join(', ')} at run time`);
    const chain = FULL_CREDENTIAL_CHAIN_MARKERS.filter((m) => code.includes(m));
    if (chain.length > 0)
      problems.push(`${handler}: carries the full credential chain (${chain.join(', ')})`);
  }

  reports.sort((a, b) => a.handler.localeCompare(b.handler));
  const outDir = join(REPO_ROOT, 'test-output');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    join(outDir, 'bundle-sizes.json'),
    `${JSON.stringify({ limitBytes: MAX_BUNDLE_BYTES, bundles: reports }, null, 2)}\n`,
  );
  console.log(
    [
      'Lambda bundle sizes (minified index.mjs):',
      ...reports.map((r) => `  ${r.handler.padEnd(16)} ${String(r.kib).padStart(8)} KiB`),
      `  ${'total'.padEnd(16)} ${String(Math.round(reports.reduce((s, r) => s + r.kib, 0))).padStart(8)} KiB`,
    ].join('\n'),
  );

  expect(problems).toEqual([]);
  // Every route function and the authorizer were among the bundles checked (template.test.ts says
  // whether any other function may exist).
  const checked = new Set(reports.map((r) => r.handler));
  expect([...ALL_ROUTES.map((r) => r.handler), AUTHORIZER_HANDLER].filter((h) => !checked.has(h))).toEqual(
    [],
  );
}, 180_000);

/**
 * A Lambda has no node_modules: the bundle is all there is. The cloud assembly lives under the system
 * temp dir, with no node_modules above it, so a bundle that still needed a package from outside
 * would fail to import here. Each hot bundle runs in a fresh Node process, as a cold container
 * would, against DynamoDB Local through the SDK it carries, on a key made by the full services.
 */
describe('the hot bundles run on their own', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'apikeys-bundle-run-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const invoke = async (handler: string, event: object, env: Record<string, string>) => {
    const file = bundleFiles.get(handler);
    if (!file) throw new Error(`no bundle for ${handler}: the bundling test above failed`);
    const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(file).href)});
      process.stdout.write(JSON.stringify(await handler(JSON.parse(process.env.EVENT), {
        awsRequestId: 'bundle-run', getRemainingTimeInMillis: () => 10000 })));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: dataDir,
      // Nothing inherited (no tsx hooks, no NODE_PATH): only what a Lambda's environment holds.
      env: { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-1', ...env, EVENT: JSON.stringify(event) },
    });
    return JSON.parse(stdout) as { statusCode: number; body: string };
  };
  const apiEvent = (method: string, path: string, body?: unknown) => ({
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: {
      requestId: 'bundle-run',
      routeKey: `${method} ${path}`,
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
    },
  });

  it('health, verify and the authorizer answer from their bundles alone', async () => {
    const env = {
      TABLE_NAME: await createTestTable(),
      DYNAMODB_ENDPOINT: testEndpoint(),
      DATA_DIR: dataDir,
      KEY_PROVIDER: 'local',
      VERIFY_CACHE_TTL_SECONDS: '0',
    };
    const full = createServices(loadConfig(env));
    const made = await bootstrapAccount(full, 'bundled');

    const health = await invoke('health', apiEvent('GET', '/health'), env);
    expect({ status: health.statusCode, body: JSON.parse(health.body) }).toEqual({
      status: 200,
      body: { status: 'ok' },
    });
    const good = await invoke(
      'verify',
      apiEvent('POST', '/v1/verify', { appKey: made.key.appKey, appToken: made.token }),
      env,
    );
    expect({ status: good.statusCode, body: JSON.parse(good.body) }).toMatchObject({
      status: 200,
      body: { valid: true, account: 'bundled', appKey: made.key.appKey, roles: ['owner'] },
    });
    const wrong = await invoke(
      'verify',
      apiEvent('POST', '/v1/verify', { appKey: made.key.appKey, appToken: `${made.token.slice(0, -1)}x` }),
      env,
    );
    expect(JSON.parse(wrong.body)).toEqual({ valid: false, reason: 'invalid' });

    // The authorizer, as API Gateway calls it for /v1/whoami (a simple response, not a proxy one).
    const whoami = apiEvent('GET', '/v1/whoami');
    const authorize = (appToken: string) =>
      invoke(
        'authorizer',
        {
          ...whoami,
          type: 'REQUEST',
          routeArn: 'arn:aws:execute-api:eu-west-1:123456789012:api/$default/GET/v1/whoami',
          identitySource: [made.key.appKey, appToken],
          headers: { 'x-api-appkey': made.key.appKey, 'x-api-apptoken': appToken },
        },
        env,
      ) as unknown as Promise<{ isAuthorized: boolean; context?: Record<string, unknown> }>;
    expect(await authorize(made.token)).toMatchObject({
      isAuthorized: true,
      context: { account: 'bundled', appKey: made.key.appKey },
    });
    expect(await authorize(`${made.token.slice(0, -1)}x`)).toEqual({ isAuthorized: false });
  }, 60_000);
});
