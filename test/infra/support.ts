// Shared by the infra suites: a scratch folder per suite for the cloud assemblies synth writes, the app built exactly as bin/app.ts builds it, and small readers for synthesized templates.
import { App, CfnResource, type CfnElement, type Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../infra/app-builder';
import type { ApiStack } from '../../infra/api-stack';
import { EXPIRY_SCAN_HANDLER } from '../../infra/expiry-scan-schedule';
export { EXPIRY_SCAN_HANDLER };
import { REPO_ROOT } from '../../infra/repo-root';
import { AUTHORIZER_HANDLER, routes, type RouteDefinition } from '../../shared/routes';

export const TEST_ENV = { account: '123456789012', region: 'eu-west-1' };
export const CONSOLE_ORIGIN = 'https://console.example.com';
export const ALL_ROUTES = routes as readonly RouteDefinition[];
export { AUTHORIZER_HANDLER };

/**
 * A fresh folder under the system temp dir for this test file, removed after it. Call it at the top
 * of a test file and give its path to buildTestApp: every synth (Template.fromStack included) writes
 * a whole cloud assembly, bundles and all.
 *
 * Why not TMPDIR: jest gives each test file a copy of process.env, so setting TMPDIR in a test never
 * reaches os.tmpdir(), which reads the real environment; the CDK would keep writing cdk.outXXXX
 * folders to /tmp. An explicit App outdir is the one setting the CDK honours from inside jest.
 */
export function useScratchDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `apikeys-infra-${label}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The context of cdk.json, so the tests see the feature flags the CLI passes. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

export interface TestAppOptions {
  /** Where the cloud assembly goes: a folder from useScratchDir. */
  readonly scratchDir: string;
  /** Run esbuild for every function (slow). @default false */
  readonly bundle?: boolean;
}

export function buildTestApp(options: TestAppOptions) {
  const app = new App({
    outdir: mkdtempSync(join(options.scratchDir, 'cdk.out-')),
    // The CDK's built-in CloudFormation schema validation would add ~15 s to every synth here.
    builtinCloudFormationValidation: false,
    context: {
      ...cdkJsonContext(),
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
    },
  });
  const stacks = buildApp(app, { env: TEST_ENV, consoleOrigins: [CONSOLE_ORIGIN] });
  return { app, ...stacks };
}

export type Resource = {
  Type: string;
  Properties?: any;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};

export function resourcesOfType(template: Template, type: string): [string, Resource][] {
  return Object.entries(template.findResources(type) as Record<string, Resource>);
}

export function logicalIdOf(stack: Stack, element: unknown): string {
  return stack.getLogicalId(element as CfnElement);
}

/** The construct path of a resource, for messages. */
export function constructPathOf(stack: Stack, logicalId: string): string {
  const element = stack.node
    .findAll()
    .find((c) => CfnResource.isCfnResource(c) && stack.getLogicalId(c) === logicalId);
  return element?.node.path ?? `${stack.stackName}/${logicalId}`;
}

/** The logical ids of the functions ApiStack created, by handler name. */
export function functionLogicalIds(api: ApiStack): Map<string, string> {
  const ids = new Map<string, string>();
  for (const [handler, fn] of Object.entries(api.functions)) {
    ids.set(api.getLogicalId(fn.function.node.defaultChild as CfnElement), handler);
  }
  ids.set(
    api.getLogicalId(api.expiryScan.function.function.node.defaultChild as CfnElement),
    EXPIRY_SCAN_HANDLER,
  );
  return ids;
}

/** What a CloudFormation value points at, following Fn::ImportValue into the exporting stack. */
export interface ResolvedRef {
  readonly stack: string;
  readonly logicalId: string;
  /** 'Ref' or the Fn::GetAtt attribute. */
  readonly attribute: string;
}

export class RefResolver {
  constructor(private readonly templates: Record<string, Template>) {}

  resolve(value: unknown, inStack: string): ResolvedRef | undefined {
    if (value === null || typeof value !== 'object') return undefined;
    const v = value as Record<string, unknown>;
    if (typeof v.Ref === 'string') return { stack: inStack, logicalId: v.Ref, attribute: 'Ref' };
    const getAtt = v['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') {
      return { stack: inStack, logicalId: getAtt[0], attribute: String(getAtt[1]) };
    }
    const importName = v['Fn::ImportValue'];
    if (typeof importName === 'string') {
      for (const [stackName, template] of Object.entries(this.templates)) {
        const outputs = (template.toJSON().Outputs ?? {}) as Record<string, { Value: unknown; Export?: any }>;
        for (const output of Object.values(outputs)) {
          if (output.Export?.Name === importName) return this.resolve(output.Value, stackName);
        }
      }
    }
    return undefined;
  }

  /** True when `value` is exactly the given attribute (default Arn) of the given resource. */
  is(
    value: unknown,
    inStack: string,
    target: { stack: string; logicalId: string },
    attribute = 'Arn',
  ): boolean {
    const ref = this.resolve(value, inStack);
    return (
      ref !== undefined &&
      ref.stack === target.stack &&
      ref.logicalId === target.logicalId &&
      ref.attribute === attribute
    );
  }
}

export const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
