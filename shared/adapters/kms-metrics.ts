// KMS latency and throttling as metrics. CloudWatch has no KMS latency metric and counts no
// throttled KMS requests, yet KMS is on the verification path of every cache miss and its request
// quota is shared by every tenant: so the client measures them itself. One SDK middleware on the
// KMS client covers both KMS adapters (hasher and secret box) without touching them.
import type { KMSClient } from '@aws-sdk/client-kms';
import { METRIC, type Metrics } from '../ports/metrics';

/** What KMS answers when the account's request quota is spent (the SDK retries it once first). */
const THROTTLED = new Set(['ThrottlingException', 'Throttling', 'LimitExceededException']);

export function measureKms(kms: KMSClient, metrics: Metrics): KMSClient {
  kms.middlewareStack.add(
    (next) => async (args) => {
      const started = performance.now();
      try {
        return await next(args);
      } catch (error) {
        if (THROTTLED.has((error as Error).name)) metrics.count(METRIC.kmsThrottles);
        throw error;
      } finally {
        metrics.milliseconds(METRIC.kmsLatency, performance.now() - started);
      }
    },
    // After the retry middleware (finalizeRequest, high priority): each attempt is measured, so
    // a throttled attempt that the retry then hides is still counted.
    { step: 'finalizeRequest', priority: 'low', name: 'apikeysKmsMetrics' },
  );
  return kms;
}
