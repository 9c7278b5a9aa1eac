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
import { ESM_REQUIRE_BANNER, LAMBDA_ALIASES, SDK_TRACING_DEFINE } from './lambda-bundling';
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
        // Stack traces need the mappings only. Node reads and parses the whole map at import under
        // --enable-source-maps, and the sources in it tripled its size: ~7 ms of every cold start.
        sourcesContent: false,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        // The AWS SDK goes into the bundle rather than coming from the runtime's copy: one minified
        // file imports ~70 ms faster than the runtime's SDK resolved file by file from node_modules
        // (bench: init_ms_by_function), and the deployed SDK is the one the lock file pinned and
        // the tests ran. The price is size (~440 KB for verify instead of ~80), which Lambda
        // fetches once per cold start and is not what that start waits on.
        bundleAwsSDK: true,
        esbuildArgs: { '--alias': Object.entries(LAMBDA_ALIASES).map(([from, to]) => `${from}=${to}`) },
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
