// TokenHasher on a KMS HMAC_256 key (GenerateMac, HMAC_SHA_256). KMS HMAC keys do not rotate, so
// each stored hash names the key that made it; after introducing a new key, old hashes still verify.
import { GenerateMacCommand, type KMSClient } from '@aws-sdk/client-kms';
import { rethrowSdkError } from './outage';
import type { TokenHasher } from '../ports';

export class KmsHasher implements TokenHasher {
  constructor(
    private readonly kms: KMSClient,
    readonly currentKeyId: string,
  ) {}

  async mac(token: string, keyId: string = this.currentKeyId): Promise<string> {
    try {
      const out = await this.kms.send(
        new GenerateMacCommand({
          KeyId: keyId,
          MacAlgorithm: 'HMAC_SHA_256',
          Message: Buffer.from(token, 'utf8'),
        }),
      );
      return Buffer.from(out.Mac!).toString('base64');
    } catch (error) {
      return rethrowSdkError(error);
    }
  }
}
