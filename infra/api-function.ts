// One construct with every Lambda default, so no function props are repeated: Node.js 22 on arm64,
// a minified ESM bundle with source maps, X-Ray, an explicit log group, and a role of its own that
// starts empty (no managed policies): each function is granted only what its route needs.
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { REPO_ROOT } from './repo-root';

export interface ApiFunctionProps {
  /** File name in functions/ without `.ts`; also names the function. */
  readonly handler: string;
  readonly environment?: Record<string, string>;
  /** @default 512 (more memory also buys CPU for TLS and JSON on the hot path) */
  readonly memorySize?: number;
  /** @default Duration.seconds(10): storage and KMS calls are bounded well below it */
  readonly timeout?: Duration;
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
  /** Concurrency reserved for (and capping) the function. @default none: the account's pool */
  readonly reservedConcurrentExecutions?: number;
  /**
   * Bundle Powertools Tracer so AWS SDK calls appear as X-Ray subsegments (about 120 KB of the
   * bundle: aws-xray-sdk-core). False for a function that calls no AWS service; the function's own
   * segment is recorded by Lambda's active tracing either way.
   * @default true
   */
  readonly traceSdkCalls?: boolean;
}

/** The build-time switch of shared/adapters/tracing.ts (bench/bundles.ts sets it the same way). */
export const SDK_TRACING_DEFINE = 'process.env.APIKEYS_SDK_TRACING';

/** ESM bundles need `require` for the CommonJS dependencies esbuild leaves as dynamic requires. */
const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export class ApiFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    if (!/^[a-z][a-z0-9-]*$/.test(props.handler)) throw new Error(`invalid handler name '${props.handler}'`);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `API key service: ${props.handler}`,
    });
    this.function = new NodejsFunction(this, 'Function', {
      entry: join(REPO_ROOT, 'functions', `${props.handler}.ts`),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      tracing: lambda.Tracing.ACTIVE,
      logGroup: this.logGroup,
      role: this.role,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'apikeys',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        minify: true,
        sourceMap: true,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        // The runtime ships AWS SDK v3; leaving it out keeps bundles small and cold starts short.
        externalModules: ['@aws-sdk/*'],
        // Read by shared/adapters/tracing.ts; 'off' lets esbuild drop the Tracer as dead code.
        define: { [SDK_TRACING_DEFINE]: JSON.stringify(props.traceSdkCalls === false ? 'off' : 'on') },
      },
    });
    // Logs only to its own log group (instead of AWSLambdaBasicExecutionRole's logs:* on *).
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn, `${this.logGroup.logGroupArn}:*`],
      }),
    );
    const logGroupId = Stack.of(this).getLogicalId(this.logGroup.node.defaultChild as logs.CfnLogGroup);
    Validations.of(this.role).acknowledge(
      {
        id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
        reason:
          'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions (added by tracing: ACTIVE).',
      },
      {
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${logGroupId}.Arn>:*]`,
        reason:
          "Log streams are created by the Lambda service at run time; the wildcard is confined to this function's own log group.",
      },
    );
  }
}
