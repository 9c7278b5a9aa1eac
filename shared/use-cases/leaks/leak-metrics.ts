// What a leak report did, as metrics: one report, how many strings it carried, how many live
// tokens it cut (the strings labelled true_positive).
import { METRIC, type Metrics } from '../../ports/metrics';

export function recordLeakReport(
  metrics: Metrics | undefined,
  items: number,
  labels: ReadonlyMap<string, 'true_positive' | 'false_positive'>,
): void {
  if (!metrics) return;
  let cut = 0;
  for (const label of labels.values()) if (label === 'true_positive') cut++;
  metrics.count(METRIC.leakReport);
  metrics.count(METRIC.leakReportItems, items);
  metrics.count(METRIC.leakTokensCut, cut);
}
