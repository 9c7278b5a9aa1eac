// What issue 17's "Observability in AWS" promises of the synthesized stack: X-Ray active tracing on
// every function with the IAM to send segments, alarms on the service's own metrics (invalid
// verification rate, KMS throttling, expiry scan backlog, leak reports) notifying the alarm topic,
// a dashboard of those metrics, and no metric anywhere with a dimension naming a key or account.
import { Template } from 'aws-cdk-lib/assertions';
import type { ApiStack } from '../../infra/api-stack';
import { METRICS_NAMESPACE } from '../../shared/ports/metrics';
import {
  ALL_ROUTES,
  asArray,
  buildTestApp,
  functionLogicalIds,
  resourcesOfType,
  useScratchDir,
} from './support';

const scratchDir = useScratchDir('observability');

let api: ApiStack;
let apiT: Template;
let handlerOf: Map<string, string>;

beforeAll(() => {
  api = buildTestApp({ scratchDir }).api;
  apiT = Template.fromStack(api);
  handlerOf = functionLogicalIds(api);
}, 180_000);

const alarms = () =>
  resourcesOfType(apiT, 'AWS::CloudWatch::Alarm').map(([id, r]) => ({ id, ...r.Properties }));
const topicRef = () => ({ Ref: resourcesOfType(apiT, 'AWS::SNS::Topic')[0]![0] });
/** Every metric an alarm watches: the plain one, or each of its metric-math inputs. */
const metricsOf = (alarm: any): Array<{ Namespace: string; MetricName: string; Dimensions?: any[] }> =>
  alarm.MetricName
    ? [{ Namespace: alarm.Namespace, MetricName: alarm.MetricName, Dimensions: alarm.Dimensions }]
    : asArray<any>(alarm.Metrics)
        .filter((m) => m.MetricStat)
        .map((m) => m.MetricStat.Metric);
const alarmOn = (metricName: string) =>
  alarms().filter((a) => metricsOf(a).some((m) => m.MetricName === metricName));

/** The dashboard body with CloudFormation tokens (region, ...) replaced by a placeholder. */
function dashboardBody(): { widgets: Array<{ properties: { title: string; metrics?: unknown[][] } }> } {
  const dashboards = resourcesOfType(apiT, 'AWS::CloudWatch::Dashboard');
  expect(dashboards).toHaveLength(1);
  const body = dashboards[0]![1].Properties.DashboardBody;
  const text =
    typeof body === 'string'
      ? body
      : (body['Fn::Join'][1] as unknown[])
          .map((part) => (typeof part === 'string' ? part : 'TOKEN'))
          .join('');
  return JSON.parse(text);
}

/** [namespace, name, dimension name, value, ...] rows of the dashboard, without options or math rows. */
function dashboardMetrics(): Array<{ namespace: string; name: string; dimensions: string[] }> {
  const rows: Array<{ namespace: string; name: string; dimensions: string[] }> = [];
  for (const widget of dashboardBody().widgets) {
    for (const row of widget.properties.metrics ?? []) {
      const plain = row.filter((x): x is string => typeof x === 'string');
      if (plain.length < 2 || plain[0] === '...') continue;
      const [namespace, name, ...dims] = plain;
      rows.push({ namespace: namespace!, name: name!, dimensions: dims.filter((_, i) => i % 2 === 0) });
    }
  }
  return rows;
}

describe('tracing', () => {
  test('every function has active X-Ray tracing', () => {
    const functions = resourcesOfType(apiT, 'AWS::Lambda::Function');
    expect(functions.length).toBe(handlerOf.size);
    const untraced = functions
      .filter(([, f]) => f.Properties.TracingConfig?.Mode !== 'Active')
      .map(([id]) => id);
    expect(untraced).toEqual([]);
  });

  test("every function's role may send trace segments to X-Ray", () => {
    const policies = resourcesOfType(apiT, 'AWS::IAM::Policy').map(([, p]) => p.Properties);
    const missing: string[] = [];
    for (const [functionId] of resourcesOfType(apiT, 'AWS::Lambda::Function')) {
      const roleId = apiT.toJSON().Resources[functionId].Properties.Role['Fn::GetAtt'][0];
      const actions = policies
        .filter((p) => asArray<any>(p.Roles).some((r) => r.Ref === roleId))
        .flatMap((p) => asArray<any>(p.PolicyDocument.Statement))
        .filter((s) => s.Effect === 'Allow' && asArray(s.Resource).includes('*'))
        .flatMap((s) => asArray<string>(s.Action));
      for (const action of ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'])
        if (!actions.includes(action)) missing.push(`${handlerOf.get(functionId)}: ${action}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('alarms on the service metrics', () => {
  test('invalid verification rate: invalid share of all five outcomes, only above a minimum volume', () => {
    const [alarm, ...others] = alarms().filter(
      (a) => metricsOf(a).filter((m) => m.MetricName?.startsWith('Verification')).length === 5,
    );
    expect(others).toEqual([]);
    expect(
      metricsOf(alarm)
        .map((m) => m.MetricName)
        .sort(),
    ).toEqual([
      'VerificationExpired',
      'VerificationInactive',
      'VerificationInvalid',
      'VerificationNotGranted',
      'VerificationValid',
    ]);
    const expression = asArray<any>(alarm!.Metrics).find(
      (m) => m.Expression && m.ReturnData !== false,
    ).Expression;
    expect(expression).toMatch(/^IF\(.*>= \d+, 100 \* invalid \/ .*, 0\)$/);
    expect(alarm).toMatchObject({ Threshold: 20, ComparisonOperator: 'GreaterThanThreshold' });
  });

  test.each([
    ['KmsThrottle', 'Sum', 300, 1],
    ['ExpiryScanBacklog', 'Minimum', 3600, 0],
    ['LeakReport', 'Sum', 300, 1],
  ])('%s: one alarm, %s over %i s, threshold %i', (metricName, statistic, period, threshold) => {
    const found = alarmOn(metricName);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      Namespace: METRICS_NAMESPACE,
      Statistic: statistic,
      Period: period,
      Threshold: threshold,
    });
  });

  test('each new alarm notifies the alarm topic, on alarm and back to OK', () => {
    const names = ['VerificationInvalid', 'KmsThrottle', 'ExpiryScanBacklog', 'LeakReport'];
    for (const name of names) {
      for (const alarm of alarmOn(name)) {
        expect(alarm.AlarmActions).toEqual([topicRef()]);
        expect(alarm.OKActions).toEqual([topicRef()]);
      }
    }
  });
});

describe('dashboard', () => {
  const titles = () => dashboardBody().widgets.map((w) => w.properties.title);
  const names = () => new Set(dashboardMetrics().map((m) => m.name));

  test('has a graph for each concern an operator asked for', () => {
    expect(titles()).toEqual(
      expect.arrayContaining([
        'Verifications by outcome',
        'Verification cache hit ratio (%)',
        'Management actions (successful requests per route)',
        'KMS latency (ms) and throttles',
        'Expiry scan: backlog and duration',
        'Expiry flags by level',
        'Leak reports',
      ]),
    );
  });

  test('shows every verification outcome, the cache, KMS, the scan, leak reports and share links', () => {
    expect([...names()]).toEqual(
      expect.arrayContaining([
        'VerificationValid',
        'VerificationInvalid',
        'VerificationInactive',
        'VerificationExpired',
        'VerificationNotGranted',
        'VerificationCacheHit',
        'VerificationCacheMiss',
        'KmsLatency',
        'KmsThrottle',
        'ExpiryScanBacklog',
        'ExpiryScanDuration',
        'ExpiryFlagExpiring',
        'ExpiryFlagExpired',
        'ExpiryFlagExpiredCritical',
        'LeakReport',
        'LeakTokenCut',
        'ShareLinkOpened',
      ]),
    );
  });

  test('one management-action line per authenticated route, none for public routes', () => {
    const actions = [...names()].filter((n) => n.startsWith('Action.')).sort();
    expect(actions).toEqual(
      ALL_ROUTES.filter((r) => r.auth !== 'none')
        .map((r) => `Action.${r.handler}`)
        .sort(),
    );
  });
});

describe('cardinality', () => {
  const ALLOWED_DIMENSIONS = ['service'];
  /**
   * Metrics counted by a log metric filter (a leaked token, an internal error): the filters set
   * no dimension, so neither may the alarms and graphs that read them. Every other metric of the
   * namespace is published by the functions with service=apikeys (Powertools).
   */
  const fromLogFilters = () =>
    new Set(
      resourcesOfType(apiT, 'AWS::Logs::MetricFilter').flatMap(([, r]) =>
        asArray<any>(r.Properties.MetricTransformations)
          .filter((t) => t.MetricNamespace === METRICS_NAMESPACE)
          .map((t) => t.MetricName as string),
      ),
    );

  test('every service metric on the dashboard carries the service dimension and no other', () => {
    const service = dashboardMetrics().filter((m) => m.namespace === METRICS_NAMESPACE);
    expect(service.length).toBeGreaterThan(20);
    // Exactly the dimensions its data carry: a published metric graphed without `service` would
    // show nothing, and a filter's metric graphed with it would too.
    const filtered = fromLogFilters();
    expect(filtered.size).toBeGreaterThan(0);
    const odd = service.filter(
      (m) => JSON.stringify(m.dimensions) !== JSON.stringify(filtered.has(m.name) ? [] : ALLOWED_DIMENSIONS),
    );
    expect(odd).toEqual([]);
  });

  test('no alarm or dashboard metric has a dimension naming a key or an account', () => {
    const dimensionNames = [
      ...alarms().flatMap((a) =>
        metricsOf(a).flatMap((m) => asArray<any>(m.Dimensions).map((d) => d.Name as string)),
      ),
      ...dashboardMetrics().flatMap((m) => m.dimensions),
    ];
    expect(dimensionNames.length).toBeGreaterThan(0);
    expect(dimensionNames.filter((d) => /key|account|token|caller|owner/i.test(d))).toEqual([]);
  });

  test('the service alarms watch only the service dimension', () => {
    const service = alarms()
      .flatMap((a) => metricsOf(a))
      .filter((m) => m.Namespace === METRICS_NAMESPACE);
    expect(service.length).toBeGreaterThan(0);
    // Every one, with the value the functions publish: an alarm without it would never leave
    // INSUFFICIENT_DATA. A log filter's metric has no dimension at all.
    const filtered = fromLogFilters();
    for (const m of service)
      expect({ metric: m.MetricName, dimensions: asArray<any>(m.Dimensions) }).toEqual({
        metric: m.MetricName,
        dimensions: filtered.has(m.MetricName) ? [] : [{ Name: 'service', Value: 'apikeys' }],
      });
  });
});
