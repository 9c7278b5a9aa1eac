// How a new token reaches its holder (API.md 1.1 `delivery`): in the response, as before, or
// through a single-access link, when the token appears nowhere but in the link's encrypted record.
import type { ApiKey, KeyView } from '../../domain/key';
import { newShare, shareUrl } from '../../domain/share';
import type { Write } from '../../ports/unit-of-work';

export type Delivery = 'response' | 'link';

export interface KeyWithToken {
  key: KeyView;
  /** null when the token went into a link. */
  token: string | null;
  share?: { url: string; expiresAt: string };
}

export interface Delivered {
  /** The key as it must be stored (with its link, for `link`). */
  key: ApiKey;
  token: string | null;
  share?: { url: string; expiresAt: string };
  /** The link's record, to commit with the key. */
  writes: Write[];
}

export function deliver(
  key: ApiKey,
  token: string,
  delivery: Delivery,
  publicUrl: string,
  nowMs: number,
): Delivered {
  if (delivery === 'response') return { key, token, writes: [] };
  const { record, secret } = newShare(key, token, nowMs);
  return {
    key: { ...key, share: { id: record.id, expiresAt: record.expiresAt } },
    token: null,
    share: { url: shareUrl(publicUrl, record.id, secret), expiresAt: record.expiresAt },
    writes: [{ type: 'share', record }],
  };
}
