// The token lookup (DESIGN.md "Growing the model"): from the MAC of a token to the key that holds
// it, so that a token reported alone (a leak report) finds its key without knowing the appKey.
// Entries are written and deleted in the same unit of work as the token they point to
// (use-cases/keys/key-writes.ts); a reader still checks the key's own tokens, so an entry is a
// pointer, never proof.

/** One entry: the token's MAC under the MAC key `hashKeyId`, and the key that holds the token. */
export interface TokenLookupEntry {
  hashKeyId: string;
  mac: string;
  appKey: string;
}

export interface TokenLookup {
  /** The appKey whose token has this MAC under this MAC key, or null. */
  find(hashKeyId: string, mac: string): Promise<string | null>;
}
