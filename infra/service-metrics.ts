// The service's EMF metrics (shared/ports/metrics.ts) as CloudWatch metric objects for alarms and
// the dashboard. Each is named exactly as the runtime emits it, with the one dimension it carries.
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import {
  METRICS_NAMESPACE,
  METRICS_SERVICE,
  VERIFICATION_OUTCOMES,
  verificationMetric,
  type MetricName,
} from '../shared/ports/metrics';

export function serviceMetric(
  metricName: MetricName,
  options: { statistic?: string; period?: Duration; label?: string } = {},
): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    dimensionsMap: { service: METRICS_SERVICE },
    statistic: options.statistic ?? 'Sum',
    period: options.period ?? Duration.minutes(5),
    label: options.label,
  });
}

/** Metric-math ids of the verification outcomes (ids must start lower case, no dashes). */
export const outcomeId = (outcome: string): string =>
  outcome.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** Every verification outcome by its metric-math id, for rate expressions. */
export function verificationsByOutcome(period: Duration): Record<string, cloudwatch.IMetric> {
  return Object.fromEntries(
    VERIFICATION_OUTCOMES.map((o) => [
      outcomeId(o),
      serviceMetric(verificationMetric(o), { period, label: o }),
    ]),
  );
}
