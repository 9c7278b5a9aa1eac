// The scheduled expiry scan (EventBridge schedule, and the "Settings Changed" rule that wakes it
// to finish re-expiring a large account). One run at a time (reserved concurrency 1): due tokens
// first, then re-expiry jobs with the time left. Stops well before the Lambda timeout; the next run
// continues where this one stopped.
import type { Context } from 'aws-lambda';
import { getServices } from '../shared/composition';
import { logger } from '../shared/logger';
import type { ScanReport } from '../shared/use-cases/expiry-scan';
import { observed } from '../shared/invocation';

/** Time kept in reserve for the page in flight and the final log line. */
const SAFETY_MARGIN_MS = 20_000;

export const handler = observed(scan);

async function scan(_event: unknown, context: Context): Promise<ScanReport> {
  const report = await getServices().expiryScan.run({
    outOfTime: () => context.getRemainingTimeInMillis() < SAFETY_MARGIN_MS,
  });
  logger.info('expiry scan finished', { ...report });
  return report;
}
