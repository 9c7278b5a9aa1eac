// The token lookup's items: one per live token, in a partition of its own named by the token's MAC
// (random, so lookups spread evenly and no account partition grows with them). The MAC key id is
// part of the name because a MAC only means something under the key that made it.
import type { TokenLookupEntry } from '../../ports/token-lookup';
import type { ItemKey } from './item-keys';

export const TOKEN_LOOKUP_SK = 'TOKEN';

export const tokenLookupKey = (hashKeyId: string, mac: string): ItemKey => ({
  PK: `TOKEN#${hashKeyId}#${mac}`,
  SK: TOKEN_LOOKUP_SK,
});

/** The item holds only what leads to the key: never the token, and the MAC only in its name. */
export const toTokenLookupItem = (entry: TokenLookupEntry): Record<string, unknown> => ({
  ...tokenLookupKey(entry.hashKeyId, entry.mac),
  type: 'token-lookup',
  appKey: entry.appKey,
});

export const appKeyOfLookupItem = (item: Record<string, unknown> | undefined): string | null =>
  typeof item?.appKey === 'string' ? item.appKey : null;
