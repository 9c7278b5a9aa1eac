// The one suite that bundles for real: every function through NodejsFunction's esbuild, then each
// bundle read back from the cloud assembly. Records the sizes in test-output/bundle-sizes.json.
// Also checks that the XLSX writer is in the export function's bundle and in no other, and that the
// X-Ray SDK tracer is in exactly the bundles of functions that call AWS services.
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../infra/repo-root';
import { ALL_ROUTES, AUTHORIZER_HANDLER, buildTestApp, functionLogicalIds, useScratchDir } from './support';
import { tracesSdkCalls, type RouteAccess } from '../../shared/routes';

const scratchDir = useScratchDir('bundle');

const MAX_BUNDLE_BYTES = 1.5 * 1024 * 1024;
const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";
/**
 * The service id that @aws-sdk/client-dynamodb's own command code carries: present only if the
 * client was bundled instead of left to the Lambda runtime's SDK.
 */
const DYNAMODB_CLIENT_SOURCE_MARKER = 'DynamoDB_20120810';
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
 * Issue 17: the hot public functions stay small and import only the AWS SDK clients they use.
 * Health imports none (in AWS it touches nothing); verify and the authorizer read DynamoDB and
 * MAC with KMS, and never publish events.
 */
const HOT_BUNDLE_MAX_BYTES = 100 * 1024;
const HOT_SDK_IMPORTS: Record<string, string[]> = {
  health: [],
  verify: ['@aws-sdk/client-dynamodb', '@aws-sdk/client-kms', '@aws-sdk/lib-dynamodb'],
  authorizer: ['@aws-sdk/client-dynamodb', '@aws-sdk/client-kms', '@aws-sdk/lib-dynamodb'],
};
const sdkImports = (code: string): string[] =>
  [...new Set([...code.matchAll(/from\s*"(@aws-sdk\/[a-z0-9-]+)"/g)].map((m) => m[1]!))].sort();

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

test('every function bundles to a small ESM file that leaves the AWS SDK to the runtime', () => {
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
    const hot = HOT_SDK_IMPORTS[handler];
    if (hot) {
      if (bytes > HOT_BUNDLE_MAX_BYTES) problems.push(`${handler}: ${bytes} bytes > 100 KiB`);
      const imported = sdkImports(code);
      if (JSON.stringify(imported) !== JSON.stringify(hot))
        problems.push(
          `${handler}: imports ${imported.join(', ') || 'no SDK client'}, expected ${hot.join(', ') || 'none'}`,
        );
    }
    if (code.includes(XRAY_SDK_MARKER) === UNTRACED.has(handler)) {
      problems.push(
        UNTRACED.has(handler)
          ? `${handler}: bundles the X-Ray SDK though its route calls no AWS service`
          : `${handler}: the X-Ray SDK is missing, so its AWS SDK calls would not be traced`,
      );
    }
    if (code.includes(DYNAMODB_CLIENT_SOURCE_MARKER)) {
      problems.push(`${handler}: @aws-sdk/client-dynamodb is bundled instead of external`);
    }
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
