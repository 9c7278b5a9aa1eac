// An alarm on leak reports: every token a secret scanner reports and the service cuts is logged
// once as `token leaked` (use-cases/leaks/leak-notices.ts); a metric filter on the report
// function's log group counts them, and a single one notifies the alarm topic, because a leaked
// key means an integration is now down until its owner renews it.
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { TOKEN_LEAKED_LOG } from '../shared/use-cases/leaks/leak-signals';
import { METRICS_NAMESPACE, type ApiAlarms } from './api-alarms';
import type { ApiFunction } from './api-function';

export const LEAKED_TOKENS_METRIC = 'LeakedTokens';
export const LEAKED_TOKEN_PATTERN = `{ $.level = "WARN" && $.message = "${TOKEN_LEAKED_LOG}" }`;

export function addLeakAlarm(alarms: ApiAlarms, reportFunction: ApiFunction): void {
  new logs.MetricFilter(alarms, 'leaked-tokens-filter', {
    logGroup: reportFunction.logGroup,
    filterPattern: logs.FilterPattern.literal(LEAKED_TOKEN_PATTERN),
    metricNamespace: METRICS_NAMESPACE,
    metricName: LEAKED_TOKENS_METRIC,
    metricValue: '1',
  });
  alarms.add(
    'leaked-tokens',
    new cloudwatch.Metric({
      namespace: METRICS_NAMESPACE,
      metricName: LEAKED_TOKENS_METRIC,
      period: Duration.minutes(5),
      statistic: 'Sum',
    }),
    1,
    'Leaked tokens reported by a secret scanner and cut (keys deactivated or renewals finished): tell the owners',
    undefined,
    1,
    cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
  );
}
