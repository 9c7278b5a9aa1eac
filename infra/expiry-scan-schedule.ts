// The scheduled expiry scan: an EventBridge schedule (hourly by default) plus a rule that wakes it
// when a settings change left re-expiry work behind. One run at a time (reserved concurrency 1):
// runs never race each other over the same due tokens and jobs, and a wake-up that arrives during
// a run waits in Lambda's asynchronous queue instead. Failed invocations land in a dead-letter
// queue, and a message there raises an alarm.
import { Duration, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ApiFunction } from './api-function';
import type { ApiAlarms } from './api-alarms';
import { expiryScanStatements } from './expiry-scan-permissions';

export const EXPIRY_SCAN_HANDLER = 'expiry-scan';

export interface ExpiryScanScheduleProps {
  readonly environment: Record<string, string>;
  readonly table: dynamodb.ITableV2;
  readonly tokenHmacKey: kms.IKey;
  readonly eventBus: events.IEventBus;
  /** @default Duration.hours(1) */
  readonly schedule?: Duration;
  readonly alarms: ApiAlarms;
}

export class ExpiryScanSchedule extends Construct {
  readonly function: ApiFunction;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: ExpiryScanScheduleProps) {
    super(scope, id);
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason:
        'This queue is the dead-letter queue of the expiry scan (Lambda on-failure destination and rule target DLQ); cdk-nag only recognises DLQs of other SQS queues.',
    });
    this.function = new ApiFunction(this, 'Function', {
      handler: EXPIRY_SCAN_HANDLER,
      environment: props.environment,
      timeout: Duration.minutes(5),
      reservedConcurrentExecutions: 1,
    });
    const fn = this.function.function;
    // Throttled invocations (a wake-up during a run) are retried by Lambda for up to this long.
    fn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.deadLetterQueue),
    });
    for (const statement of expiryScanStatements(props.table.tableArn, props.eventBus.eventBusArn))
      this.function.role.addToPolicy(statement);

    const target = new targets.LambdaFunction(fn, {
      retryAttempts: 2,
      deadLetterQueue: this.deadLetterQueue,
    });
    new events.Rule(this, 'Schedule', {
      description: 'API key service: run the expiry scan',
      schedule: events.Schedule.rate(props.schedule ?? Duration.hours(1)),
      targets: [target],
    });
    new events.Rule(this, 'SettingsChanged', {
      description: 'API key service: finish re-expiring tokens after a settings change',
      eventBus: props.eventBus,
      eventPattern: { source: ['apikeys'], detailType: ['Settings Changed'] },
      targets: [target],
    });

    props.alarms.add(
      'expiry-scan-dead-letters',
      this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      0,
      'Expiry scan invocations failed and were dead-lettered',
      undefined,
      1,
    );
    // Throttles are how reserved concurrency 1 queues a wake-up behind a run, not a fault: what
    // would be is an invocation given up on, or a queue that does not drain.
    props.alarms.add(
      'expiry-scan-dropped',
      fn.metric('AsyncEventsDropped', { period: Duration.minutes(15), statistic: 'Sum' }),
      0,
      'Expiry scan: queued invocations dropped (too old or failed); their run never happened',
      undefined,
      1,
    );
    props.alarms.add(
      'expiry-scan-queue-age',
      fn.metric('AsyncEventAge', { period: Duration.minutes(15), statistic: 'Maximum' }),
      Duration.minutes(30).toMilliseconds(),
      'Expiry scan: invocations wait over 30 minutes for the previous runs to finish',
      undefined,
      2,
    );
    props.alarms.add(
      'expiry-scan-p99',
      fn.metricDuration({ period: Duration.hours(1), statistic: 'p99' }),
      Duration.minutes(4).toMilliseconds(),
      'Expiry scan: runs close to its 5-minute timeout (it will stop early and resume, but is falling behind)',
      undefined,
      1,
    );
    props.alarms.add(
      'expiry-scan-errors',
      fn.metricErrors({ period: Duration.minutes(15), statistic: 'Sum' }),
      0,
      'Expiry scan: invocation errors',
      undefined,
      1,
    );
  }
}
