// TokenHasher for local mode: HMAC-SHA-256 with a key file in DATA_DIR. The key id is derived from
// the key material, so hashes made with another local key are recognisably foreign.
import { createHash, createHmac } from 'node:crypto';
import type { TokenHasher } from '../ports';

export class LocalHasher implements TokenHasher {
  readonly currentKeyId: string;

  constructor(private readonly key: Buffer) {
    this.currentKeyId = `local:${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
  }

  async mac(token: string, keyId: string = this.currentKeyId): Promise<string> {
    // A hash made by a key we do not hold can never match: return a MAC of nothing instead.
    if (keyId !== this.currentKeyId) return '';
    return createHmac('sha256', this.key).update(token, 'utf8').digest('base64');
  }
}
