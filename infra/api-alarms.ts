// Alarms on what would hurt integrations: 5xx rate at the API, and per function errors, throttles
// and p99 duration; plus a tighter p99 alarm on the verification path, and any internal error (a
// defect answered 500, which the HTTP layer logs as `internal error`). All notify one SNS topic.
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE } from '../shared/ports/metrics';
import type { ApiFunction } from './api-function';

/** Where the internal-error count goes: the service's own metrics namespace (shared with EMF). */
export { METRICS_NAMESPACE };
export const INTERNAL_ERRORS_METRIC = 'InternalErrors';
/**
 * The line the HTTP layer writes (Powertools JSON) for an unexpected error answered 500
 * `internal-error`; outages (503) are logged otherwise and are not counted here.
 */
export const INTERNAL_ERROR_PATTERN = '{ $.level = "ERROR" && $.message = "internal error" }';

export interface ApiAlarmsProps {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly functions: Record<string, ApiFunction>;
  /** Functions on the verification path (verify, authorizer): held to a tighter p99. */
  readonly verificationPath: ApiFunction[];
  /** @default 1000 ms */
  readonly functionP99Ms?: number;
  /** @default 250 ms */
  readonly verificationP99Ms?: number;
  /** @default 1 (percent of requests answered 5xx over 5 minutes) */
  readonly serverErrorPercent?: number;
  readonly alarmEmail?: string;
}

export class ApiAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  private notify!: actions.SnsAction;

  constructor(scope: Construct, id: string, props: ApiAlarmsProps) {
    super(scope, id);
    // CloudWatch can only publish to an encrypted topic whose key lets it: a key of our own.
    const key = new kms.Key(this, 'TopicKey', {
      description: 'API key service: alarm topic',
      enableKeyRotation: true,
    });
    key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'API key service alarms',
      masterKey: key,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const notify = (this.notify = new actions.SnsAction(this.topic));
    const period = Duration.minutes(5);

    const errorRate = new cloudwatch.MathExpression({
      expression: '100 * errors / MAX([requests, 1])',
      usingMetrics: {
        errors: props.stage.metricServerError({ period, statistic: 'Sum' }),
        requests: props.stage.metricCount({ period, statistic: 'Sum' }),
      },
      period,
      label: '5xx %',
    });
    this.add(
      'ServerErrorRate',
      errorRate,
      props.serverErrorPercent ?? 1,
      '5xx responses above the threshold share',
      notify,
    );

    for (const [name, fn] of Object.entries(props.functions)) {
      const f = fn.function;
      this.add(
        `${name}-errors`,
        f.metricErrors({ period, statistic: 'Sum' }),
        0,
        `${name}: invocation errors`,
        notify,
        1,
      );
      this.add(
        `${name}-throttles`,
        f.metricThrottles({ period, statistic: 'Sum' }),
        0,
        `${name}: throttled`,
        notify,
        1,
      );
      this.add(
        `${name}-p99`,
        f.metricDuration({ period, statistic: 'p99' }),
        props.functionP99Ms ?? 1000,
        `${name}: p99 duration`,
        notify,
        3,
      );
    }
    // One metric fed by every API function's log group: a single 500 is a defect worth a look.
    for (const [name, fn] of Object.entries(props.functions)) {
      new logs.MetricFilter(this, `${name}-internal-errors`, {
        logGroup: fn.logGroup,
        filterPattern: logs.FilterPattern.literal(INTERNAL_ERROR_PATTERN),
        metricNamespace: METRICS_NAMESPACE,
        metricName: INTERNAL_ERRORS_METRIC,
        metricValue: '1',
      });
    }
    this.add(
      'internal-errors',
      new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName: INTERNAL_ERRORS_METRIC,
        period,
        statistic: 'Sum',
      }),
      1,
      'Internal errors (500 internal-error) logged by the API functions: a defect, see the ERROR lines',
      notify,
      1,
      cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    );

    for (const fn of props.verificationPath) {
      const name = fn.node.id;
      this.add(
        `${name}-verification-p99`,
        fn.function.metricDuration({ period, statistic: 'p99' }),
        props.verificationP99Ms ?? 250,
        `${name}: verification p99 duration`,
        notify,
        3,
      );
    }
  }

  /** Adds an alarm that notifies the same topic as the others. */
  add(
    id: string,
    metric: cloudwatch.IMetric,
    threshold: number,
    description: string,
    action: actions.SnsAction = this.notify,
    evaluationPeriods = 2,
    comparisonOperator = cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
  ): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods,
      comparisonOperator,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    this.alarms.push(alarm);
  }
}
