// Turns DynamoDB SDK failures into domain terms: a failed condition is a WriteConflict (decided by
// the caller), anything else means storage is unavailable (503, nothing changed). Never a 500.
import { UnavailableError } from '../../domain/errors';

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
      // Another transaction on the same items was in flight: the same as losing a version race.
      if (reasons.some((r) => r.Code === 'TransactionConflict')) throw onConditionFailed(0);
    }
    throw new UnavailableError(1, e.name ?? 'UnknownError');
  }
}
