// Alarms on the service's own metrics, added to the stack's alarm set (same topic, same actions):
// credentials failing at an unusual rate (a broken integration or someone guessing), KMS saying
// "slow down" (verifications on cache misses start failing with 503), an expiry scan that keeps
// leaving work behind, and any leak report (a secret scanner found one of our tokens in public).
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { METRIC } from '../shared/ports/metrics';
import type { ApiAlarms } from './api-alarms';
import { serviceMetric, verificationsByOutcome } from './service-metrics';

export interface ServiceAlarmOptions {
  /** Share of verifications answered `invalid` that alarms. @default 20 (percent, over 5 minutes) */
  readonly invalidVerificationPercent?: number;
  /** Fewer verifications than this in 5 minutes never alarm on the rate (one bad call of two is not news). @default 100 */
  readonly minVerifications?: number;
}

export function addServiceAlarms(alarms: ApiAlarms, options: ServiceAlarmOptions = {}): void {
  const period = Duration.minutes(5);
  const outcomes = verificationsByOutcome(period);
  const total = Object.keys(outcomes).join(' + ');
  const minimum = options.minVerifications ?? 100;
  alarms.add(
    'verification-invalid-rate',
    new cloudwatch.MathExpression({
      expression: `IF((${total}) >= ${minimum}, 100 * invalid / (${total}), 0)`,
      usingMetrics: outcomes,
      period,
      label: 'invalid verifications %',
    }),
    options.invalidVerificationPercent ?? 20,
    'Verifications answered invalid above the threshold share: a broken integration, or credentials being guessed',
  );
  alarms.add(
    'kms-throttles',
    serviceMetric(METRIC.kmsThrottles, { period }),
    1,
    'KMS throttled requests of this service (verification cache misses, key creation, renewal): raise the KMS request quota',
    undefined,
    1,
    cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
  );
  alarms.add(
    'expiry-scan-backlog',
    serviceMetric(METRIC.expiryScanBacklog, { statistic: 'Minimum', period: Duration.hours(1) }),
    0,
    'Expiry scan: two hours in a row, every run left due tokens for the next one (it is falling behind)',
    undefined,
    2,
  );
  alarms.add(
    'leak-reports',
    serviceMetric(METRIC.leakReport, { period }),
    1,
    'A secret scanner reported strings of our token format found in public: see the token leaked log lines',
    undefined,
    1,
    cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
  );
}
