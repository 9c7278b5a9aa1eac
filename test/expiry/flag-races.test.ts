// The expiry scan raises a renewal flag without a new version (it is bookkeeping, not an
// operator's change). A change that read the key before the flag, and commits after it, must not
// write its stale copy of the flag over it: otherwise the next scan raises (publishes, audits) the
// same level again. Found by an adversarial review; both races reproduced deterministically.
import type { UnitOfWork, Write } from '../../shared/ports/unit-of-work';
import type { KeyRepository } from '../../shared/ports';
import { TestApi } from '../helpers/api';

/** A promise to hold an operation on, and the means to learn it is held and to release it. */
function gate() {
  let release!: () => void;
  let held!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const reached = new Promise<void>((r) => (held = r));
  return { released, reached, release, held };
}

describe('a raised renewal flag survives changes that read the key before it', () => {
  let api: TestApi;
  let hold: ((writes: readonly Write[]) => boolean) | null = null;
  let onHold: ReturnType<typeof gate> | null = null;

  beforeAll(async () => {
    api = await TestApi.start({
      work: (inner: UnitOfWork): UnitOfWork => ({
        async commit(writes) {
          if (hold?.(writes) && onHold) {
            hold = null;
            onHold.held();
            await onHold.released;
          }
          return inner.commit(writes);
        },
      }),
      keys: (inner: KeyRepository): KeyRepository =>
        new Proxy(inner, {
          get(target, prop, receiver) {
            const value = Reflect.get(target, prop, receiver);
            if (prop !== 'saveKey') return typeof value === 'function' ? value.bind(target) : value;
            return async (...args: Parameters<KeyRepository['saveKey']>) => {
              if (hold?.([{ type: 'key', key: args[0] }]) && onHold) {
                hold = null;
                onHold.held();
                await onHold.released;
              }
              return target.saveKey(...args);
            };
          },
        }),
    });
  });
  afterAll(() => api.stop());

  const flagsOf = (appKey: string) =>
    api.services.events.published.filter((e) => (e.detail as { appKey?: string }).appKey === appKey);

  it('a rename committed after the flag keeps it, and the flag is published and audited once', async () => {
    const owner = await api.bootstrap('flagrename');
    const key = await api.createKey(owner, ['orders-read'], 'to rename');
    api.services.clock.advanceDays(80); // 90-day token, 14-day warning: expiring
    onHold = gate();
    hold = (writes) => writes.some((w) => w.type === 'key' && w.key.name === 'renamed');

    const rename = api.request('PATCH', `/v1/keys/${key.appKey}`, { as: owner, body: { name: 'renamed' } });
    await onHold.reached;
    expect((await api.services.expiryScan.run()).flagged.expiring).toBeGreaterThanOrEqual(1);
    onHold.release();
    expect((await rename).status).toBe(200);

    const after = (await api.request('GET', `/v1/keys/${key.appKey}`, { as: owner })).body;
    expect(after).toMatchObject({ name: 'renamed', renewalFlag: { level: 'expiring' } });
    await api.services.expiryScan.run();
    expect(flagsOf(key.appKey)).toHaveLength(1);
    const audit = await api.request('GET', `/v1/audit?appKey=${key.appKey}&action=renewal.flagged`, {
      as: owner,
    });
    expect(audit.body.items).toHaveLength(1);
    api.services.clock.advanceDays(-80);
  });

  it('a settings re-expiry pass that saves after the flag keeps it too', async () => {
    const owner = await api.bootstrap('flagreexpire');
    const key = await api.createKey(owner, ['orders-read'], 'in a re-expiry pass');
    api.services.clock.advanceDays(80);
    onHold = gate();
    hold = (writes) => writes.some((w) => w.type === 'key' && w.key.appKey === key.appKey);

    const put = api.request('PUT', '/v1/settings', {
      as: owner,
      body: { tokenDurationDays: 90, expiryWarningDays: 20, enforceExpiry: true },
    });
    await onHold.reached;
    await api.services.expiryScan.run();
    onHold.release();
    expect((await put).status).toBe(200);

    expect(
      (await api.request('GET', `/v1/keys/${key.appKey}`, { as: owner })).body.renewalFlag,
    ).toMatchObject({
      level: 'expiring',
    });
    await api.services.expiryScan.run();
    expect(flagsOf(key.appKey)).toHaveLength(1);
    api.services.clock.advanceDays(-80);
  });
});
