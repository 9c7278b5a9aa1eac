// One Idempotency-Key per dialog: a retry of the same generate or renew (a double submit, a lost
// response) returns the first result instead of minting a second key or token.
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
