// Idempotent replays: the first response to a request with an Idempotency-Key, sealed. Written
// with the change they answer (a `Write` of the unit of work), read back here.
export interface IdempotencyRecord {
  account: string;
  /** The caller's key: records are scoped to who sent the request. */
  callerAppKey: string;
  /** SHA-256 (hex) of the Idempotency-Key header. */
  idempotencyKeyHash: string;
  /** SHA-256 (hex) of method, path and body, to detect reuse with a different request. */
  requestHash: string;
  /** The first response, sealed by the SecretBox (it contains a token). */
  sealedResponse: string;
  createdAtMs: number;
  expiresAtMs: number;
}

export interface IdempotencyRecords {
  getIdempotencyRecord(
    account: string,
    callerAppKey: string,
    idempotencyKeyHash: string,
  ): Promise<IdempotencyRecord | null>;
}
