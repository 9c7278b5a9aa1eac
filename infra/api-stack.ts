// The stateless stack: one Lambda per route of the route table, the HTTP API in front of them, the
// standalone authorizer, and the alarms. Adding a route to shared/routes.ts adds its function, its
// API route and its IAM policy here with no other change.
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { AUTHORIZER_HANDLER, routes, tracesSdkCalls, type RouteDefinition } from '../shared/routes';
import { ApiFunction } from './api-function';
import { statementsFor } from './route-permissions';
import { ApiAlarms } from './api-alarms';
import { ExpiryScanSchedule } from './expiry-scan-schedule';
import { addLeakAlarm } from './leak-alarm';
import { addServiceAlarms } from './service-alarms';
import { ServiceDashboard } from './service-dashboard';

/** A route's own throttle (requests per second, and the burst above it). */
export interface RouteThrottle {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

export interface ApiStackProps extends StackProps {
  readonly table: dynamodb.ITableV2;
  readonly tokenHmacKey: kms.IKey;
  readonly secretsKey: kms.IKey;
  readonly eventBus: events.IEventBus;
  /** Steady-state requests per second for the whole stage. @default 500 */
  readonly throttleRateLimit?: number;
  /** @default 1000 */
  readonly throttleBurstLimit?: number;
  /**
   * POST /v1/verify, the integrations' hot path: a budget of its own, so a flood of management
   * calls cannot starve verification and a flood of verifications cannot starve management.
   * @default { rateLimit: 2000, burstLimit: 4000 }
   */
  readonly verifyThrottle?: RouteThrottle;
  /**
   * Each other public route (auth 'none' in shared/routes.ts: health, the OpenAPI document, the
   * 404 catch-all): unauthenticated and cheap to call, so kept low.
   * @default { rateLimit: 50, burstLimit: 100 }
   */
  readonly publicRouteThrottle?: RouteThrottle;
  /**
   * POST /v1/leaks, signed reports from a secret scanner: rare, but each item may cost a KMS call,
   * so a budget of its own that no other public route shares.
   * @default { rateLimit: 10, burstLimit: 20 }
   */
  readonly leakReportThrottle?: RouteThrottle;
  /**
   * Public keys trusted to sign leak reports (key identifier -> PEM), e.g. GitHub's from
   * https://api.github.com/meta/public_keys/secret_scanning. Given only to the report function.
   * @default none: every report is refused
   */
  readonly leakReporterKeys?: Record<string, string>;
  /** Origins allowed to call the API from a browser (the web console). @default none */
  readonly consoleOrigins?: string[];
  /**
   * Where single-access links open: the console's CloudFront URL or a custom domain.
   * @default the first of consoleOrigins; without either, link delivery points at 127.0.0.1
   */
  readonly publicUrl?: string;
  /**
   * How long API Gateway caches an authorizer decision. The cache is stage-wide and cannot be
   * flushed per key, so anything above 0 delays revocation by up to this long. Only 0 is accepted
   * now: the cache is keyed on the identity sources, and X-API-Account (optional, so it cannot be
   * one: a missing identity source is a 401 before the authorizer runs) would not be part of the
   * key, so an external key's decision for one account would be reused for another.
   * @default Duration.seconds(0)
   */
  readonly authorizerCacheTtl?: Duration;
  /** In-process verification cache of each function (0..60). @default 10 */
  readonly verifyCacheTtlSeconds?: number;
  /** How often the expiry scan runs. @default Duration.hours(1) */
  readonly expiryScanSchedule?: Duration;
  /** Where alarm notifications go (an e-mail address). @default no subscription */
  readonly alarmEmail?: string;
}

export class ApiStack extends Stack {
  readonly api: apigw.HttpApi;
  /** The functions of the routes and the authorizer, by handler name. */
  readonly functions: Record<string, ApiFunction> = {};
  readonly expiryScan: ExpiryScanSchedule;
  /** The operator's CloudWatch dashboard of the service's metrics. */
  readonly dashboard: ServiceDashboard;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const cacheTtl = props.verifyCacheTtlSeconds ?? 10;
    if (cacheTtl < 0 || cacheTtl > 60) throw new Error('verifyCacheTtlSeconds must be between 0 and 60');

    const environment = {
      TABLE_NAME: props.table.tableName,
      KEY_PROVIDER: 'kms',
      HMAC_KEY_ID: props.tokenHmacKey.keyArn,
      SECRETS_KEY_ID: props.secretsKey.keyArn,
      EVENT_BUS_NAME: props.eventBus.eventBusName,
      VERIFY_CACHE_TTL_SECONDS: String(cacheTtl),
      ...((props.publicUrl ?? props.consoleOrigins?.[0])
        ? { PUBLIC_URL: (props.publicUrl ?? props.consoleOrigins![0])! }
        : {}),
    };
    const resources = {
      tableArn: props.table.tableArn,
      tokenHmacKeyArn: props.tokenHmacKey.keyArn,
      secretsKeyArn: props.secretsKey.keyArn,
      eventBusArn: props.eventBus.eventBusArn,
    };
    const addFunction = (
      handler: string,
      access: Pick<RouteDefinition, 'access' | 'writes' | 'sealsSecrets' | 'batchReads'>,
    ) => {
      const fn = new ApiFunction(this, pascal(handler), {
        handler,
        // A function that calls no AWS service, or a hot verification one, carries no SDK tracer.
        traceSdkCalls: tracesSdkCalls(handler, access.access),
        environment:
          handler === LEAK_REPORT_HANDLER
            ? { ...environment, LEAK_REPORTER_KEYS: JSON.stringify(props.leakReporterKeys ?? {}) }
            : environment,
      });
      for (const statement of statementsFor(access, resources)) fn.role.addToPolicy(statement);
      this.functions[handler] = fn;
      return fn;
    };

    const allRoutes = routes as readonly RouteDefinition[];
    for (const route of allRoutes) addFunction(route.handler, route);
    const authorizerFn = addFunction(AUTHORIZER_HANDLER, { access: 'read' });

    const fallback = allRoutes.find((r) => r.path === '$default')!;
    this.api = new apigw.HttpApi(this, 'HttpApi', {
      apiName: 'apikeys',
      createDefaultStage: false,
      defaultIntegration: new HttpLambdaIntegration(
        'DefaultIntegration',
        this.functions[fallback.handler]!.function,
      ),
      corsPreflight: props.consoleOrigins?.length
        ? {
            allowOrigins: props.consoleOrigins,
            allowMethods: [apigw.CorsHttpMethod.ANY],
            allowHeaders: [
              'content-type',
              'x-api-appkey',
              'x-api-apptoken',
              'x-api-account',
              'if-match',
              'idempotency-key',
            ],
            // content-disposition: the console names an export's download as the API does.
            exposeHeaders: ['etag', 'location', 'retry-after', 'content-disposition'],
            maxAge: Duration.hours(1),
          }
        : undefined,
    });

    if ((props.authorizerCacheTtl?.toSeconds() ?? 0) > 0) {
      throw new Error('authorizerCacheTtl must be 0: X-API-Account cannot be part of the cache key');
    }
    const authorizer = new HttpLambdaAuthorizer('KeyAuthorizer', authorizerFn.function, {
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: ['$request.header.X-API-AppKey', '$request.header.X-API-AppToken'],
      resultsCacheTtl: props.authorizerCacheTtl ?? Duration.seconds(0),
    });

    for (const route of allRoutes) {
      if (route.path === '$default') continue;
      this.api.addRoutes({
        path: route.path,
        methods: [route.method as apigw.HttpMethod],
        integration: new HttpLambdaIntegration(
          `${pascal(route.handler)}Integration`,
          this.functions[route.handler]!.function,
        ),
        authorizer: route.auth === 'authorizer' ? authorizer : undefined,
      });
    }

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.THREE_MONTHS });
    const stage = new apigw.HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttleRateLimit ?? 500, burstLimit: props.throttleBurstLimit ?? 1000 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        // JSON access logs; no header or body is logged, so no credential can reach them.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            authorizerError: '$context.authorizer.error',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    this.throttlePublicRoutes(stage, allRoutes, props);

    const alarms = new ApiAlarms(this, 'Alarms', {
      api: this.api,
      stage,
      functions: this.functions,
      verificationPath: [this.functions.verify!, authorizerFn],
      alarmEmail: props.alarmEmail,
    });
    addLeakAlarm(alarms, this.functions[LEAK_REPORT_HANDLER]!);
    addServiceAlarms(alarms);
    this.dashboard = new ServiceDashboard(this, 'Dashboard', { routes: allRoutes });

    this.expiryScan = new ExpiryScanSchedule(this, 'ExpiryScan', {
      environment,
      table: props.table,
      tokenHmacKey: props.tokenHmacKey,
      eventBus: props.eventBus,
      schedule: props.expiryScanSchedule ?? Duration.hours(1),
      alarms,
    });

    new CfnOutput(this, 'ApiUrl', { value: stage.url });
    new CfnOutput(this, 'TableName', { value: props.table.tableName });
    new CfnOutput(this, 'HmacKeyId', { value: props.tokenHmacKey.keyArn });
    new CfnOutput(this, 'SecretsKeyId', { value: props.secretsKey.keyArn });
    new CfnOutput(this, 'EventBusName', { value: props.eventBus.eventBusName });
  }

  /** Route settings of the stage: a throttle of its own for every public route. */
  private throttlePublicRoutes(
    stage: apigw.HttpStage,
    allRoutes: readonly RouteDefinition[],
    props: ApiStackProps,
  ): void {
    const settings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const route of allRoutes.filter((r) => r.auth === 'none')) {
      const throttle = checkedThrottle(
        route.handler === 'verify'
          ? (props.verifyThrottle ?? DEFAULT_VERIFY_THROTTLE)
          : route.handler === LEAK_REPORT_HANDLER
            ? (props.leakReportThrottle ?? DEFAULT_LEAK_REPORT_THROTTLE)
            : (props.publicRouteThrottle ?? DEFAULT_PUBLIC_THROTTLE),
        route.handler,
      );
      const key = routeKeyOf(route);
      settings[key] = { ThrottlingRateLimit: throttle.rateLimit, ThrottlingBurstLimit: throttle.burstLimit };
      // API Gateway refuses settings for a route that does not exist yet.
      const apiRoute = this.api.node.children.find(
        (c) => c instanceof apigw.HttpRoute && (c.node.defaultChild as apigw.CfnRoute).routeKey === key,
      );
      if (!apiRoute) throw new Error(`no API route '${key}' to throttle`);
      stage.node.addDependency(apiRoute);
    }
    (stage.node.defaultChild as apigw.CfnStage).routeSettings = settings;
  }
}

export const DEFAULT_VERIFY_THROTTLE: RouteThrottle = { rateLimit: 2_000, burstLimit: 4_000 };
export const DEFAULT_PUBLIC_THROTTLE: RouteThrottle = { rateLimit: 50, burstLimit: 100 };
export const DEFAULT_LEAK_REPORT_THROTTLE: RouteThrottle = { rateLimit: 10, burstLimit: 20 };
const LEAK_REPORT_HANDLER = 'report-leaks';

/** The API Gateway route key of a route of the route table. */
export const routeKeyOf = (route: Pick<RouteDefinition, 'method' | 'path'>): string =>
  route.path === '$default' ? '$default' : `${route.method} ${route.path}`;

function checkedThrottle(throttle: RouteThrottle, handler: string): RouteThrottle {
  if (!(throttle.rateLimit > 0) || !(throttle.burstLimit >= throttle.rateLimit))
    throw new Error(`${handler}: a route throttle needs rateLimit > 0 and burstLimit >= rateLimit`);
  return throttle;
}

const pascal = (name: string): string => name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
