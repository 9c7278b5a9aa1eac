// cdk-nag's AwsSolutions rules find nothing that is not acknowledged with a reason, in both stacks.
//
// How acknowledgements reach cdk-nag 3: `Validations.of(c).acknowledge({ id, reason })` records
// `aws:cdk:acknowledged-rules` metadata on the construct, keyed by the id normalized to
// `<namespace>::<rule>` (`Annotation::` when the id has no namespace). Two filters read it:
// - cdk-nag's own, inside validateScope(), which honours only `Annotation::<rule>` keys
//   (e.g. 'AwsSolutions-L1' acknowledged without a namespace);
// - the CDK's validation framework, after the plugin ran during `app.synth()`, which honours only
//   `<plugin name>::<rule>` keys (e.g. 'AwsSolutions::AwsSolutions-APIG4'), on the violating
//   construct or any ancestor.
// `cdk synth` applies both, so validateScope() alone still lists the namespaced acknowledgements:
// this suite applies the framework's rule to what validateScope() returns, and separately runs the
// real thing (synth with the plugin, as infra/bin/app.ts does) and reads its validation report.
import { Validations, type Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTestApp, useScratchDir } from './support';

const scratchDir = useScratchDir('nag');

const MIN_REASON_LENGTH = 40;

interface Acknowledgement {
  readonly id: string;
  readonly reason: string;
  readonly path: string;
  readonly trace: string;
}

function acknowledgementsIn(root: IConstruct): Acknowledgement[] {
  const found: Acknowledgement[] = [];
  for (const c of root.node.findAll()) {
    for (const entry of c.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, unknown>)) {
        found.push({
          id,
          reason: String(reason ?? ''),
          path: c.node.path,
          trace: (entry.trace ?? []).join('\n'),
        });
      }
    }
  }
  return found;
}

/** The CDK framework's suppression rule: `<namespace>::<rule>` acknowledged on the path or above it. */
function acknowledgedByFramework(
  acks: Acknowledgement[],
  namespace: string,
  ruleName: string,
  constructPath: string,
): boolean {
  const id = `${namespace.replace(/ /g, '-')}::${ruleName.replace(/ /g, '-')}`;
  return acks.some(
    (a) => a.id === id && (constructPath === a.path || constructPath.startsWith(`${a.path}/`)),
  );
}

let built: ReturnType<typeof buildTestApp>;

beforeAll(() => {
  built = buildTestApp({ scratchDir });
}, 180_000);

describe('AwsSolutions checks', () => {
  test.each(['stateful', 'api'] as const)('%s stack: no unacknowledged finding (validateScope)', (which) => {
    const stack: Stack = built[which];
    const pack = new AwsSolutionsChecks();
    const acks = acknowledgementsIn(built.app);
    const unacknowledged = pack
      .validateScope(stack)
      .violations.map((v) => ({
        rule: v.ruleName,
        severity: v.severity,
        paths: v.violatingResources
          .map((r) => r.constructPath ?? '?')
          .filter((path) => !acknowledgedByFramework(acks, pack.name, v.ruleName, path)),
      }))
      .filter((v) => v.paths.length > 0)
      .map((v) => `${v.rule} [${v.severity}] at ${v.paths.join(', ')}`);
    expect(unacknowledged).toEqual([]);
  });

  test('every acknowledgement gives a real reason', () => {
    const acks = acknowledgementsIn(built.app);
    expect(acks.length).toBeGreaterThan(0);
    const tooShort = acks
      .filter((a) => a.reason.trim().length < MIN_REASON_LENGTH)
      .map((a) => `${a.id} at ${a.path}: "${a.reason}"`);
    expect(tooShort).toEqual([]);
    // The acknowledgements this covers are those made in these files (and any other).
    for (const file of ['infra/nag-acknowledgements.ts', 'infra/api-function.ts']) {
      expect({ file, acknowledges: acks.some((a) => a.trace.includes(file)) }).toEqual({
        file,
        acknowledges: true,
      });
    }
  });

  test('synth with the AwsSolutions plugin, as infra/bin/app.ts runs it, reports no violation', () => {
    Validations.of(built.app).addPlugins(new AwsSolutionsChecks(built.app));
    let directory: string;
    try {
      directory = built.app.synth().directory;
    } catch (e) {
      throw new Error(`synth with cdk-nag failed:\n${(e as Error).message}`);
    }
    const reportFile = join(directory, 'validation-report.json');
    expect(existsSync(reportFile)).toBe(true);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
      pluginReports: Array<{
        pluginName: string;
        violations: Array<{
          ruleName: string;
          severity: string;
          violatingConstructs?: Array<{ constructPath: string }>;
        }>;
      }>;
    };
    expect(report.pluginReports.map((p) => p.pluginName)).toContain('AwsSolutions');
    const violations = report.pluginReports.flatMap((p) =>
      p.violations.map(
        (v) =>
          `${p.pluginName}: ${v.ruleName} [${v.severity}] at ${(v.violatingConstructs ?? []).map((c) => c.constructPath).join(', ')}`,
      ),
    );
    expect(violations).toEqual([]);
  });
});
