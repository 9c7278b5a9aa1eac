// Idempotent replay when the sealed first response can no longer be opened: a clear 409, never a
// 500 and never a second key; a passing KMS outage stays a retryable 503.
import { randomBytes } from 'node:crypto';
import { LocalSecretBox } from '../../shared/adapters/local-secret-box';
import { DomainError, UnavailableError } from '../../shared/domain/errors';
import type { IdempotencyRecord, IdempotencyRecords, SecretBox } from '../../shared/ports';
import { Idempotency } from '../../shared/use-cases/idempotency';

const caller = {
  account: 'shop',
  appKey: 'apk-shop-01M8D5VAPWXHPQCVF2KK6MM9QB',
  roles: ['owner'],
  permissions: ['keys:edit'],
};
const request = { key: 'retry-1', fingerprint: ['create-key', { name: 'ERP', roles: [] }] };
const clock = { now: () => Date.parse('2026-11-26T12:00:00.000Z') };

/** Records holding just one idempotency record: what replay() reads. */
function storeWith(record: IdempotencyRecord | null): IdempotencyRecords {
  return { getIdempotencyRecord: async () => record };
}

async function sealedRecord(box: SecretBox): Promise<IdempotencyRecord> {
  return new Idempotency(storeWith(null), box, clock).record(caller, request, {
    key: { appKey: 'k' },
    token: 'secret',
  });
}

describe('idempotent replay of a sealed response', () => {
  it('returns the first response when the box can open it', async () => {
    const box = new LocalSecretBox(randomBytes(32));
    const record = await sealedRecord(box);
    const replayed = await new Idempotency(storeWith(record), box, clock).replay(caller, request);
    expect(replayed).toEqual({ key: { appKey: 'k' }, token: 'secret' });
  });

  it('answers conflict (409) when the response was sealed under a key no longer held', async () => {
    const record = await sealedRecord(new LocalSecretBox(randomBytes(32)));
    const otherBox = new LocalSecretBox(randomBytes(32));
    const replay = new Idempotency(storeWith(record), otherBox, clock).replay(caller, request);
    await expect(replay).rejects.toMatchObject({ code: 'conflict' });
    await expect(replay).rejects.toBeInstanceOf(DomainError);
  });

  it('keeps a passing KMS outage retryable (503)', async () => {
    const record = await sealedRecord(new LocalSecretBox(randomBytes(32)));
    const down: SecretBox = {
      seal: async () => '',
      open: async () => {
        throw new UnavailableError(1, 'KMSInternalException');
      },
    };
    await expect(
      new Idempotency(storeWith(record), down, clock).replay(caller, request),
    ).rejects.toBeInstanceOf(UnavailableError);
  });
});
