// KMS latency and throttles, measured by an SDK middleware on a real KMSClient whose HTTP layer is
// replaced by scripted answers: a throttled attempt that the SDK's retry then hides is still
// counted, and every attempt's latency is recorded.
import { GenerateMacCommand, KMSClient } from '@aws-sdk/client-kms';
import { measureKms } from '../../shared/adapters/kms-metrics';
import { METRIC } from '../../shared/ports/metrics';
import { RecordingMetrics } from '../helpers/recording-metrics';

type Answer = { statusCode: number; type?: string; body: object };

/** A KMS client whose requests get `answers` in order (awsJson1_1, as KMS speaks). */
function scriptedKms(answers: Answer[]): KMSClient {
  return new KMSClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 2,
    requestHandler: {
      handle: async () => {
        const answer = answers.shift();
        if (!answer) throw new Error('no scripted answer left');
        return {
          response: {
            statusCode: answer.statusCode,
            headers: {
              'content-type': 'application/x-amz-json-1.1',
              ...(answer.type ? { 'x-amzn-errortype': answer.type } : {}),
            },
            body: Buffer.from(JSON.stringify(answer.body)),
          },
        };
      },
    },
  });
}

const MAC_OK: Answer = {
  statusCode: 200,
  body: { Mac: Buffer.from('mac').toString('base64'), KeyId: 'k', MacAlgorithm: 'HMAC_SHA_256' },
};
const THROTTLED: Answer = {
  statusCode: 400,
  type: 'ThrottlingException',
  body: { __type: 'ThrottlingException', message: 'Rate exceeded' },
};
const generateMac = () =>
  new GenerateMacCommand({ KeyId: 'k', MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from('t') });

describe('KMS metrics', () => {
  it('a call that succeeds records one latency and no throttle', async () => {
    const metrics = new RecordingMetrics();
    const kms = measureKms(scriptedKms([MAC_OK]), metrics);

    await kms.send(generateMac());

    expect(metrics.durations.get(METRIC.kmsLatency)).toHaveLength(1);
    expect(metrics.of(METRIC.kmsThrottles)).toBe(0);
  });

  it('a throttled attempt retried successfully is still counted', async () => {
    const metrics = new RecordingMetrics();
    const kms = measureKms(scriptedKms([THROTTLED, MAC_OK]), metrics);

    await kms.send(generateMac());

    expect(metrics.of(METRIC.kmsThrottles)).toBe(1);
    expect(metrics.durations.get(METRIC.kmsLatency)).toHaveLength(2);
  });

  it('throttled twice: the error reaches the caller, both attempts are counted', async () => {
    const metrics = new RecordingMetrics();
    const kms = measureKms(scriptedKms([THROTTLED, THROTTLED]), metrics);

    await expect(kms.send(generateMac())).rejects.toMatchObject({ name: 'ThrottlingException' });

    expect(metrics.of(METRIC.kmsThrottles)).toBe(2);
  });

  it('another error is timed but not counted as a throttle', async () => {
    const metrics = new RecordingMetrics();
    const denied: Answer = {
      statusCode: 400,
      type: 'AccessDeniedException',
      body: { __type: 'AccessDeniedException', message: 'no' },
    };
    const kms = measureKms(scriptedKms([denied]), metrics);

    await expect(kms.send(generateMac())).rejects.toMatchObject({ name: 'AccessDeniedException' });

    expect(metrics.of(METRIC.kmsThrottles)).toBe(0);
    expect(metrics.durations.get(METRIC.kmsLatency)).toHaveLength(1);
  });
});
