// Turns DynamoDB SDK failures into domain terms: a failed condition is a WriteConflict (decided by
// the caller), an outage is UnavailableError (503, nothing changed), anything else is a defect and
// is rethrown as it is (500 internal-error, alarmed).
import { UnavailableError } from '../../domain/errors';
import { rethrowSdkError } from '../outage';

/** The failed index passed when another transaction on the same items was still in progress. */
export const IN_PROGRESS = -1;

interface SdkError {
  name?: string;
  CancellationReasons?: Array<{ Code?: string }>;
}

export async function storageCall<T>(
  call: () => Promise<T>,
  onConditionFailed?: (failedIndex?: number) => Error,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const e = error as SdkError;
    if (onConditionFailed && e.name === 'ConditionalCheckFailedException') throw onConditionFailed();
    if (onConditionFailed && e.name === 'TransactionCanceledException') {
      const reasons = e.CancellationReasons ?? [];
      const index = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (index >= 0) throw onConditionFailed(index);
      // Another transaction on the same items was still in progress (it may not have committed yet).
      if (reasons.some((r) => r.Code === 'TransactionConflict')) throw onConditionFailed(IN_PROGRESS);
    }
    if (e.name === 'TransactionCanceledException') {
      const codes = (e.CancellationReasons ?? []).map((r) => r.Code ?? '');
      if (codes.some((c) => c === 'ThrottlingError' || c === 'ProvisionedThroughputExceeded'))
        throw new UnavailableError(1, 'TransactionThrottled');
    }
    return rethrowSdkError(error);
  }
}
