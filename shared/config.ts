// Configuration, parsed once at cold start from the environment. A bad environment fails fast with
// a message naming the variable, instead of a confusing error on the first request.
// zod/mini, not zod: every function parses its configuration, and the tree-shakable build keeps
// the hot-path bundles (verify, authorizer, health) small (issue 17).
import * as z from 'zod/mini';

const seconds = (max: number, fallback: number) =>
  z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(max)), fallback);

const Config = z
  .object({
    TABLE_NAME: z._default(z.string().check(z.minLength(3)), 'apikeys'),
    AWS_REGION: z._default(z.string(), 'us-east-1'),
    /** Set for DynamoDB Local; absent in AWS. */
    DYNAMODB_ENDPOINT: z.optional(z.url()),
    /** `local`: HMAC/AES key files in DATA_DIR. `kms`: the KMS keys below. */
    KEY_PROVIDER: z._default(z.enum(['local', 'kms']), 'local'),
    DATA_DIR: z._default(z.string(), '.data'),
    HMAC_KEY_ID: z.optional(z.string()),
    SECRETS_KEY_ID: z.optional(z.string()),
    EVENT_BUS_NAME: z.optional(z.string()),
    VERIFY_CACHE_TTL_SECONDS: seconds(60, 10),
    /** Account settings as read by verification and listing; changes made here apply at once. */
    SETTINGS_CACHE_TTL_SECONDS: seconds(300, 10),
    MAX_BODY_BYTES: z._default(z.coerce.number().check(z.int(), z.gte(1024), z.lte(1_048_576)), 16_384),
    /**
     * Set by the local runtime, whose DynamoDB Local can die while the server lives on: GET /health
     * then checks storage. Unset in AWS, where /health is liveness only and touches nothing.
     */
    HEALTH_CHECKS_STORAGE: z._default(z.stringbool(), false),
    /** The console's origin, where share links open (API.md 1.1); npm start sets its own. */
    PUBLIC_URL: z._default(z.url(), 'http://127.0.0.1:3000'),
    /** How long audit entries are kept (API.md 1.1); DynamoDB TTL deletes them, reads skip them. */
    AUDIT_RETENTION_DAYS: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(3650)), 400),
    /**
     * Public keys trusted to sign leak reports (API.md 1.1): a JSON object of key identifier to PEM,
     * e.g. GitHub's secret scanning keys. Unset: every report is refused (401).
     */
    LEAK_REPORTER_KEYS: z._default(z.string(), '{}'),
  })
  .check(
    z.refine((c) => c.KEY_PROVIDER === 'local' || Boolean(c.HMAC_KEY_ID && c.SECRETS_KEY_ID), {
      message: 'KEY_PROVIDER=kms needs HMAC_KEY_ID and SECRETS_KEY_ID',
    }),
  );

export type Config = Omit<z.infer<typeof Config>, 'LEAK_REPORTER_KEYS'> & {
  LEAK_REPORTER_KEYS: Record<string, string>;
};

/** LEAK_REPORTER_KEYS: key id -> PEM public key, or the reason it is not. */
function reporterKeys(text: string): Record<string, string> | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'must be a JSON object of key id to PEM';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return 'must be a JSON object of key id to PEM';
  }
  for (const [id, pem] of Object.entries(parsed)) {
    if (!id || typeof pem !== 'string' || !pem.includes('PUBLIC KEY'))
      return `key '${id}' is not a PEM public key`;
  }
  return parsed as Record<string, string>;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Config.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
  const keys = parsed.success ? reporterKeys(parsed.data.LEAK_REPORTER_KEYS) : {};
  if (typeof keys === 'string') problems.push(`LEAK_REPORTER_KEYS: ${keys}`);
  if (problems.length > 0 || !parsed.success) {
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return { ...parsed.data, LEAK_REPORTER_KEYS: keys as Record<string, string> };
}
