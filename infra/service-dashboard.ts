// The operator's CloudWatch dashboard: verification outcomes and cache hit ratio, management
// actions per route, KMS latency and throttles, the expiry scan (duration, backlog, flags by
// level), leak reports and share links. Built from the same metric catalogue the functions emit.
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import {
  actionMetric,
  countsAsAction,
  expiryFlagMetric,
  METRIC,
  METRICS_NAMESPACE,
  verificationMetric,
  VERIFICATION_OUTCOMES,
} from '../shared/ports/metrics';
import type { RouteDefinition } from '../shared/routes';
import { LEAKED_TOKENS_METRIC } from './leak-alarm';
import { serviceMetric } from './service-metrics';

export interface ServiceDashboardProps {
  /** The route table: one management-action line per authenticated route. */
  readonly routes: readonly Pick<RouteDefinition, 'handler' | 'auth'>[];
}

const FLAG_LEVELS = ['expiring', 'expired', 'expired-critical'] as const;

export class ServiceDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: ServiceDashboardProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    const hourly = Duration.hours(1);
    const graph = (
      title: string,
      left: cloudwatch.IMetric[],
      extra: Partial<cloudwatch.GraphWidgetProps> = {},
    ) => new cloudwatch.GraphWidget({ title, left, width: 12, height: 6, period, ...extra });

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(6) });
    this.dashboard.addWidgets(
      graph(
        'Verifications by outcome',
        VERIFICATION_OUTCOMES.map((o) => serviceMetric(verificationMetric(o), { label: o })),
        { stacked: true },
      ),
      graph('Verification cache hit ratio (%)', [
        new cloudwatch.MathExpression({
          expression: '100 * hits / MAX([hits + misses, 1])',
          usingMetrics: { hits: serviceMetric(METRIC.cacheHit), misses: serviceMetric(METRIC.cacheMiss) },
          label: 'hit ratio %',
          period,
        }),
      ]),
    );
    this.dashboard.addWidgets(
      graph(
        'Management actions (successful requests per route)',
        props.routes
          .filter(countsAsAction)
          .map((r) => serviceMetric(actionMetric(r.handler), { label: r.handler })),
        { stacked: true },
      ),
      graph(
        'KMS latency (ms) and throttles',
        [
          serviceMetric(METRIC.kmsLatency, { statistic: 'p50', label: 'p50' }),
          serviceMetric(METRIC.kmsLatency, { statistic: 'p99', label: 'p99' }),
        ],
        { right: [serviceMetric(METRIC.kmsThrottles, { label: 'throttled' })] },
      ),
    );
    this.dashboard.addWidgets(
      graph(
        'Expiry scan: backlog and duration',
        [serviceMetric(METRIC.expiryScanBacklog, { statistic: 'Maximum', period: hourly, label: 'backlog' })],
        {
          period: hourly,
          right: [
            serviceMetric(METRIC.expiryScanDuration, {
              statistic: 'Maximum',
              period: hourly,
              label: 'duration ms',
            }),
          ],
        },
      ),
      graph(
        'Expiry flags by level',
        FLAG_LEVELS.map((l) => serviceMetric(expiryFlagMetric(l), { period: hourly, label: l })),
        { period: hourly, stacked: true },
      ),
    );
    this.dashboard.addWidgets(
      graph('Leak reports', [
        serviceMetric(METRIC.leakReport, { label: 'reports' }),
        serviceMetric(METRIC.leakReportItems, { label: 'strings reported' }),
        serviceMetric(METRIC.leakTokensCut, { label: 'tokens cut' }),
        // The log-filter count the leaked-tokens alarm watches (no dimension).
        new cloudwatch.Metric({
          namespace: METRICS_NAMESPACE,
          metricName: LEAKED_TOKENS_METRIC,
          statistic: 'Sum',
          period,
          label: 'token leaked lines',
        }),
      ]),
      graph('Share links opened', [serviceMetric(METRIC.shareLinkOpened, { label: 'opened' })]),
    );
  }
}
