// SDK clients are traced only in Lambda with tracing on. Outside it the Tracer is never even
// imported (aws-xray-sdk-core would enable a process-wide async hook at import); inside it, a
// client handed over before the Tracer finished loading is captured once it has.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const XRAY_MIDDLEWARE = 'XRaySDKInstrumentation';
const LAMBDA_ENV = { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x' };
const client = () =>
  new DynamoDBClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const middlewareNames = (c: DynamoDBClient) => c.middlewareStack.identify().join('\n');
/** cls-hooked registers its namespace here when aws-xray-sdk-core is imported. */
const xrayLoaded = () => Boolean((process as { namespaces?: Record<string, unknown> }).namespaces?.AWSXRay);

type TracingModule = typeof import('../../shared/adapters/tracing');
/** The module as loaded under `env`, which stays set until `use` is done (the Tracer reads it late). */
async function withTracing(env: Record<string, string>, use: (t: TracingModule) => Promise<void> | void) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    let loaded: TracingModule | undefined;
    jest.isolateModules(() => {
      loaded = jest.requireActual<TracingModule>('../../shared/adapters/tracing');
    });
    await use(loaded!);
  } finally {
    process.env = saved;
  }
}

describe('tracing', () => {
  it('follows the Tracer rule: only in Lambda, not under SAM local, not when disabled', () =>
    withTracing({}, ({ tracingWanted }) => {
      expect(tracingWanted({})).toBe(false);
      expect(tracingWanted(LAMBDA_ENV)).toBe(true);
      expect(tracingWanted({ ...LAMBDA_ENV, POWERTOOLS_TRACE_ENABLED: 'false' })).toBe(false);
      expect(tracingWanted({ ...LAMBDA_ENV, AWS_SAM_LOCAL: 'true' })).toBe(false);
    }));

  // First: once the X-Ray SDK is loaded in this worker it stays loaded.
  it('outside Lambda: the client is returned untouched and the X-Ray SDK is never loaded', () =>
    withTracing({}, async (tracing) => {
      const c = client();

      expect(tracing.traced(c)).toBe(c);
      await tracing.tracingReady();

      expect(middlewareNames(c)).not.toContain(XRAY_MIDDLEWARE);
      expect(xrayLoaded()).toBe(false);
    }));

  // No global http/fetch patching in this worker: only the SDK client is under test.
  const lambda = { ...LAMBDA_ENV, POWERTOOLS_TRACER_CAPTURE_HTTPS_REQUESTS: 'false' };
  it('in Lambda: a client handed over before the Tracer loaded is captured once it is ready', () =>
    withTracing(lambda, async (tracing) => {
      const early = client();

      tracing.traced(early);
      await tracing.tracingReady();
      const late = tracing.traced(client());

      expect(xrayLoaded()).toBe(true);
      expect(middlewareNames(early)).toContain(XRAY_MIDDLEWARE);
      expect(middlewareNames(late)).toContain(XRAY_MIDDLEWARE);
    }));
});
