// What the synthesized templates promise: one function per route (plus the authorizer) with the
// shared Lambda defaults, one API route per route reaching its own function, the authorizer on
// the one route that uses it, a throttled and access-logged stage, a table and keys that survive
// deletion, and an alarm for everything that would hurt integrations.
import { Template } from 'aws-cdk-lib/assertions';
import type { ApiStack } from '../../infra/api-stack';
import type { StatefulStack } from '../../infra/stateful-stack';
import {
  ALL_ROUTES,
  AUTHORIZER_HANDLER,
  EXPIRY_SCAN_HANDLER,
  CONSOLE_ORIGIN,
  RefResolver,
  TEST_ENV,
  buildTestApp,
  constructPathOf,
  functionLogicalIds,
  logicalIdOf,
  resourcesOfType,
  useScratchDir,
} from './support';

const scratchDir = useScratchDir('template');

/** Functions API Gateway invokes: the routes and the authorizer. */
const API_HANDLERS = [...ALL_ROUTES.map((r) => r.handler), AUTHORIZER_HANDLER];
const HANDLERS = [...API_HANDLERS, EXPIRY_SCAN_HANDLER];
const routeKey = (r: { method: string; path: string }) =>
  r.path === '$default' ? '$default' : `${r.method} ${r.path}`;

let api: ApiStack;
let stateful: StatefulStack;
let apiT: Template;
let statefulT: Template;
let refs: RefResolver;
/** Function logical id -> handler name, and back. */
let handlerOf: Map<string, string>;
let functionIdOf: Map<string, string>;

beforeAll(() => {
  const built = buildTestApp({ scratchDir });
  api = built.api;
  stateful = built.stateful;
  apiT = Template.fromStack(api);
  statefulT = Template.fromStack(stateful);
  refs = new RefResolver({ [api.stackName]: apiT, [stateful.stackName]: statefulT });
  handlerOf = functionLogicalIds(api);
  functionIdOf = new Map([...handlerOf].map(([id, handler]) => [handler, id]));
}, 180_000);

const fnProps = (handler: string) => {
  const id = functionIdOf.get(handler);
  if (!id) throw new Error(`no Lambda function for handler '${handler}'`);
  return apiT.toJSON().Resources[id].Properties;
};
const resource = (template: Template, id: string) => template.toJSON().Resources[id];
const statefulRef = (element: unknown) => ({
  stack: stateful.stackName,
  logicalId: logicalIdOf(stateful, element),
});

describe('Lambda functions', () => {
  test('exactly one function per route of the route table plus the authorizer and the expiry scan, and no other', () => {
    const functions = resourcesOfType(apiT, 'AWS::Lambda::Function');
    const handlers = functions.map(
      ([id]) => handlerOf.get(id) ?? `${constructPathOf(api, id)}: not the function of any route`,
    );
    expect(handlers.sort()).toEqual([...HANDLERS].sort());
    expect(functions.length).toBe(ALL_ROUTES.length + 2);
    statefulT.resourceCountIs('AWS::Lambda::Function', 0);
    // A custom resource would bring a provider function of its own (log retention, lookups...).
    const custom = Object.entries(apiT.toJSON().Resources as Record<string, { Type: string }>)
      .filter(([, r]) => r.Type.startsWith('Custom::') || r.Type === 'AWS::CloudFormation::CustomResource')
      .map(([id]) => id);
    expect(custom).toEqual([]);
  });

  test.each(HANDLERS)(
    '%s: Node.js 22 on arm64, X-Ray, sized, its own log group with retention',
    (handler) => {
      const props = fnProps(handler);
      expect(props.Runtime).toBe('nodejs22.x');
      expect(props.Architectures).toEqual(['arm64']);
      expect(props.TracingConfig).toEqual({ Mode: 'Active' });
      expect(props.MemorySize).toEqual(expect.any(Number));
      expect(props.MemorySize).toBeGreaterThanOrEqual(128);
      // Behind API Gateway, whose integrations give up after 30 s.
      expect(props.Timeout).toEqual(expect.any(Number));
      expect(props.Timeout).toBeGreaterThanOrEqual(1);
      // API Gateway gives up after 30 s; the scheduled scan may run for minutes.
      expect(props.Timeout).toBeLessThanOrEqual(handler === EXPIRY_SCAN_HANDLER ? 900 : 30);

      const logGroup = refs.resolve(props.LoggingConfig?.LogGroup, api.stackName);
      expect(logGroup).toBeDefined();
      const logGroupResource = resource(apiT, logGroup!.logicalId);
      expect(logGroupResource.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroupResource.Properties.RetentionInDays).toBeGreaterThan(0);
    },
  );

  test.each(HANDLERS)('%s: KEY_PROVIDER=kms and TABLE_NAME naming the table', (handler) => {
    const env = fnProps(handler).Environment?.Variables ?? {};
    expect(env.KEY_PROVIDER).toBe('kms');
    expect(env.TABLE_NAME).toBeDefined();
    expect(refs.is(env.TABLE_NAME, api.stackName, statefulRef(stateful.table.node.defaultChild), 'Ref')).toBe(
      true,
    );
  });

  test.each(['create-key', 'renew-token'])(
    '%s: share links open in the console (PUBLIC_URL = the console origin when publicUrl is not given)',
    (handler) => {
      expect(fnProps(handler).Environment?.Variables?.PUBLIC_URL).toBe(CONSOLE_ORIGIN);
    },
  );

  test('only API Gateway, and only this API, may invoke the route functions and the authorizer', () => {
    const apiId = logicalIdOf(api, api.api.node.defaultChild);
    const apiFunctionIds = new Set(API_HANDLERS.map((h) => functionIdOf.get(h)));
    const permissions = resourcesOfType(apiT, 'AWS::Lambda::Permission')
      .map(([, r]) => r.Properties)
      .filter((p) => apiFunctionIds.has(refs.resolve(p.FunctionName, api.stackName)?.logicalId ?? ''));
    for (const p of permissions) {
      expect(p).toMatchObject({ Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com' });
      expect(JSON.stringify(p.SourceArn)).toContain(JSON.stringify({ Ref: apiId }));
    }
    const invoked = new Set(permissions.map((p) => refs.resolve(p.FunctionName, api.stackName)?.logicalId));
    expect(API_HANDLERS.filter((h) => !invoked.has(functionIdOf.get(h)))).toEqual([]);
  });

  test('the expiry scan runs one at a time (reserved concurrency 1); no route function reserves any', () => {
    expect(fnProps(EXPIRY_SCAN_HANDLER).ReservedConcurrentExecutions).toBe(1);
    for (const handler of API_HANDLERS) expect(fnProps(handler).ReservedConcurrentExecutions).toBeUndefined();
  });

  test('only EventBridge may invoke the expiry scan', () => {
    const scanId = functionIdOf.get(EXPIRY_SCAN_HANDLER)!;
    const permissions = resourcesOfType(apiT, 'AWS::Lambda::Permission')
      .map(([, r]) => r.Properties)
      .filter((p) => refs.resolve(p.FunctionName, api.stackName)?.logicalId === scanId);
    expect(permissions.length).toBeGreaterThanOrEqual(1);
    for (const p of permissions)
      expect(p).toMatchObject({ Action: 'lambda:InvokeFunction', Principal: 'events.amazonaws.com' });
  });
});

describe('HTTP API', () => {
  const routeResources = () => resourcesOfType(apiT, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);

  test('one API route per route of the route table, $default included', () => {
    const keys = routeResources().map((r) => r.RouteKey);
    expect(keys).toHaveLength(ALL_ROUTES.length);
    expect(keys.sort()).toEqual(ALL_ROUTES.map(routeKey).sort());
  });

  test("every API route invokes its own route's function", () => {
    const integrations = apiT.toJSON().Resources;
    const mismatches: string[] = [];
    for (const route of routeResources()) {
      const integrationId = JSON.stringify(route.Target).match(/"Ref":"([^"]+)"/)?.[1];
      const integration = integrationId ? integrations[integrationId]?.Properties : undefined;
      const target = refs.resolve(integration?.IntegrationUri, api.stackName)?.logicalId;
      const expected = ALL_ROUTES.find((r) => routeKey(r) === route.RouteKey);
      if (
        !expected ||
        integration?.IntegrationType !== 'AWS_PROXY' ||
        target !== functionIdOf.get(expected.handler)
      ) {
        mismatches.push(`${route.RouteKey} -> ${target ?? 'nothing'} (${integration?.IntegrationType})`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  test('the Lambda REQUEST authorizer: both key headers, simple responses, no result cache', () => {
    const authorizers = resourcesOfType(apiT, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(1);
    const props = authorizers[0]![1].Properties;
    expect(props).toMatchObject({
      AuthorizerType: 'REQUEST',
      AuthorizerPayloadFormatVersion: '2.0',
      EnableSimpleResponses: true,
      AuthorizerResultTtlInSeconds: 0,
    });
    expect([...props.IdentitySource].sort()).toEqual(
      ['$request.header.X-API-AppKey', '$request.header.X-API-AppToken'].sort(),
    );
    expect(JSON.stringify(props.AuthorizerUri)).toContain(
      JSON.stringify({ 'Fn::GetAtt': [functionIdOf.get(AUTHORIZER_HANDLER), 'Arn'] }),
    );
  });

  test('the authorizer guards GET /v1/whoami and no other route', () => {
    const authorizerId = resourcesOfType(apiT, 'AWS::ApiGatewayV2::Authorizer')[0]?.[0];
    const guarded = routeResources().filter(
      (r) => (r.AuthorizationType ?? 'NONE') !== 'NONE' || r.AuthorizerId !== undefined,
    );
    expect(guarded.map((r) => r.RouteKey)).toEqual(['GET /v1/whoami']);
    expect(guarded[0]).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: authorizerId } });
    expect(ALL_ROUTES.filter((r) => r.auth === 'authorizer').map(routeKey)).toEqual(['GET /v1/whoami']);
  });

  test('the stage is throttled and writes JSON access logs without headers or bodies', () => {
    const stages = resourcesOfType(apiT, 'AWS::ApiGatewayV2::Stage');
    expect(stages).toHaveLength(1);
    const props = stages[0]![1].Properties;
    const { ThrottlingRateLimit: rate, ThrottlingBurstLimit: burst } = props.DefaultRouteSettings ?? {};
    expect(rate).toBeGreaterThan(0);
    expect(burst).toBeGreaterThanOrEqual(rate);

    const destination = refs.resolve(props.AccessLogSettings?.DestinationArn, api.stackName);
    expect(resource(apiT, destination!.logicalId)).toMatchObject({
      Type: 'AWS::Logs::LogGroup',
      Properties: { RetentionInDays: expect.any(Number) },
    });
    const format: string = props.AccessLogSettings.Format;
    expect(Object.values(JSON.parse(format))).toContain('$context.requestId');
    // Credentials travel in headers: nothing that can carry them is logged.
    expect(format).not.toMatch(/\$request\.(header|body)|\$input|\$context\.authorizer\.(?!error)/);
  });

  test('every public route has a throttle of its own: verify 2,000/4,000 rps, leaks 10/20, the others 50/100', () => {
    const stage = resourcesOfType(apiT, 'AWS::ApiGatewayV2::Stage')[0]![1];
    const publicRoutes = ALL_ROUTES.filter((r) => r.auth === 'none');
    // Other public routes (share links) get the default budget, checked below like these.
    expect(publicRoutes.map(routeKey)).toEqual(
      expect.arrayContaining([
        '$default',
        'GET /health',
        'GET /openapi.json',
        'POST /v1/verify',
        'POST /v1/leaks',
      ]),
    );
    expect(stage.Properties.RouteSettings).toEqual(
      Object.fromEntries(
        publicRoutes.map((r) => [
          routeKey(r),
          r.handler === 'verify'
            ? { ThrottlingRateLimit: 2000, ThrottlingBurstLimit: 4000 }
            : r.handler === 'report-leaks'
              ? { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 }
              : { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
        ]),
      ),
    );
  });

  test('the stage is created after the routes its settings name (API Gateway refuses unknown ones)', () => {
    const [, stage] = resourcesOfType(apiT, 'AWS::ApiGatewayV2::Stage')[0]! as [
      string,
      { DependsOn?: string[] },
    ];
    const routeIds = new Map(
      resourcesOfType(apiT, 'AWS::ApiGatewayV2::Route').map(([id, r]) => [r.Properties.RouteKey, id]),
    );
    for (const key of ['$default', 'GET /health', 'GET /openapi.json', 'POST /v1/verify', 'POST /v1/leaks'])
      expect(stage.DependsOn ?? []).toContain(routeIds.get(key));
  });

  test('CORS allows the console origin only', () => {
    const apis = resourcesOfType(apiT, 'AWS::ApiGatewayV2::Api');
    expect(apis).toHaveLength(1);
    expect(apis[0]![1].Properties.CorsConfiguration?.AllowOrigins).toEqual([CONSOLE_ORIGIN]);
  });
});

describe('stateful resources', () => {
  test('the table: on demand, PITR, deletion protection, ttl, the expiry index, retained', () => {
    expect(resourcesOfType(statefulT, 'AWS::DynamoDB::Table')).toEqual([]);
    const tables = resourcesOfType(statefulT, 'AWS::DynamoDB::GlobalTable');
    expect(tables).toHaveLength(1);
    const [, table] = tables[0]!;
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    const props = table.Properties;
    expect(props.BillingMode).toBe('PAY_PER_REQUEST');
    expect(props.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: 'ttl', Enabled: true });
    const expiry = props.GlobalSecondaryIndexes.find((i: { IndexName: string }) => i.IndexName === 'expiry');
    expect(expiry?.KeySchema).toEqual([
      { AttributeName: 'dueShard', KeyType: 'HASH' },
      { AttributeName: 'dueAt', KeyType: 'RANGE' },
    ]);
    // TableV2 keeps PITR and deletion protection per replica: every replica must have both.
    expect(props.Replicas.map((r: { Region: string }) => r.Region)).toContain(TEST_ENV.region);
    for (const replica of props.Replicas) {
      expect(replica).toMatchObject({
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      });
    }
  });

  test('KMS: one HMAC_256 key for tokens and one rotating symmetric key for secrets, both retained', () => {
    const keys = resourcesOfType(statefulT, 'AWS::KMS::Key').map(([, k]) => k);
    expect(keys).toHaveLength(2);
    const hmac = keys.filter((k) => k.Properties.KeySpec === 'HMAC_256');
    expect(hmac).toHaveLength(1);
    expect(hmac[0]).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: { KeyUsage: 'GENERATE_VERIFY_MAC' },
    });
    // KMS refuses automatic rotation for HMAC keys; stored hashes record their key instead.
    expect(hmac[0]!.Properties.EnableKeyRotation).not.toBe(true);

    const symmetric = keys.filter(
      (k) => (k.Properties.KeySpec ?? 'SYMMETRIC_DEFAULT') === 'SYMMETRIC_DEFAULT',
    );
    expect(symmetric).toHaveLength(1);
    expect(symmetric[0]).toMatchObject({ DeletionPolicy: 'Retain', Properties: { EnableKeyRotation: true } });
    expect(symmetric[0]!.Properties.KeyUsage ?? 'ENCRYPT_DECRYPT').toBe('ENCRYPT_DECRYPT');
  });

  test('the event bus exists and is retained', () => {
    const buses = resourcesOfType(statefulT, 'AWS::Events::EventBus');
    expect(buses).toHaveLength(1);
    expect(buses[0]![1].DeletionPolicy).toBe('Retain');
  });
});

describe('alarms', () => {
  const alarms = () =>
    resourcesOfType(apiT, 'AWS::CloudWatch::Alarm').map(([id, r]) => ({ id, ...r.Properties }));
  const topicId = () => {
    const topics = resourcesOfType(apiT, 'AWS::SNS::Topic');
    expect(topics).toHaveLength(1);
    return topics[0]![0];
  };
  const lambdaAlarms = (handler: string, metric: string) =>
    alarms().filter(
      (a) =>
        a.Namespace === 'AWS/Lambda' &&
        a.MetricName === metric &&
        a.Dimensions?.some(
          (d: any) => d.Name === 'FunctionName' && d.Value?.Ref === functionIdOf.get(handler),
        ),
    );

  test('the alarm topic is encrypted with a key CloudWatch may use', () => {
    const topic = resource(apiT, topicId()).Properties;
    const key = refs.resolve(topic.KmsMasterKeyId, api.stackName);
    expect(key).toBeDefined();
    const keyResource = resource(key!.stack === api.stackName ? apiT : statefulT, key!.logicalId);
    expect(keyResource.Type).toBe('AWS::KMS::Key');
    const cloudwatch = keyResource.Properties.KeyPolicy.Statement.filter(
      (s: any) => s.Effect === 'Allow' && s.Principal?.Service === 'cloudwatch.amazonaws.com',
    );
    expect(cloudwatch.flatMap((s: any) => s.Action)).toEqual(
      expect.arrayContaining(['kms:Decrypt', expect.stringMatching(/^kms:GenerateDataKey/)]),
    );
  });

  test.each(HANDLERS)('%s: errors and p99 duration alarms', (handler) => {
    expect(lambdaAlarms(handler, 'Errors')).not.toHaveLength(0);
    expect(lambdaAlarms(handler, 'Duration').filter((a) => a.ExtendedStatistic === 'p99')).not.toHaveLength(
      0,
    );
  });

  test.each(API_HANDLERS)('%s: a throttles alarm', (handler) => {
    expect(lambdaAlarms(handler, 'Throttles')).not.toHaveLength(0);
  });

  test('the expiry scan: alarms on dropped and long-queued invocations instead of throttles', () => {
    // With reserved concurrency 1 a wake-up during a run is throttled and queued by design.
    expect(lambdaAlarms(EXPIRY_SCAN_HANDLER, 'Throttles')).toEqual([]);
    expect(lambdaAlarms(EXPIRY_SCAN_HANDLER, 'AsyncEventsDropped')).toEqual([
      expect.objectContaining({ Statistic: 'Sum', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' }),
    ]);
    expect(lambdaAlarms(EXPIRY_SCAN_HANDLER, 'AsyncEventAge')).toEqual([
      expect.objectContaining({ Statistic: 'Maximum', Threshold: 30 * 60_000 }),
    ]);
  });

  test('every API function counts its internal-error log lines into one metric', () => {
    const filters = resourcesOfType(apiT, 'AWS::Logs::MetricFilter').map(([, r]) => r.Properties);
    const logGroupOf = (handler: string) =>
      refs.resolve(fnProps(handler).LoggingConfig?.LogGroup, api.stackName);
    for (const handler of API_HANDLERS) {
      const logGroup = logGroupOf(handler)!.logicalId;
      const own = filters.filter(
        (f) =>
          JSON.stringify(f.LogGroupName) === JSON.stringify({ Ref: logGroup }) &&
          f.MetricTransformations[0].MetricName === 'InternalErrors',
      );
      expect({ handler, own }).toEqual({
        handler,
        own: [
          {
            LogGroupName: { Ref: logGroup },
            FilterPattern: '{ $.level = "ERROR" && $.message = "internal error" }',
            MetricTransformations: [
              { MetricNamespace: 'ApiKeys', MetricName: 'InternalErrors', MetricValue: '1' },
            ],
          },
        ],
      });
    }
    // Plus the leak reports' own filter (next test).
    expect(filters).toHaveLength(API_HANDLERS.length + 1);
  });

  test('leak reports: each cut token is counted from its WARN line, and one notifies the topic', () => {
    const filters = resourcesOfType(apiT, 'AWS::Logs::MetricFilter')
      .map(([, r]) => r.Properties)
      .filter((f) => f.MetricTransformations[0].MetricName === 'LeakedTokens');
    const logGroup = refs.resolve(fnProps('report-leaks').LoggingConfig?.LogGroup, api.stackName)!.logicalId;
    expect(filters).toEqual([
      {
        LogGroupName: { Ref: logGroup },
        FilterPattern: '{ $.level = "WARN" && $.message = "token leaked" }',
        MetricTransformations: [{ MetricNamespace: 'ApiKeys', MetricName: 'LeakedTokens', MetricValue: '1' }],
      },
    ]);
    expect(alarms().filter((a) => a.MetricName === 'LeakedTokens')).toEqual([
      expect.objectContaining({
        Namespace: 'ApiKeys',
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [{ Ref: topicId() }],
      }),
    ]);
  });

  test('only the leak report function is given the trusted reporter keys', () => {
    for (const handler of API_HANDLERS) {
      const env = fnProps(handler).Environment?.Variables ?? {};
      expect({ handler, has: 'LEAK_REPORTER_KEYS' in env }).toEqual({
        handler,
        has: handler === 'report-leaks',
      });
    }
  });

  test('an internal-errors alarm: sum >= 1 in 5 minutes, to the alarm topic', () => {
    const internal = alarms().filter((a) => a.Namespace === 'ApiKeys' && a.MetricName === 'InternalErrors');
    expect(internal).toEqual([
      expect.objectContaining({
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: topicId() }],
      }),
    ]);
    expect(internal[0]!.Dimensions ?? []).toEqual([]);
  });

  test.each(['verify', AUTHORIZER_HANDLER])(
    '%s (verification path): a tighter p99 alarm of its own',
    (handler) => {
      const thresholds = lambdaAlarms(handler, 'Duration')
        .filter((a) => a.ExtendedStatistic === 'p99')
        .map((a) => a.Threshold as number);
      expect(thresholds.length).toBeGreaterThanOrEqual(2);
      expect(Math.min(...thresholds)).toBeLessThan(Math.max(...thresholds));
    },
  );

  test('a 5xx-rate alarm on the API stage', () => {
    const apiRef = { Ref: logicalIdOf(api, api.api.node.defaultChild) };
    const rate = alarms().filter((a) => {
      const metrics: any[] = a.Metrics ?? [];
      const stat = (name: string) =>
        metrics.some(
          (m) =>
            m.MetricStat?.Metric?.Namespace === 'AWS/ApiGateway' &&
            m.MetricStat.Metric.MetricName === name &&
            m.MetricStat.Metric.Dimensions?.some(
              (d: any) => d.Name === 'ApiId' && d.Value?.Ref === apiRef.Ref,
            ),
        );
      return stat('5xx') && stat('Count') && metrics.some((m) => m.Expression && m.ReturnData !== false);
    });
    expect(rate).toHaveLength(1);
  });

  test('every alarm notifies the SNS topic', () => {
    const topic = { Ref: topicId() };
    const all = alarms();
    expect(all.length).toBeGreaterThanOrEqual(3 * HANDLERS.length + 1 + 2);
    expect(
      all
        .filter(
          (a) => !(a.AlarmActions ?? []).some((x: unknown) => JSON.stringify(x) === JSON.stringify(topic)),
        )
        .map((a) => a.id),
    ).toEqual([]);
  });
});

describe('outputs', () => {
  const output = (name: string) => {
    const outputs = apiT.toJSON().Outputs ?? {};
    expect(Object.keys(outputs)).toContain(name);
    return outputs[name].Value;
  };

  test('ApiUrl is the URL of this API', () => {
    expect(JSON.stringify(output('ApiUrl'))).toContain(
      JSON.stringify({ Ref: logicalIdOf(api, api.api.node.defaultChild) }),
    );
  });

  test('TableName, HmacKeyId and EventBusName name the stateful resources', () => {
    expect(
      refs.is(output('TableName'), api.stackName, statefulRef(stateful.table.node.defaultChild), 'Ref'),
    ).toBe(true);
    const hmac = refs.resolve(output('HmacKeyId'), api.stackName);
    expect(hmac).toMatchObject(statefulRef(stateful.tokenHmacKey.node.defaultChild));
    expect(
      refs.is(output('EventBusName'), api.stackName, statefulRef(stateful.eventBus.node.defaultChild), 'Ref'),
    ).toBe(true);
  });
});
