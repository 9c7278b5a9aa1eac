// SecretBox on a symmetric KMS key: Encrypt/Decrypt with an encryption context. Replay responses
// are about 1 KB, well under KMS's 4 KB plaintext limit, so no envelope is needed.
import { DecryptCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import { rethrowSdkError } from './outage';
import type { SecretBox } from '../ports';

const PREFIX = 'v1.kms.';

export class KmsSecretBox implements SecretBox {
  constructor(
    private readonly kms: KMSClient,
    private readonly keyId: string,
  ) {}

  async seal(plaintext: string, context: Record<string, string>): Promise<string> {
    try {
      const out = await this.kms.send(
        new EncryptCommand({
          KeyId: this.keyId,
          Plaintext: Buffer.from(plaintext, 'utf8'),
          EncryptionContext: context,
        }),
      );
      return PREFIX + Buffer.from(out.CiphertextBlob!).toString('base64');
    } catch (error) {
      return rethrowSdkError(error);
    }
  }

  async open(sealed: string, context: Record<string, string>): Promise<string> {
    if (!sealed.startsWith(PREFIX)) throw new Error('not sealed by this box');
    try {
      const out = await this.kms.send(
        new DecryptCommand({
          KeyId: this.keyId,
          CiphertextBlob: Buffer.from(sealed.slice(PREFIX.length), 'base64'),
          EncryptionContext: context,
        }),
      );
      return Buffer.from(out.Plaintext!).toString('utf8');
    } catch (error) {
      return rethrowSdkError(error);
    }
  }
}
