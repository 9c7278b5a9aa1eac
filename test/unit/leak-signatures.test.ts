// Who may report leaks (use-cases/leaks/reporter-signatures.ts): only an ECDSA P-256 / SHA-256 DER
// signature of the exact raw body by a configured key passes; everything else is `unauthorized`.
import { createSign, generateKeyPairSync } from 'node:crypto';
import { DomainError } from '../../shared/domain/errors';
import { loadConfig } from '../../shared/config';
import { ReporterSignatures } from '../../shared/use-cases/leaks/reporter-signatures';

const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const pem = (k: typeof p256) => k.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const sign = (body: string | Buffer, key = p256.privateKey) =>
  createSign('SHA256').update(body).sign(key, 'base64');

const trusted = new ReporterSignatures({ github: pem(p256) });
const BODY = Buffer.from('[{"token":"apt_x","type":"t","url":"","source":"commit"}]');

function refusal(run: () => void): DomainError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error as DomainError;
  }
}

describe('reporter signatures', () => {
  it('accepts a signature of the raw body by a trusted key', () => {
    expect(refusal(() => trusted.check(BODY, 'github', sign(BODY)))).toBeUndefined();
  });

  it.each([
    ['no key id', undefined, sign(BODY)],
    ['no signature', 'github', undefined],
    ['an unknown key id', 'gitlab', sign(BODY)],
    ['an untrusted signer', 'github', sign(BODY, other.privateKey)],
    ['a re-serialised body', 'github', sign(JSON.stringify(JSON.parse(BODY.toString()), null, 1))],
    ['an empty signature', 'github', ''],
    ['bytes that are not DER', 'github', Buffer.from('garbage').toString('base64')],
  ])('refuses %s as unauthorized', (_, keyId, signature) => {
    expect(refusal(() => trusted.check(BODY, keyId, signature))).toMatchObject({ code: 'unauthorized' });
  });

  it('a key id inherited from Object.prototype is not a key', () => {
    expect(refusal(() => trusted.check(BODY, 'constructor', sign(BODY)))).toMatchObject({
      code: 'unauthorized',
    });
  });

  it('refuses keys that are not ECDSA P-256 when configured', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    for (const key of [rsa, p384]) {
      const text = key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
      expect(() => new ReporterSignatures({ k: text })).toThrow(/not an ECDSA P-256 public key/);
    }
  });

  it('LEAK_REPORTER_KEYS is a JSON object of key id to PEM; anything else fails at load', () => {
    expect(loadConfig({ LEAK_REPORTER_KEYS: JSON.stringify({ a: pem(p256) }) }).LEAK_REPORTER_KEYS).toEqual({
      a: pem(p256),
    });
    expect(loadConfig({}).LEAK_REPORTER_KEYS).toEqual({});
    expect(() => loadConfig({ LEAK_REPORTER_KEYS: 'not json' })).toThrow(/LEAK_REPORTER_KEYS/);
    expect(() => loadConfig({ LEAK_REPORTER_KEYS: '{"a":"not a pem"}' })).toThrow(/LEAK_REPORTER_KEYS/);
  });
});
