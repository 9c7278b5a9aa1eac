// Configuration, parsed once at cold start from the environment. A bad environment fails fast with
// a message naming the variable, instead of a confusing error on the first request.
// Plain checks, no schema library: every function parses its configuration, and the hot-path
// bundles (verify, authorizer, health) must stay small (issue 17). test/unit/config.test.ts holds
// the rules.

export interface Config {
  TABLE_NAME: string;
  AWS_REGION: string;
  /** Set for DynamoDB Local; absent in AWS. */
  DYNAMODB_ENDPOINT?: string;
  /** `local`: HMAC/AES key files in DATA_DIR. `kms`: the KMS keys below. */
  KEY_PROVIDER: 'local' | 'kms';
  DATA_DIR: string;
  HMAC_KEY_ID?: string;
  SECRETS_KEY_ID?: string;
  EVENT_BUS_NAME?: string;
  VERIFY_CACHE_TTL_SECONDS: number;
  /** Account settings and role catalogs as request paths read them; changes made here apply at once. */
  SETTINGS_CACHE_TTL_SECONDS: number;
  MAX_BODY_BYTES: number;
  /**
   * Set by the local runtime, whose DynamoDB Local can die while the server lives on: GET /health
   * then checks storage. Unset in AWS, where /health is liveness only and touches nothing.
   */
  HEALTH_CHECKS_STORAGE: boolean;
  /** The console's origin, where share links open (API.md 1.1); npm start sets its own. */
  PUBLIC_URL: string;
  /** How long audit entries are kept (API.md 1.1); DynamoDB TTL deletes them, reads skip them. */
  AUDIT_RETENTION_DAYS: number;
  /**
   * Public keys trusted to sign leak reports (API.md 1.1): a JSON object of key identifier to PEM,
   * e.g. GitHub's secret scanning keys. Unset: every report is refused (401).
   */
  LEAK_REPORTER_KEYS: Record<string, string>;
}

/** Reads one variable; a problem is recorded and a placeholder returned, so all are reported. */
class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: NodeJS.ProcessEnv) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value === '' ? undefined : value;
  }

  text(name: string, fallback: string, minLength = 0): string {
    const value = this.raw(name) ?? fallback;
    if (value.length < minLength) this.problems.push(`${name}: at least ${minLength} characters`);
    return value;
  }

  optional(name: string): string | undefined {
    return this.raw(name);
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const number = Number(value.trim());
    if (!Number.isInteger(number) || number < min || number > max) {
      this.problems.push(`${name}: a whole number from ${min} to ${max}`);
      return fallback;
    }
    return number;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.trim().toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes', 'on', 'y', 'enabled'].includes(value)) return true;
    if (['false', '0', 'no', 'off', 'n', 'disabled'].includes(value)) return false;
    this.problems.push(`${name}: true or false`);
    return fallback;
  }

  url(name: string, fallback?: string): string | undefined {
    const value = this.raw(name) ?? fallback;
    if (value === undefined) return undefined;
    try {
      new URL(value);
    } catch {
      this.problems.push(`${name}: a URL`);
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name) ?? fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${name}: one of ${allowed.join(', ')}`);
    return fallback;
  }

  reporterKeys(name: string): Record<string, string> {
    const text = this.raw(name) ?? '{}';
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const valid =
      typeof parsed === 'object' &&
      parsed !== null &&
      !Array.isArray(parsed) &&
      Object.entries(parsed).every(
        ([id, pem]) => id !== '' && typeof pem === 'string' && pem.includes('PUBLIC KEY'),
      );
    if (!valid) {
      this.problems.push(`${name}: must be a JSON object of key id to PEM`);
      return {};
    }
    return parsed as Record<string, string>;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const read = new EnvReader(env);
  const config: Config = {
    TABLE_NAME: read.text('TABLE_NAME', 'apikeys', 3),
    AWS_REGION: read.text('AWS_REGION', 'us-east-1'),
    DYNAMODB_ENDPOINT: read.url('DYNAMODB_ENDPOINT'),
    KEY_PROVIDER: read.oneOf('KEY_PROVIDER', ['local', 'kms'], 'local'),
    DATA_DIR: read.text('DATA_DIR', '.data'),
    HMAC_KEY_ID: read.optional('HMAC_KEY_ID'),
    SECRETS_KEY_ID: read.optional('SECRETS_KEY_ID'),
    EVENT_BUS_NAME: read.optional('EVENT_BUS_NAME'),
    VERIFY_CACHE_TTL_SECONDS: read.int('VERIFY_CACHE_TTL_SECONDS', 10, 0, 60),
    SETTINGS_CACHE_TTL_SECONDS: read.int('SETTINGS_CACHE_TTL_SECONDS', 10, 0, 300),
    MAX_BODY_BYTES: read.int('MAX_BODY_BYTES', 16_384, 1024, 1_048_576),
    HEALTH_CHECKS_STORAGE: read.bool('HEALTH_CHECKS_STORAGE', false),
    PUBLIC_URL: read.url('PUBLIC_URL', 'http://127.0.0.1:3000')!,
    AUDIT_RETENTION_DAYS: read.int('AUDIT_RETENTION_DAYS', 400, 1, 3650),
    LEAK_REPORTER_KEYS: read.reporterKeys('LEAK_REPORTER_KEYS'),
  };
  if (config.KEY_PROVIDER === 'kms' && !(config.HMAC_KEY_ID && config.SECRETS_KEY_ID)) {
    read.problems.push('environment: KEY_PROVIDER=kms needs HMAC_KEY_ID and SECRETS_KEY_ID');
  }
  if (read.problems.length > 0) throw new Error(`Invalid configuration: ${read.problems.join('; ')}`);
  return config;
}
