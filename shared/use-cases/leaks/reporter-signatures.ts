// Who may report leaks: a secret scanner signs the raw body with ECDSA P-256 / SHA-256 (GitHub's
// secret scanning partner program: `Github-Public-Key-Identifier` names the key,
// `Github-Public-Key-Signature` is the base64 DER signature). Only keys configured in
// LEAK_REPORTER_KEYS are trusted. Checked before anything is parsed or read: an unsigned request
// costs one signature check and learns nothing.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { DomainError } from '../../domain/errors';

export const badSignature = (): DomainError =>
  // One message for every failure: the sender learns nothing about which part failed.
  new DomainError('unauthorized', 'Missing or invalid report signature.');

/** The public key of a PEM, if it is an EC key on P-256 (anything else is a configuration error). */
export function reporterKey(keyId: string, pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
    throw new Error(`LEAK_REPORTER_KEYS: key '${keyId}' is not an ECDSA P-256 public key`);
  return key;
}

export class ReporterSignatures {
  private readonly keys: Map<string, KeyObject>;

  /** `pems`: key identifier -> PEM public key. Bad keys fail here, at cold start. */
  constructor(pems: Readonly<Record<string, string>>) {
    this.keys = new Map(Object.entries(pems).map(([id, pem]) => [id, reporterKey(id, pem)]));
  }

  /** Throws `unauthorized` unless `signature` is a valid signature of `raw` by the named key. */
  check(raw: Buffer, keyId: string | undefined, signature: string | undefined): void {
    const key = keyId ? this.keys.get(keyId) : undefined;
    if (!key || !signature) throw badSignature();
    const der = Buffer.from(signature, 'base64');
    let valid = false;
    try {
      valid = der.length > 0 && verify('sha256', raw, { key, dsaEncoding: 'der' }, der);
    } catch {
      valid = false; // not DER at all
    }
    if (!valid) throw badSignature();
  }
}
