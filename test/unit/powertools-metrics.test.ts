// The AWS adapter of the Metrics port: Embedded Metric Format lines on stdout in the one namespace,
// with the service as the only dimension (never a key or an account), nothing written when nothing
// was recorded, and no failure ever reaching the caller.
import { PowertoolsMetricsAdapter } from '../../shared/adapters/powertools-metrics';
import { METRIC, METRICS_NAMESPACE, verificationMetric, type MetricName } from '../../shared/ports/metrics';

interface Emf {
  _aws: {
    CloudWatchMetrics: Array<{
      Namespace: string;
      Dimensions: string[][];
      Metrics: Array<{ Name: string; Unit: string }>;
    }>;
  };
  [field: string]: unknown;
}

describe('Powertools metrics adapter', () => {
  let written: string[];
  beforeEach(() => {
    written = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => jest.restoreAllMocks());
  const emfLines = (): Emf[] =>
    written
      .join('')
      .split('\n')
      .filter((l) => l.includes('"_aws"'))
      .map((l) => JSON.parse(l) as Emf);

  it('one EMF line per flush: namespace ApiKeys, dimension service=apikeys only, counts and durations', () => {
    const metrics = new PowertoolsMetricsAdapter();
    metrics.count(verificationMetric('invalid'));
    metrics.count(verificationMetric('invalid'));
    metrics.milliseconds(METRIC.kmsLatency, 12.5);

    metrics.flush();

    const [line, ...more] = emfLines();
    expect(more).toEqual([]);
    const [directive] = line!._aws.CloudWatchMetrics;
    expect(directive!.Namespace).toBe(METRICS_NAMESPACE);
    expect(directive!.Dimensions).toEqual([['service']]);
    expect(line!.service).toBe('apikeys');
    expect(directive!.Metrics).toEqual(
      expect.arrayContaining([
        { Name: 'VerificationInvalid', Unit: 'Count' },
        { Name: 'KmsLatency', Unit: 'Milliseconds' },
      ]),
    );
    expect(line!.VerificationInvalid).toEqual([1, 1]);
    expect(line!.KmsLatency).toBe(12.5);
  });

  it('a flush with nothing recorded writes nothing (not even a warning)', () => {
    const metrics = new PowertoolsMetricsAdapter();
    metrics.count(METRIC.shareLinkOpened);
    metrics.flush();
    written.length = 0;

    metrics.flush();

    expect(written).toEqual([]);
  });

  it('a value Powertools refuses is dropped without throwing, and the rest is still flushed', () => {
    const metrics = new PowertoolsMetricsAdapter();

    // Powertools throws a RangeError for an empty metric name.
    expect(() => metrics.count('' as MetricName)).not.toThrow();
    metrics.count(METRIC.leakReport);
    expect(() => metrics.flush()).not.toThrow();

    expect(emfLines().map((l) => l.LeakReport)).toEqual([1]);
  });
});
