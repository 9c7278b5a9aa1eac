// Bounded network behaviour shared by every AWS SDK client (DynamoDB, KMS, EventBridge), so that
// no request waits on a stalled dependency for more than a few seconds.
//
// `throwOnRequestTimeout` matters: without it, @smithy/node-http-handler 4.x only logs a warning
// when `requestTimeout` passes and keeps waiting (a stopped DynamoDB Local held requests for as
// long as it was stopped). Worst case per call: 2 attempts x 1.5 s + backoff, about 3.1 s; the
// request deadline (shared/http/deadline.ts) bounds a request that makes several calls.
export const SDK_TIMEOUTS = {
  maxAttempts: 2,
  requestHandler: {
    connectionTimeout: 1_000,
    requestTimeout: 1_500,
    throwOnRequestTimeout: true,
  },
} as const;
