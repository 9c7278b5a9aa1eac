// What anonymous garbage costs (issue 9, finding 3): KMS calls and storage reads per 1,000
// verification requests of each kind, counted around the real adapters with production caching
// (verification and settings cached 10 s). The shared KMS quota must not be spendable by anyone
// who merely makes up appKeys.
import { randomBytes } from 'node:crypto';
import { SettingsSource } from '../shared/use-cases/settings-source';
import { Verifier } from '../shared/use-cases/verify';
import { VerificationCache } from '../shared/use-cases/verification-cache';
import { generateToken } from '../shared/domain/token';
import {
  countingAccounts,
  countingHasher,
  countingKeys,
  noCosts,
  type Costs,
} from '../test/helpers/counting';
import type { BenchServices } from './setup';
import type { Credentials } from './micro';

export type GarbageKind = 'malformed' | 'unknown_appkey' | 'repeated_unknown_appkey' | 'wrong_token';
export type GarbageCosts = Record<GarbageKind, { kms: number; reads: number }>;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const madeUpAppKey = (account: string): string =>
  `apk-${account}-01${[...randomBytes(24)].map((b) => CROCKFORD[b % 32]).join('')}`;

export async function measureGarbage(bench: BenchServices, known: Credentials): Promise<GarbageCosts> {
  const { services } = bench;
  const account = known.appKey.split('-')[1]!;
  const requests: Record<GarbageKind, () => [string, string]> = {
    malformed: () => [`apk-${account}-not-a-ulid`, 'apt_short'],
    unknown_appkey: () => [madeUpAppKey(`x${randomBytes(4).toString('hex')}`), generateToken()],
    repeated_unknown_appkey: (() => {
      const appKey = madeUpAppKey(account);
      return () => [appKey, generateToken()] as [string, string];
    })(),
    wrong_token: () => [known.appKey, generateToken()],
  };
  const out = {} as GarbageCosts;
  for (const [kind, next] of Object.entries(requests) as Array<[GarbageKind, () => [string, string]]>) {
    const costs: Costs = noCosts();
    const verifier = new Verifier(
      countingKeys(services.keys, costs),
      countingHasher(services.hasher, costs),
      new SettingsSource(countingAccounts(services.accounts, costs), services.clock, 10_000),
      services.clock,
      new VerificationCache(10_000),
    );
    for (let i = 0; i < 1_000; i++) {
      const [appKey, token] = next();
      const outcome = await verifier.verify(appKey, token);
      if (outcome.valid) throw new Error('garbage verified');
    }
    out[kind] = { kms: costs.macs, reads: costs.keyReads + costs.accountReads };
  }
  return out;
}
