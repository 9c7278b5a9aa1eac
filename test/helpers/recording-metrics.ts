// A Metrics adapter that keeps what was recorded, so tests can see which outcome a request counted.
import type { MetricName, Metrics } from '../../shared/ports/metrics';

export class RecordingMetrics implements Metrics {
  readonly counts = new Map<string, number>();
  readonly durations = new Map<string, number[]>();
  flushes = 0;

  count(name: MetricName, value = 1): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + value);
  }

  milliseconds(name: MetricName, value: number): void {
    this.durations.set(name, [...(this.durations.get(name) ?? []), value]);
  }

  flush(): void {
    this.flushes++;
  }

  /** The count of `name` (0 if never recorded). */
  of(name: MetricName): number {
    return this.counts.get(name) ?? 0;
  }

  /** Every count recorded so far, by name, without the zero ones. */
  nonZero(): Record<string, number> {
    return Object.fromEntries([...this.counts].filter(([, v]) => v !== 0));
  }

  reset(): void {
    this.counts.clear();
    this.durations.clear();
    this.flushes = 0;
  }
}
