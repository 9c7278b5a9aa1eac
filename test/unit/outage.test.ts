// Which SDK failures are outages (503) and which are defects (500): shared/adapters/outage.ts.
import { isOutage, rethrowSdkError } from '../../shared/adapters/outage';
import { UnavailableError } from '../../shared/domain/errors';

const named = (name: string, extra: object = {}): Error => Object.assign(new Error(name), { name }, extra);

describe('outage or defect', () => {
  it.each([
    named('TimeoutError'),
    named('Error', { code: 'ECONNREFUSED' }),
    named('Error', { code: 'ECONNRESET' }),
    named('ThrottlingException'),
    named('ProvisionedThroughputExceededException'),
    named('KMSInternalException'),
    named('DependencyTimeoutException'),
    named('SomethingNew', { $metadata: { httpStatusCode: 503 } }),
    new UnavailableError(2, 'x'),
  ])('%s is an outage', (error) => {
    expect(isOutage(error)).toBe(true);
    expect(() => rethrowSdkError(error)).toThrow(UnavailableError);
  });

  it.each([
    named('ValidationException', { $metadata: { httpStatusCode: 400 } }),
    named('AccessDeniedException', { $metadata: { httpStatusCode: 400 } }),
    named('DisabledException'),
    new TypeError('x is undefined'),
    'a string',
    null,
  ])('%s is a defect, rethrown as it is', (error) => {
    expect(isOutage(error)).toBe(false);
    let thrown: unknown;
    try {
      rethrowSdkError(error);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBe(error);
  });
});
