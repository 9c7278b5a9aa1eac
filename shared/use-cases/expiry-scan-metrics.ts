// What an expiry scan run did, as metrics: tokens flagged per level, entries examined, how long it
// took, and its backlog: the due entries it left for the next run. A run that caught up left only
// the keys whose events failed to publish; a run its deadline stopped left an unknown number, which
// one bounded read of the index counts (up to BACKLOG_COUNT_LIMIT: past that, "a lot" is enough to
// alarm on, and the count must not eat into the run's safety margin).
import type { FlagLevel } from '../domain/expiry';
import { iso } from '../domain/time';
import type { ExpiryIndex } from '../ports';
import { expiryFlagMetric, METRIC, NO_METRICS, type Metrics } from '../ports/metrics';
import type { ScanReport } from './expiry-scan';

export const BACKLOG_COUNT_LIMIT = 1_000;

export async function recordScan(
  metrics: Metrics,
  index: ExpiryIndex,
  report: ScanReport,
  durationMs: number,
  nowMs: number,
): Promise<void> {
  if (metrics === NO_METRICS) return; // nobody looks: spend no read on the backlog
  for (const [level, n] of Object.entries(report.flagged))
    metrics.count(expiryFlagMetric(level as FlagLevel), n);
  metrics.count(METRIC.expiryScanExamined, report.examined);
  metrics.milliseconds(METRIC.expiryScanDuration, durationMs);
  try {
    metrics.count(METRIC.expiryScanBacklog, report.complete ? report.failed : await countDue(index, nowMs));
  } catch {
    // Storage failed on the count: the run itself did its work, and the next run counts again.
  }
}

async function countDue(index: ExpiryIndex, nowMs: number): Promise<number> {
  let count = 0;
  let after: unknown = undefined;
  do {
    const page = await index.queryDue(iso(nowMs), after, BACKLOG_COUNT_LIMIT - count);
    count += page.entries.length;
    after = page.next;
  } while (after && count < BACKLOG_COUNT_LIMIT);
  return count;
}
