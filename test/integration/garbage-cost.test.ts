// Unauthenticated requests must not cost KMS calls or settings reads (issue 9, finding 3): KMS's
// request quota is shared by every tenant, so an anonymous flood of made-up appKeys would otherwise
// deny service to all of them. And every in-process cache must stay bounded whatever is sent.
import { randomBytes } from 'node:crypto';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { DynamoDbAccounts } from '../../shared/adapters/dynamodb/dynamodb-accounts';
import { SettingsSource } from '../../shared/use-cases/settings-source';
import { Verifier } from '../../shared/use-cases/verify';
import { VerificationCache } from '../../shared/use-cases/verification-cache';
import { countingAccounts, countingHasher, countingKeys, noCosts, type Costs } from '../helpers/counting';
import { createTestServices, createTestTable, testEndpoint, type TestServices } from '../helpers/services';
import { absentAppKey, strangerToken } from './support';

const N = 200;

describe('what garbage costs a verification', () => {
  let services: TestServices;
  let costs: Costs;
  let verifier: Verifier;
  let known: { appKey: string; token: string };

  beforeAll(async () => {
    services = await createTestServices();
    const { key, token } = await services.keyCreation.issue('garbage', { name: 'real', roles: [] });
    known = { appKey: key.appKey, token };
  });

  beforeEach(() => {
    costs = noCosts();
    // As in production: settings cached for 10 s, verifications for 10 s.
    const settings = new SettingsSource(countingAccounts(services.accounts, costs), services.clock, 10_000);
    verifier = new Verifier(
      countingKeys(services.keys, costs),
      countingHasher(services.hasher, costs),
      settings,
      services.clock,
      new VerificationCache(10_000),
    );
  });

  it('malformed credentials cost nothing at all', async () => {
    for (let i = 0; i < N; i++) {
      await verifier.verify(`apk-garbage-${i}`, 'apt_short');
      await verifier.verify(known.appKey, `${strangerToken().slice(0, -1)}!`);
    }
    expect(costs).toEqual(noCosts());
  });

  it('well-formed unknown appKeys cost one key read each and no KMS call, no settings read', async () => {
    const unknown = Array.from({ length: N }, (_, i) => absentAppKey(i % 2 ? 'garbage' : `acct${i}x`));
    for (const appKey of unknown) {
      expect(await verifier.verify(appKey, strangerToken())).toEqual({ valid: false, reason: 'invalid' });
    }
    expect(costs).toEqual({ keyReads: N, accountReads: 0, macs: 0 });
  });

  it('repeats of an unknown appKey are remembered: no further read', async () => {
    const appKey = absentAppKey('garbage');
    for (let i = 0; i < N; i++) await verifier.verify(appKey, strangerToken());
    expect(costs).toEqual({ keyReads: 1, accountReads: 0, macs: 0 });
  });

  it('a known appKey with wrong tokens costs a read and a MAC each, and settings once', async () => {
    for (let i = 0; i < N; i++) {
      expect(await verifier.verify(known.appKey, strangerToken())).toEqual({
        valid: false,
        reason: 'invalid',
      });
    }
    expect(costs).toEqual({ keyReads: N, accountReads: 1, macs: N });
  });

  it('the right token still verifies, and then comes from the cache', async () => {
    expect(await verifier.verify(known.appKey, known.token)).toMatchObject({ valid: true });
    expect(await verifier.verify(known.appKey, known.token)).toMatchObject({ valid: true });
    expect(costs).toEqual({ keyReads: 1, accountReads: 1, macs: 1 });
  });
});

describe('in-process caches are bounded', () => {
  it('the settings cache keeps at most its maximum of accounts', async () => {
    const tableName = await createTestTable();
    const store = new DynamoDbAccounts(
      createDocumentClient({ region: 'us-east-1', endpoint: testEndpoint() }),
      tableName,
    );
    const settings = new SettingsSource(store, { now: () => Date.now() }, 60_000, 50);
    for (let i = 0; i < 300; i++) await settings.get(`acct${i}x${randomBytes(2).toString('hex')}`);
    expect(settings.cachedAccounts).toBe(50);
  });
});
