// Every invocation in Lambda puts the request ids on each log line it writes (Lambda's, as in the
// REPORT line and the trace, and API Gateway's, as in the access log), drops them at the end, and
// flushes its metrics; outside Lambda no per-request key is set on the shared logger (the local
// server runs concurrent requests in one process, where they would mislabel each other's lines).
import type { Context } from 'aws-lambda';
import type { Services } from '../../shared/composition';
import { RecordingMetrics } from '../helpers/recording-metrics';

type Modules = {
  invocation: typeof import('../../shared/invocation');
  logger: (typeof import('../../shared/logger'))['logger'];
  metrics: RecordingMetrics;
};

/** Fresh modules under `env`, with services that only have metrics (nothing here touches storage). */
function load(env: Record<string, string>): Modules {
  const saved = { ...process.env };
  Object.assign(process.env, env, { LOG_LEVEL: 'INFO' });
  try {
    let modules: Modules | undefined;
    jest.isolateModules(() => {
      const metrics = new RecordingMetrics();
      jest.requireActual('../../shared/composition').setServices({ metrics } as unknown as Services);
      modules = {
        invocation: jest.requireActual('../../shared/invocation'),
        logger: jest.requireActual('../../shared/logger').logger,
        metrics,
      };
    });
    return modules!;
  } finally {
    process.env = saved;
  }
}

const context = { awsRequestId: 'lambda-req-1', functionName: 'apikeys-verify' } as Context;

describe('invocation', () => {
  let written: string[];
  beforeEach(() => {
    written = [];
    const capture = (chunk: unknown): boolean => {
      written.push(String(chunk));
      return true;
    };
    jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    jest.spyOn(process.stderr, 'write').mockImplementation(capture); // WARN and ERROR go here
  });
  afterEach(() => jest.restoreAllMocks());
  const lines = () =>
    written
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('in Lambda: both request ids on every line of the invocation, none after it; metrics flushed', async () => {
    const { invocation, logger, metrics } = load({ AWS_LAMBDA_FUNCTION_NAME: 'apikeys-verify' });

    await invocation.beginInvocation(context, 'api-req-1');
    logger.info('first');
    logger.warn('second');
    invocation.endInvocation();
    logger.info('after');

    const [first, second, after] = lines();
    for (const line of [first, second])
      expect(line).toMatchObject({ function_request_id: 'lambda-req-1', requestId: 'api-req-1' });
    expect(after).not.toHaveProperty('requestId');
    expect(metrics.flushes).toBe(1);
  });

  it('observed(): the same for a non-HTTP handler, and the flush happens even when it throws', async () => {
    const { invocation, logger, metrics } = load({ AWS_LAMBDA_FUNCTION_NAME: 'apikeys-authorizer' });
    const handler = invocation.observed(
      async () => {
        logger.info('inside');
        throw new Error('boom');
      },
      () => 'api-req-2',
    );

    await expect(handler({}, context)).rejects.toThrow('boom');

    expect(lines()[0]).toMatchObject({ function_request_id: 'lambda-req-1', requestId: 'api-req-2' });
    expect(metrics.flushes).toBe(1);
  });

  it('outside Lambda: no request key on the shared logger, metrics still flushed', async () => {
    const { invocation, logger, metrics } = load({});

    await invocation.beginInvocation(context, 'api-req-3');
    logger.info('local');
    invocation.endInvocation();

    expect(lines()[0]).not.toHaveProperty('requestId');
    expect(lines()[0]).not.toHaveProperty('function_request_id');
    expect(metrics.flushes).toBe(1);
  });
});
