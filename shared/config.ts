// Configuration, parsed once at cold start from the environment. A bad environment fails fast with
// a message naming the variable, instead of a confusing error on the first request.
import * as z from 'zod';

const Config = z
  .object({
    TABLE_NAME: z.string().min(3).default('apikeys'),
    AWS_REGION: z.string().default('us-east-1'),
    /** Set for DynamoDB Local; absent in AWS. */
    DYNAMODB_ENDPOINT: z.url().optional(),
    /** `local`: HMAC/AES key files in DATA_DIR. `kms`: the KMS keys below. */
    KEY_PROVIDER: z.enum(['local', 'kms']).default('local'),
    DATA_DIR: z.string().default('.data'),
    HMAC_KEY_ID: z.string().optional(),
    SECRETS_KEY_ID: z.string().optional(),
    EVENT_BUS_NAME: z.string().optional(),
    VERIFY_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
    /** Account settings as read by verification and listing; changes made here apply at once. */
    SETTINGS_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(300).default(10),
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(1_048_576).default(16_384),
    /**
     * Set by the local runtime, whose DynamoDB Local can die while the server lives on: GET /health
     * then checks storage. Unset in AWS, where /health is liveness only and touches nothing.
     */
    HEALTH_CHECKS_STORAGE: z.stringbool().default(false),
    /** The console's origin, where share links open (API.md 1.1); npm start sets its own. */
    PUBLIC_URL: z.url().default('http://127.0.0.1:3000'),
    /** How long audit entries are kept (API.md 1.1); DynamoDB TTL deletes them, reads skip them. */
    AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
    /**
     * Public keys trusted to sign leak reports (API.md 1.1): a JSON object of key identifier to PEM,
     * e.g. GitHub's secret scanning keys. Unset: every report is refused (401).
     */
    LEAK_REPORTER_KEYS: z
      .string()
      .default('{}')
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'must be a JSON object of key id to PEM' });
          return z.NEVER;
        }
      })
      .pipe(z.record(z.string().min(1), z.string().includes('PUBLIC KEY'))),
  })
  .refine((c) => c.KEY_PROVIDER === 'local' || (c.HMAC_KEY_ID && c.SECRETS_KEY_ID), {
    message: 'KEY_PROVIDER=kms needs HMAC_KEY_ID and SECRETS_KEY_ID',
  });

export type Config = z.infer<typeof Config>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Config.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}
