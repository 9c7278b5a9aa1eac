// The token hasher configuration asks for: HMAC with the KMS key in AWS, a local key file otherwise.
// Shared by the full composition and the verification-only one, so both hash alike.
import { join } from 'node:path';
import { KMSClient } from '@aws-sdk/client-kms';
import type { Config } from '../config';
import type { TokenHasher } from '../ports';
import { loadOrCreateKeyFile } from './key-file';
import { KmsHasher } from './kms-hasher';
import { LocalHasher } from './local-hasher';
import { SDK_TIMEOUTS } from './sdk-options';

export const LOCAL_HMAC_KEY_FILE = 'token-hmac.key';

export function createHasher(config: Config, kms?: KMSClient): TokenHasher {
  if (config.KEY_PROVIDER === 'kms') {
    return new KmsHasher(
      kms ?? new KMSClient({ region: config.AWS_REGION, ...SDK_TIMEOUTS }),
      config.HMAC_KEY_ID!,
    );
  }
  return new LocalHasher(loadOrCreateKeyFile(join(config.DATA_DIR, LOCAL_HMAC_KEY_FILE)));
}
