// Configuration from the environment (shared/config.ts, zod/mini since issue 17): defaults,
// coercion of numbers and booleans, bounds, and the failures that must stop a cold start.
import { loadConfig } from '../../shared/config';

describe('loadConfig', () => {
  it('fills every default from an empty environment', () => {
    expect(loadConfig({})).toMatchObject({
      TABLE_NAME: 'apikeys',
      AWS_REGION: 'us-east-1',
      KEY_PROVIDER: 'local',
      DATA_DIR: '.data',
      VERIFY_CACHE_TTL_SECONDS: 10,
      SETTINGS_CACHE_TTL_SECONDS: 10,
      MAX_BODY_BYTES: 16_384,
      HEALTH_CHECKS_STORAGE: false,
      PUBLIC_URL: 'http://127.0.0.1:3000',
      AUDIT_RETENTION_DAYS: 400,
      LEAK_REPORTER_KEYS: {},
    });
  });

  it('coerces numbers and booleans from their text', () => {
    const config = loadConfig({
      VERIFY_CACHE_TTL_SECONDS: '0',
      HEALTH_CHECKS_STORAGE: 'true',
      MAX_BODY_BYTES: '2048',
    });
    expect(config).toMatchObject({
      VERIFY_CACHE_TTL_SECONDS: 0,
      HEALTH_CHECKS_STORAGE: true,
      MAX_BODY_BYTES: 2048,
    });
  });

  it.each([
    ['VERIFY_CACHE_TTL_SECONDS', '61'],
    ['VERIFY_CACHE_TTL_SECONDS', '1.5'],
    ['MAX_BODY_BYTES', '10'],
    ['KEY_PROVIDER', 'vault'],
    ['DYNAMODB_ENDPOINT', 'not a url'],
    ['HEALTH_CHECKS_STORAGE', 'maybe'],
    ['TABLE_NAME', 'ab'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`Invalid configuration: .*${name}`));
  });

  it('needs both KMS key ids with KEY_PROVIDER=kms', () => {
    expect(() => loadConfig({ KEY_PROVIDER: 'kms', HMAC_KEY_ID: 'a' })).toThrow(
      /HMAC_KEY_ID and SECRETS_KEY_ID/,
    );
    expect(loadConfig({ KEY_PROVIDER: 'kms', HMAC_KEY_ID: 'a', SECRETS_KEY_ID: 'b' }).KEY_PROVIDER).toBe(
      'kms',
    );
  });
});
