// What the SecretBox seals, by purpose, with the encryption-context keys each purpose seals under.
// The one list both sides derive from: the use cases' encryption contexts, and the KMS grants of
// every sealing function (infra/route-permissions.ts), which allow only these purposes with exactly
// these keys. A new purpose (share links, say) is one more entry here.
export const SEALED_SECRET_CONTEXTS = {
  'idempotent-replay': ['purpose', 'account', 'appKey'],
} as const satisfies Record<string, readonly string[]>;

export type SealPurpose = keyof typeof SEALED_SECRET_CONTEXTS;

export const SEAL_PURPOSES = Object.keys(SEALED_SECRET_CONTEXTS) as SealPurpose[];
