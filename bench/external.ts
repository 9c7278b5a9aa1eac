// What verifying an external key costs (issue 13): storage reads per verification on a cold cache,
// for a key verified in its own account and the same key verified as an external key of another
// account, with predefined and with custom roles, counted around the real adapters. The contract:
// external = internal + at most one GetItem (the grant). Also the time of each on a cold cache.
import { performance } from 'node:perf_hooks';
import { bootstrapAccount } from '../shared/use-cases/bootstrap';
import { countedIdentities, noAccessCosts, readsOf } from '../test/helpers/counting';
import type { BenchServices } from './setup';

export interface ExternalVerifyCosts {
  /** Storage reads per verification, cache misses included. */
  reads: Record<
    'internal_predefined' | 'external_predefined' | 'internal_custom' | 'external_custom',
    number
  >;
  /** Mean microseconds of a cold-cache verification, internal vs external (custom roles). */
  internal_us: number;
  external_us: number;
}

const ROUNDS = 200;

export async function measureExternalVerify(bench: BenchServices): Promise<ExternalVerifyCosts> {
  const { services } = bench;
  const suffix = Date.now().toString(36);
  const store = `xstore${suffix}`;
  const partner = `xpartner${suffix}`;
  const storeOwner = await bootstrapAccount(services, store);
  const partnerOwner = await bootstrapAccount(services, partner);
  const storeCaller = {
    account: store,
    appKey: storeOwner.key.appKey,
    roles: ['owner'],
    permissions: ['roles:edit'],
  };
  const partnerCaller = { ...storeCaller, account: partner, appKey: partnerOwner.key.appKey };
  await services.roleService.create(storeCaller, {
    id: 'stock',
    name: 'Stock',
    description: '',
    permissions: ['stock:read'],
  });
  await services.roleService.create(partnerCaller, {
    id: 'ship',
    name: 'Ship',
    description: '',
    permissions: ['ship:run'],
  });
  const plain = await services.keyCreation.issue(partner, { name: 'plain', roles: ['orders-read'] });
  const custom = await services.keyCreation.issue(partner, { name: 'custom', roles: ['ship'] });
  await services.externalKeys.add(storeCaller, { appKey: plain.key.appKey, roles: ['catalog-read'] });
  await services.externalKeys.add(storeCaller, { appKey: custom.key.appKey, roles: ['stock'] });

  /** One verification with every cache empty: a fresh set of sources each time. */
  const cold = async (appKey: string, token: string, account?: string) => {
    const costs = noAccessCosts();
    const identities = countedIdentities(services, costs, 10);
    const started = performance.now();
    const outcome = await identities.identify(appKey, token, account);
    const us = (performance.now() - started) * 1000;
    if (!outcome.valid) throw new Error(`bench key did not verify: ${outcome.reason}`);
    return { reads: readsOf(costs), us };
  };

  const reads = {
    internal_predefined: (await cold(plain.key.appKey, plain.token)).reads,
    external_predefined: (await cold(plain.key.appKey, plain.token, store)).reads,
    internal_custom: (await cold(custom.key.appKey, custom.token)).reads,
    external_custom: (await cold(custom.key.appKey, custom.token, store)).reads,
  };
  let internal = 0;
  let external = 0;
  for (let i = 0; i < ROUNDS; i++) {
    internal += (await cold(custom.key.appKey, custom.token)).us;
    external += (await cold(custom.key.appKey, custom.token, store)).us;
  }
  return { reads, internal_us: internal / ROUNDS, external_us: external / ROUNDS };
}
