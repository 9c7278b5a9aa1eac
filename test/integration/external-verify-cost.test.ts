// Issue 13: verifying an external key costs the storage reads of the same verification in the
// key's own account plus at most one GetItem (the grant), cache misses included. Counted around the
// real DynamoDB adapters, each verification with every cache empty.
import { bootstrapAccount } from '../../shared/use-cases/bootstrap';
import { createTestServices, type TestServices } from '../helpers/services';
import { countedIdentities, noAccessCosts, type Costs } from '../helpers/counting';

describe('the cost of verifying an external key', () => {
  let services: TestServices;
  const keys: Record<'plain' | 'custom', { appKey: string; token: string }> = {} as never;

  beforeAll(async () => {
    services = await createTestServices();
    const store = await bootstrapAccount(services, 'coststore');
    const partner = await bootstrapAccount(services, 'costpartner');
    const asOwner = (account: string, appKey: string) => ({
      account,
      appKey,
      roles: ['owner'],
      permissions: ['roles:edit'],
    });
    await services.roleService.create(asOwner('coststore', store.key.appKey), {
      id: 'stock',
      name: 'Stock',
      description: '',
      permissions: ['stock:read'],
    });
    await services.roleService.create(asOwner('costpartner', partner.key.appKey), {
      id: 'ship',
      name: 'Ship',
      description: '',
      permissions: ['ship:run'],
    });
    for (const [name, roles] of [
      ['plain', ['orders-read']],
      ['custom', ['ship']],
    ] as const) {
      const { key, token } = await services.keyCreation.issue('costpartner', { name, roles: [...roles] });
      keys[name] = { appKey: key.appKey, token };
      await services.externalKeys.add(asOwner('coststore', store.key.appKey), {
        appKey: key.appKey,
        roles: name === 'plain' ? ['catalog-read'] : ['stock'],
      });
    }
  });

  async function coldVerification(key: { appKey: string; token: string }, account?: string): Promise<Costs> {
    const costs = noAccessCosts();
    const identities = countedIdentities(services, costs, 60);
    const outcome = await identities.identify(key.appKey, key.token, account);
    expect(outcome.valid).toBe(true);
    return costs;
  }

  it('with predefined roles: key + settings, and the grant on top', async () => {
    const own = await coldVerification(keys.plain);
    const external = await coldVerification(keys.plain, 'coststore');
    expect(own).toEqual({ keyReads: 1, accountReads: 1, macs: 1, catalogReads: 0, grantReads: 0 });
    expect(external).toEqual({ keyReads: 1, accountReads: 1, macs: 1, catalogReads: 0, grantReads: 1 });
  });

  it('with custom roles: the catalog of the account whose roles are reported, and the grant on top', async () => {
    const own = await coldVerification(keys.custom);
    const external = await coldVerification(keys.custom, 'coststore');
    expect(own).toEqual({ keyReads: 1, accountReads: 1, macs: 1, catalogReads: 1, grantReads: 0 });
    expect(external).toEqual({ keyReads: 1, accountReads: 1, macs: 1, catalogReads: 1, grantReads: 1 });
  });

  it('a warm container verifies an external key with no read at all', async () => {
    const costs = noAccessCosts();
    const identities = countedIdentities(services, costs, 60);
    await identities.identify(keys.custom.appKey, keys.custom.token, 'coststore');
    const first = { ...costs };
    for (let i = 0; i < 10; i++)
      await identities.identify(keys.custom.appKey, keys.custom.token, 'coststore');
    expect(costs).toEqual(first);
  });
});
