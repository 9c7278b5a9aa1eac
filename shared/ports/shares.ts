// Single-access links: read by id (public routes). Created, opened and revoked only through the
// unit of work, in the same transaction as the key change or audit entry that goes with it.
import type { ShareRecord } from '../domain/share';

export interface ShareLinks {
  getShare(id: string): Promise<ShareRecord | null>;
}
