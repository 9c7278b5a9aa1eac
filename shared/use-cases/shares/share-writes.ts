// The share-link items that move with a key change: a link whose token the change removes (renew,
// undo of the renewal that made it, delete, revoke) is deleted in the same unit of work, so an
// unopened link never outlives the token it carries.
import type { ApiKey } from '../../domain/key';
import type { Write } from '../../ports/unit-of-work';

export function shareRevocations(before: ApiKey | null, after: ApiKey | null): Write[] {
  const old = before?.share;
  if (!old || after?.share?.id === old.id) return [];
  return [{ type: 'delete-share', shareId: old.id }];
}
