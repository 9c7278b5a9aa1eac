// The AWS adapters: token hashing with KMS GenerateMac and sealing with KMS Encrypt/Decrypt.
import { createHmac } from 'node:crypto';
import {
  DecryptCommand,
  EncryptCommand,
  GenerateMacCommand,
  KMSClient,
  type DecryptCommandInput,
  type EncryptCommandInput,
  type GenerateMacCommandInput,
} from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { KmsHasher } from '../../shared/adapters/kms-hasher';
import { KmsSecretBox } from '../../shared/adapters/kms-secret-box';
import { LocalHasher } from '../../shared/adapters/local-hasher';
import { UnavailableError } from '../../shared/domain/errors';
import { generateToken } from '../../shared/domain/token';

const MAC_KEY = 'arn:aws:kms:eu-west-1:111122223333:key/mac-key-1';
const OTHER_MAC_KEY = 'arn:aws:kms:eu-west-1:111122223333:key/mac-key-0';
const BOX_KEY = 'arn:aws:kms:eu-west-1:111122223333:key/box-key';
const MATERIAL = Buffer.alloc(32, 0x5a);
const TOKEN = generateToken(new Uint8Array(32).fill(0x11));

const kmsMock = mockClient(KMSClient);
const kms = new KMSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });

const awsError = (name: string): Error => Object.assign(new Error(`${name}: details from AWS`), { name });

/** A stand-in for KMS GenerateMac: HMAC-SHA-256 of the message with fixed key material. */
const stubGenerateMac = (material: Buffer): void => {
  kmsMock.on(GenerateMacCommand).callsFake((input: GenerateMacCommandInput) => ({
    KeyId: input.KeyId,
    MacAlgorithm: input.MacAlgorithm,
    Mac: new Uint8Array(createHmac('sha256', material).update(input.Message!).digest()),
  }));
};

/** A stand-in for KMS Encrypt/Decrypt: the "ciphertext" records the context it was sealed under. */
const stubEncryptDecrypt = (): void => {
  kmsMock.on(EncryptCommand).callsFake((input: EncryptCommandInput) => ({
    KeyId: input.KeyId,
    CiphertextBlob: new Uint8Array(
      Buffer.from(
        JSON.stringify({
          context: input.EncryptionContext,
          data: Buffer.from(input.Plaintext!).toString('hex'),
        }),
      ),
    ),
  }));
  kmsMock.on(DecryptCommand).callsFake((input: DecryptCommandInput) => {
    const blob = JSON.parse(Buffer.from(input.CiphertextBlob!).toString('utf8'));
    if (JSON.stringify(blob.context) !== JSON.stringify(input.EncryptionContext)) {
      throw awsError('InvalidCiphertextException');
    }
    return { KeyId: input.KeyId, Plaintext: new Uint8Array(Buffer.from(blob.data, 'hex')) };
  });
};

beforeEach(() => kmsMock.reset());

describe('KmsHasher', () => {
  it('sends GenerateMac with HMAC_SHA_256, the current key id and the token bytes', async () => {
    stubGenerateMac(MATERIAL);
    const hasher = new KmsHasher(kms, MAC_KEY);

    await hasher.mac(TOKEN);

    const calls = kmsMock.commandCalls(GenerateMacCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]!.args[0].input;
    expect(input.KeyId).toBe(MAC_KEY);
    expect(input.MacAlgorithm).toBe('HMAC_SHA_256');
    expect(Buffer.from(input.Message!).equals(Buffer.from(TOKEN, 'utf8'))).toBe(true);
  });

  it('names the current key id as the key of new hashes', () => {
    expect(new KmsHasher(kms, MAC_KEY).currentKeyId).toBe(MAC_KEY);
  });

  it('uses the key id it is asked for, so hashes made by an older key still verify', async () => {
    stubGenerateMac(MATERIAL);

    await new KmsHasher(kms, MAC_KEY).mac(TOKEN, OTHER_MAC_KEY);

    expect(kmsMock.commandCalls(GenerateMacCommand)[0]!.args[0].input.KeyId).toBe(OTHER_MAC_KEY);
  });

  it('returns the same base64 MAC as LocalHasher for the same key material', async () => {
    stubGenerateMac(MATERIAL);
    const kmsHasher = new KmsHasher(kms, MAC_KEY);
    const localHasher = new LocalHasher(MATERIAL);

    for (const token of [TOKEN, generateToken(new Uint8Array(32)), generateToken()]) {
      const viaKms = await kmsHasher.mac(token);

      expect(viaKms).toBe(await localHasher.mac(token));
      expect(Buffer.from(viaKms, 'base64')).toHaveLength(32);
    }
  });

  it('turns a KMS failure into service-unavailable without exposing the AWS message', async () => {
    kmsMock.on(GenerateMacCommand).rejects(awsError('ThrottlingException'));

    const failure = await new KmsHasher(kms, MAC_KEY).mac(TOKEN).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(UnavailableError);
    expect((failure as UnavailableError).code).toBe('service-unavailable');
    expect((failure as UnavailableError).retryAfterSeconds).toBeGreaterThan(0);
    expect((failure as UnavailableError).cause_).toBe('ThrottlingException');
    expect((failure as Error).message).not.toContain('details from AWS');
    expect((failure as Error).message).not.toContain(TOKEN);
  });

  it.each(['AccessDeniedException', 'DisabledException', 'NotFoundException', 'ValidationException'])(
    'lets %s through as a defect (500 and an alarm), not an outage',
    async (name) => {
      kmsMock.on(GenerateMacCommand).rejects(awsError(name));

      const failure = await new KmsHasher(kms, MAC_KEY).mac(TOKEN).catch((error: unknown) => error);

      expect(failure).not.toBeInstanceOf(UnavailableError);
      expect((failure as Error).name).toBe(name);
    },
  );
});

describe('KmsSecretBox', () => {
  const context = {
    purpose: 'idempotent-replay',
    account: 'shop',
    appKey: 'apk-shop-01KB0000000000000000000000',
  };
  const plaintext = JSON.stringify({ token: TOKEN, note: 'Grüße' });

  it('passes the key id, the plaintext bytes and the encryption context on Encrypt', async () => {
    stubEncryptDecrypt();

    const sealed = await new KmsSecretBox(kms, BOX_KEY).seal(plaintext, context);

    const input = kmsMock.commandCalls(EncryptCommand)[0]!.args[0].input;
    expect(input.KeyId).toBe(BOX_KEY);
    expect(input.EncryptionContext).toEqual(context);
    expect(Buffer.from(input.Plaintext!).toString('utf8')).toBe(plaintext);
    expect(sealed.startsWith('v1.kms.')).toBe(true);
    expect(sealed).not.toContain(TOKEN);
  });

  it('passes the encryption context and the ciphertext on Decrypt and round-trips the plaintext', async () => {
    stubEncryptDecrypt();
    const box = new KmsSecretBox(kms, BOX_KEY);
    const sealed = await box.seal(plaintext, context);

    const opened = await box.open(sealed, { ...context });

    expect(opened).toBe(plaintext);
    const input = kmsMock.commandCalls(DecryptCommand)[0]!.args[0].input;
    expect(input.EncryptionContext).toEqual(context);
    expect(Buffer.from(input.CiphertextBlob!).toString('base64')).toBe(sealed.slice('v1.kms.'.length));
  });

  it('fails to open under another context', async () => {
    stubEncryptDecrypt();
    const box = new KmsSecretBox(kms, BOX_KEY);
    const sealed = await box.seal(plaintext, context);

    await expect(box.open(sealed, { ...context, account: 'other' })).rejects.toBeInstanceOf(Error);
  });

  it('turns a KMS failure on Encrypt or Decrypt into service-unavailable', async () => {
    kmsMock.on(EncryptCommand).rejects(awsError('KMSInternalException'));
    kmsMock.on(DecryptCommand).rejects(awsError('DependencyTimeoutException'));
    const box = new KmsSecretBox(kms, BOX_KEY);

    const sealFailure = await box.seal(plaintext, context).catch((error: unknown) => error);
    const openFailure = await box.open('v1.kms.AAAA', context).catch((error: unknown) => error);

    for (const failure of [sealFailure, openFailure]) {
      expect(failure).toBeInstanceOf(UnavailableError);
      expect((failure as UnavailableError).code).toBe('service-unavailable');
      expect((failure as Error).message).not.toContain(TOKEN);
    }
  });
});
