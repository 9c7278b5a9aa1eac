// Keyed hashing of tokens and sealing of the few secrets ever held: KMS in AWS, local key files
// otherwise.
/** Keyed hash of tokens: KMS GenerateMac in AWS, HMAC-SHA-256 with a local key file otherwise. */
export interface TokenHasher {
  /** The id of the MAC key new hashes are made with. */
  readonly currentKeyId: string;
  /** Base64 MAC of `token` with the given key (default: the current one). */
  mac(token: string, keyId?: string): Promise<string>;
}

/** Authenticated encryption of the few secrets ever held (idempotent-replay responses). */
export interface SecretBox {
  seal(plaintext: string, context: Record<string, string>): Promise<string>;
  open(sealed: string, context: Record<string, string>): Promise<string>;
}
