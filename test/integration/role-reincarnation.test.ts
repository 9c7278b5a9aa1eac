// Regression test from an adversarial review of custom roles: the ABA of role versions. A grant of a custom role is committed
// on the condition `role:{id}.version = v` where v is the version it was judged on; a role deleted
// and created again under the same id starts again at version 1, so a grant judged on the OLD
// definition commits against the NEW one. FAILS while the defect is present.
import type { UnitOfWork, Write } from '../../shared/ports/unit-of-work';
import { TestApi, type Credentials } from '../helpers/api';
import { keyPath } from './support';

const ALL_MANAGEMENT = ['keys:view', 'keys:edit', 'keys:renew', 'settings:edit', 'roles:edit', 'audit:view'];

/** Holds the first commit that gives role `roleId` a holder until released. */
class Gate {
  roleId: string | null = null;
  private release!: () => void;
  private released = new Promise<void>((resolve) => (this.release = resolve));
  reached!: Promise<void>;
  private arrive!: () => void;
  arm(roleId: string): void {
    this.roleId = roleId;
    this.released = new Promise<void>((resolve) => (this.release = resolve));
    this.reached = new Promise<void>((resolve) => (this.arrive = resolve));
  }
  open(): void {
    this.release();
  }
  async pass(writes: readonly Write[]): Promise<void> {
    const id = this.roleId;
    if (!id) return;
    const gains = writes.some((w) => w.type === 'role-holders' && (w.holders[id]?.delta ?? 0) > 0);
    if (!gains) return;
    this.roleId = null;
    this.arrive();
    await this.released;
  }
}

describe('review probe: role version ABA', () => {
  let api: TestApi;
  let owner: Credentials;
  const gate = new Gate();
  beforeAll(async () => {
    api = await TestApi.start({
      work: (inner: UnitOfWork): UnitOfWork => ({
        commit: async (writes) => {
          await gate.pass(writes);
          return inner.commit(writes);
        },
      }),
    });
    owner = await api.bootstrap('probeaba');
  });
  afterAll(() => api.stop());

  const createRole = (id: string, permissions: string[]) =>
    api.request('POST', '/v1/roles', { as: owner, body: { id, name: id, permissions } });
  const deleteRole = (id: string) => api.request('DELETE', `/v1/roles/${id}?confirm=true`, { as: owner });

  it('a key-admin cannot give a key an owner-like role by granting it just before the role is deleted and re-created', async () => {
    const keyAdmin = await api.createKey(owner, ['key-admin'], 'key admin');
    const target = await api.createKey(owner, ['catalog-read'], 'target');
    expect((await createRole('ops', ['ops:run'])).status).toBe(201);

    gate.arm('ops');
    // Judged on 'ops' = [ops:run]: allowed. Held at its commit.
    const patch = api.request('PATCH', keyPath(target.appKey), {
      as: keyAdmin,
      body: { roles: ['catalog-read', 'ops'] },
    });
    await gate.reached;
    // Meanwhile the owner replaces the (still unheld) role by a new one with the same id.
    expect((await deleteRole('ops')).status).toBe(204);
    expect((await createRole('ops', ALL_MANAGEMENT)).status).toBe(201);
    gate.open();
    const reply = await patch;

    // The key-admin lacks roles:edit: granting the new 'ops' must not happen.
    const whoIs = await api.request('POST', '/v1/verify', {
      body: { appKey: target.appKey, appToken: target.token },
    });
    expect({ patch: reply.status, permissions: whoIs.body.permissions }).toEqual({
      patch: 403,
      permissions: ['catalog:read'],
    });
  });

  it('an external grant judged on a role without management permissions never ends up holding management permissions', async () => {
    expect((await createRole('stock', ['stock:read'])).status).toBe(201);
    const partner = await api.bootstrap('probeabapartner');

    gate.arm('stock');
    const add = api.request('POST', '/v1/external-keys', {
      as: owner,
      body: { appKey: partner.appKey, roles: ['stock'] },
    });
    await gate.reached;
    expect((await deleteRole('stock')).status).toBe(204);
    expect((await createRole('stock', ['stock:read', 'keys:edit', 'keys:view'])).status).toBe(201);
    gate.open();
    const reply = await add;

    const asPartner = await api.request('POST', '/v1/verify', {
      body: { appKey: partner.appKey, appToken: partner.token, account: 'probeaba' },
    });
    expect({ add: reply.status, permissions: asPartner.body.permissions ?? null }).toEqual({
      add: 400,
      permissions: null,
    });
  });
});
