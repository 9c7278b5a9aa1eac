// The CDK app: a stateful stack (table, KMS keys, event bus) and a stateless API stack that
// receives them. cdk-nag's AwsSolutions checks run on every synth and fail it on any finding
// that is not acknowledged with a reason.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildApp } from '../app-builder';

/** `-c leakReporterKeys='{"id":"-----BEGIN PUBLIC KEY-----..."}'` or an object in cdk.json. */
const leakReporterKeys = (value: unknown): Record<string, string> | undefined =>
  typeof value === 'string'
    ? (JSON.parse(value) as Record<string, string>)
    : (value as Record<string, string>);

const app = new App();
buildApp(app, {
  consoleOrigins: app.node.tryGetContext('consoleOrigins')?.split(',') ?? [],
  alarmEmail: app.node.tryGetContext('alarmEmail'),
  leakReporterKeys: leakReporterKeys(app.node.tryGetContext('leakReporterKeys')),
  publicUrl: app.node.tryGetContext('publicUrl'),
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
