// X-Ray subsegments for every AWS SDK call (DynamoDB, KMS, EventBridge), through Powertools Tracer.
//
// The Tracer is imported only in Lambda with tracing on, never locally or in tests: importing it
// loads aws-xray-sdk-core, whose cls-hooked enables an async_hooks hook for the whole process at
// import time, so every promise of the local server and the tests would pay for traces nobody
// collects (there is no X-Ray daemon; the Tracer would disable itself anyway). The dynamic import
// is bundled into each function by esbuild (one file, no splitting), so the bundle grows, but the
// module is only evaluated where it is used. Functions whose routes call no AWS service (health,
// the OpenAPI document, the 404) are built with APIKEYS_SDK_TRACING defined as 'off'
// (infra/api-function.ts), and esbuild then drops the Tracer from their bundles entirely.
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { logger } from '../logger';

/** The Tracer's own rule (Tracer.setTracingEnabled): in Lambda, not SAM/Amplify local, not disabled. */
export function tracingWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  const execEnv = env.AWS_EXECUTION_ENV ?? '';
  return (
    execEnv !== '' &&
    execEnv !== 'AWS_Lambda_amplify-mock' &&
    !env.AWS_SAM_LOCAL &&
    env.POWERTOOLS_TRACE_ENABLED?.toLowerCase() !== 'false'
  );
}

const wanted = tracingWanted();
let tracer: Tracer | undefined;
const waiting: object[] = [];

// Started at cold start, so in Lambda it has long finished when the first request arrives.
// The switch is read in the condition itself: defined as 'off' at bundling time, the condition
// folds to a literal false and esbuild drops the import (a const holding it is not inlined).
const loaded: Promise<void> =
  process.env.APIKEYS_SDK_TRACING !== 'off' && wanted
    ? import('@aws-lambda-powertools/tracer').then(
        ({ Tracer }) => {
          tracer = new Tracer();
          for (const client of waiting.splice(0)) tracer.captureAWSv3Client(client);
        },
        // Traces are a diagnostic: a function without them still answers.
        (error: unknown) => logger.warn('tracing unavailable', { error: (error as Error).name }),
      )
    : Promise.resolve();

/**
 * Captures an AWS SDK v3 client so each of its calls is a subsegment: now if the Tracer is loaded,
 * else as soon as it is (tracingReady). Outside Lambda, returns the client untouched.
 */
export function traced<T extends object>(client: T): T {
  if (!wanted || process.env.APIKEYS_SDK_TRACING === 'off') return client;
  if (tracer) tracer.captureAWSv3Client(client);
  else waiting.push(client);
  return client;
}

/** Resolves once every client given to traced() is captured; awaited before a handler runs. */
export function tracingReady(): Promise<void> {
  return loaded;
}
