// Honest errors (issue 9, finding 6): only outages (timeouts, throttling, unavailable storage or
// KMS) are 503; a defect (a ValidationException from a bad request shape, AccessDenied from a
// missing grant, a marshalling TypeError) is 500 internal-error, logged at ERROR as
// 'internal error' with the request id, so the alarm counts it and nobody mistakes it for an outage.
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { DynamoDbKeys } from '../../shared/adapters/dynamodb/dynamodb-keys';
import { logger } from '../../shared/logger';
import { TestApi, type Credentials } from '../helpers/api';
import { testEndpoint } from '../helpers/services';
import { expectProblem } from './support';

const sdkError = (name: string, status: number): Error =>
  Object.assign(new Error(`${name}: details that must not reach the caller`), {
    name,
    $metadata: { httpStatusCode: status },
  });

/** What the next Query throws, set per test. */
let failure: unknown = null;

/** The real store on a client whose Query fails inside the SDK, where a real failure would arise. */
function storeFailingQueries(tableName: string): DynamoDbKeys {
  const db = createDocumentClient({ region: 'us-east-1', endpoint: testEndpoint() });
  db.middlewareStack.add(
    (next, context) => async (args) => {
      if (failure && context.commandName === 'QueryCommand') throw failure;
      return next(args);
    },
    { step: 'finalizeRequest', name: 'injectFailure' },
  );
  return new DynamoDbKeys(db, tableName);
}

describe('outages are 503, defects are 500', () => {
  let api: TestApi;
  let owner: Credentials;
  let errorLines: Array<[string, unknown]>;
  let spy: jest.SpyInstance;

  beforeAll(async () => {
    api = await TestApi.start({
      keys: (inner) => storeFailingQueries((inner as unknown as { tableName: string }).tableName),
    });
    owner = await api.bootstrap('honest');
  });
  beforeEach(() => {
    errorLines = [];
    spy = jest.spyOn(logger, 'error').mockImplementation((message: unknown, ...rest: unknown[]) => {
      errorLines.push([String(message), rest[0]]);
    });
  });
  afterEach(() => {
    spy.mockRestore();
    failure = null;
  });
  afterAll(() => api.stop());

  it.each([
    ['a DynamoDB ValidationException', sdkError('ValidationException', 400)],
    ['an AccessDeniedException (a missing IAM grant)', sdkError('AccessDeniedException', 400)],
    ['a marshalling TypeError', new TypeError('Cannot read properties of undefined')],
  ])('%s: 500 internal-error, logged as an internal error with the request id', async (_what, error) => {
    failure = error;

    const reply = await api.request('GET', '/v1/keys', { as: owner });

    expectProblem(reply, 'internal-error');
    expect(reply.headers.get('retry-after')).toBeNull();
    expect(reply.text).not.toContain('details that must not reach the caller');
    expect(reply.text).not.toContain('Cannot read');
    const [message, fields] = errorLines.find(([m]) => m === 'internal error') ?? [];
    expect(message).toBe('internal error');
    expect(fields).toMatchObject({ requestId: expect.any(String), route: 'GET /v1/keys' });
  });

  it.each([
    ['throttling', sdkError('ProvisionedThroughputExceededException', 400)],
    ['a timeout', Object.assign(new Error('socket hang up'), { name: 'TimeoutError' })],
    ['a connection refused', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a DynamoDB 500', sdkError('InternalServerError', 500)],
  ])('%s: 503 service-unavailable with Retry-After, no internal-error line', async (_what, error) => {
    failure = error;

    const reply = await api.request('GET', '/v1/keys', { as: owner });

    expectProblem(reply, 'service-unavailable');
    expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(errorLines.map(([m]) => m)).not.toContain('internal error');
  });
});
