// The Metrics port on Powertools Metrics: CloudWatch Embedded Metric Format lines on stdout, which
// Lambda ships to CloudWatch Logs and CloudWatch turns into metrics, with no API call and no IAM.
// Every failure is swallowed (and logged once per kind): a metric is never worth a failed request.
import { Metrics as PowertoolsMetrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger } from '../logger';
import { METRICS_NAMESPACE, METRICS_SERVICE, type MetricName, type Metrics } from '../ports/metrics';

export class PowertoolsMetricsAdapter implements Metrics {
  private readonly warned = new Set<string>();

  constructor(
    /** The Powertools instance; tests give one with its own console. */
    private readonly emf: PowertoolsMetrics = new PowertoolsMetrics({
      namespace: METRICS_NAMESPACE,
      // Fixed, not POWERTOOLS_SERVICE_NAME: the alarms and the dashboard name this exact value.
      serviceName: METRICS_SERVICE,
    }),
  ) {}

  count(name: MetricName, value = 1): void {
    this.safely('count', () => this.emf.addMetric(name, MetricUnit.Count, value));
  }

  milliseconds(name: MetricName, value: number): void {
    this.safely('milliseconds', () => this.emf.addMetric(name, MetricUnit.Milliseconds, value));
  }

  flush(): void {
    // Only when something was recorded: an empty flush prints a Powertools warning on every read.
    this.safely('flush', () => {
      if (this.emf.hasStoredMetrics()) this.emf.publishStoredMetrics();
    });
  }

  private safely(what: string, action: () => void): void {
    try {
      action();
    } catch (error) {
      if (this.warned.has(what)) return;
      this.warned.add(what);
      logger.warn('metrics failed', { what, error: (error as Error).name });
    }
  }
}
