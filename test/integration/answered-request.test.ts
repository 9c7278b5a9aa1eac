// The request deadline answers 503 but cannot cancel the work behind it. That work must not then
// re-read and re-apply its change over one the client made after the 503 (found by an adversarial
// review: a rename answered 503 later overwrote the newer rename, with an audit entry to match).
import type { UnitOfWork } from '../../shared/ports/unit-of-work';
import { TestApi } from '../helpers/api';
import { expectProblem, keyPath } from './support';

jest.setTimeout(30_000);

describe('work of a request that was already answered', () => {
  let api: TestApi;
  let slowOnce = false;

  beforeAll(async () => {
    api = await TestApi.start({
      work: (inner: UnitOfWork): UnitOfWork => ({
        async commit(writes) {
          if (slowOnce && writes.some((w) => w.type === 'key' && w.key.name === 'A')) {
            slowOnce = false;
            await new Promise((r) => setTimeout(r, 5_000)); // storage slow to take this one
          }
          return inner.commit(writes);
        },
      }),
    });
  });
  afterAll(() => api.stop());

  it('does not overwrite a change made after its 503', async () => {
    const owner = await api.bootstrap('answered');
    const key = await api.createKey(owner, ['orders-read'], 'start');
    slowOnce = true;

    const first = await api.request('PATCH', keyPath(key.appKey), { as: owner, body: { name: 'A' } });
    expectProblem(first, 'service-unavailable');
    const second = await api.request('PATCH', keyPath(key.appKey), { as: owner, body: { name: 'B' } });
    expect(second.status).toBe(200);
    // Let the answered request's commit come back (it loses on version) and see what it does next.
    await new Promise((r) => setTimeout(r, 1_500));

    const now = (await api.request('GET', keyPath(key.appKey), { as: owner })).body;
    expect({ name: now.name, version: now.version }).toEqual({ name: 'B', version: 2 });
    const renames = (
      await api.request('GET', `/v1/audit?appKey=${key.appKey}&action=key.updated`, { as: owner })
    ).body.items;
    expect(renames.map((e: { changes: { name: { to: string } } }) => e.changes.name.to)).toEqual(['B']);
  });
});
