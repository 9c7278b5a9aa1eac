// The CDK app: a stateful stack (table, KMS keys, event bus) and a stateless API stack that
// receives them. cdk-nag's AwsSolutions checks run on every synth and fail it on any finding
// that is not acknowledged with a reason.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildApp } from '../app-builder';

const app = new App();
buildApp(app, {
  consoleOrigins: app.node.tryGetContext('consoleOrigins')?.split(',') ?? [],
  alarmEmail: app.node.tryGetContext('alarmEmail'),
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
