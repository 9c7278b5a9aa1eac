// Regression tests from an adversarial review of custom roles: each `it` states what API.md 1.1 or
// the README promise, and failed before its fix. "Container B" is a second set of services over the same table and
// key material, with its own in-process caches: what another Lambda container (or another Lambda
// function: every route is its own function) sees.
import { createServices, type Adapters } from '../../shared/composition';
import { authenticate } from '../../shared/use-cases/authenticate';
import { TestApi, type Credentials } from '../helpers/api';
import { expectProblem, keyPath } from './support';
import { NO_ORIGIN } from '../../shared/domain/audit';

const ALL_MANAGEMENT = ['keys:view', 'keys:edit', 'keys:renew', 'settings:edit', 'roles:edit', 'audit:view'];

describe('review probes', () => {
  let api: TestApi;
  beforeAll(async () => {
    // Production-like caches (the defaults are 60 s for verifications, 300 s for settings/roles).
    api = await TestApi.start({ cacheTtlSeconds: 60 });
  });
  afterAll(() => api.stop());

  const containerB = () => createServices(api.services.config, api.services as unknown as Adapters);
  const createRole = (as: Credentials, id: string, permissions: string[]) =>
    api.request('POST', '/v1/roles', { as, body: { id, name: id, permissions } });

  it('PROBE 1: a key-admin cannot renew (and so take over) a key holding a custom owner-like role, even in a container whose role cache predates the role', async () => {
    const owner = await api.bootstrap('probestale');
    const keyAdmin = await api.createKey(owner, ['key-admin'], 'key admin');
    // Container B has the account's catalog cached, as any container does after one verification
    // of a key with a custom role (here: the renew-token function authenticating someone).
    expect((await createRole(owner, 'ops', ['ops:run'])).status).toBe(201);
    const ops = await api.createKey(owner, ['ops'], 'ops key');
    const b = containerB();
    expect((await b.identities.identify(ops.appKey, ops.token)).valid).toBe(true);

    // Later, elsewhere: the owner creates an owner-like custom role and a key holding it.
    expect((await createRole(owner, 'super', ALL_MANAGEMENT)).status).toBe(201);
    const superKey = await api.createKey(owner, ['super'], 'super key');

    // The rule holds over HTTP in the container that made the change:
    expectProblem(
      await api.request('POST', keyPath(superKey.appKey, '/token/renew'), {
        as: keyAdmin,
        body: { deleteOldToken: 'now' },
      }),
      'forbidden',
    );

    // In container B, renewal judges the target on B's cached catalog, where 'super' is unknown and so
    // carries no permission: the key-admin gets the super key's new token.
    const caller = await authenticate(b.identities, keyAdmin.appKey, keyAdmin.token);
    let stolen: string | null = null;
    try {
      stolen = (await b.renewal.renew(caller, superKey.appKey, 'now')).token;
    } catch (error) {
      expect(error).toMatchObject({ code: 'forbidden' });
    }
    // (Every other change in B reads the catalog afresh and is refused; note it also refreshes
    // B's cache, which is why this control runs after the renewal.)
    await expect(b.keyEditing.setActive(caller, superKey.appKey, false)).rejects.toMatchObject({
      code: 'forbidden',
    });
    if (stolen) {
      // Show the escalation end to end: the key-admin now acts with roles:edit.
      const asSuper = { appKey: superKey.appKey, token: stolen };
      const made = await createRole(asSuper, 'escalated', ['roles:edit']);
      expect({ stolen: true, roleCreatedWithStolenToken: made.status }).toEqual({ stolen: false });
    }
  });

  it('PROBE 2: the Location of a new role is readable (GET /v1/roles/{id}) from another container', async () => {
    const owner = await api.bootstrap('probeloc');
    const b = containerB();
    // B (the get-role function) has served one GET of the account's roles.
    expect((await b.roleService.list('probeloc')).length).toBe(7);
    const made = await createRole(owner, 'fresh-role', ['x:y']);
    expect(made.status).toBe(201);
    const seenByB = (await b.roleService.list('probeloc')).map((r) => r.id);
    expect(seenByB).toContain('fresh-role');
  });
  it('PROBE 3: a leak report judged on a stale role cache leaves a deactivated custom-role admin in the admin-key set, so the last real admin can then be deleted', async () => {
    const owner = await api.bootstrap('probeleak');
    expect((await createRole(owner, 'ops', ['ops:run'])).status).toBe(201);
    const ops = await api.createKey(owner, ['ops'], 'ops key');
    const b = containerB(); // the report-leaks function's container
    expect((await b.identities.identify(ops.appKey, ops.token)).valid).toBe(true);

    expect((await createRole(owner, 'editor', ['keys:view', 'keys:edit'])).status).toBe(201);
    const editor = await api.createKey(owner, ['editor'], 'editor key');
    const [label] = await b.leaks.report(
      [{ token: editor.token, type: 'apikeys_token', url: 'https://example.com/leak', source: 'content' }],
      NO_ORIGIN,
    );
    expect(label!.label).toBe('true_positive');
    const after = await api.request('GET', keyPath(editor.appKey), { as: owner });
    expect(after.body.status).toBe('inactive');

    // The owner is now the only active key with keys:edit: deleting it must be 409 last-admin-key.
    const reply = await api.request('DELETE', keyPath(owner.appKey, '?confirm=true'), { as: owner });
    expectProblem(reply, 'last-admin-key');
  });
  it('CONTROL for probe 3: the same leak in the container that made the role (fresh cache) keeps the rule (passes)', async () => {
    const owner = await api.bootstrap('probeleakok');
    expect((await createRole(owner, 'editor', ['keys:view', 'keys:edit'])).status).toBe(201);
    const editor = await api.createKey(owner, ['editor'], 'editor key');
    await api.services.leaks.report(
      [{ token: editor.token, type: 'apikeys_token', url: 'https://example.com/leak', source: 'content' }],
      NO_ORIGIN,
    );
    expectProblem(
      await api.request('DELETE', keyPath(owner.appKey, '?confirm=true'), { as: owner }),
      'last-admin-key',
    );
  });
  it('PROBE 4: a grant removed in this process is refused at once, even if a verification read it just before the removal', async () => {
    const owner = await api.bootstrap('probegrant');
    const partnerOwner = await api.bootstrap('probegrantp');
    let hold: { reached: () => void; released: Promise<void> } | null = null;
    const inner = api.services.access;
    const access = Object.assign(Object.create(inner), {
      getGrant: async (account: string, appKey: string) => {
        const grant = await inner.getGrant(account, appKey);
        const h = hold;
        if (h) {
          hold = null;
          h.reached();
          await h.released;
        }
        return grant;
      },
    });
    const b = createServices(api.services.config, { ...(api.services as unknown as Adapters), access });
    const caller = await authenticate(b.identities, owner.appKey, owner.token);
    await b.externalKeys.add(caller, { appKey: partnerOwner.appKey, roles: ['catalog-read'] });

    let release!: () => void;
    let reached!: () => void;
    const atRead = new Promise<void>((r) => (reached = r));
    hold = { reached, released: new Promise<void>((r) => (release = r)) };
    const inFlight = b.identities.identify(partnerOwner.appKey, partnerOwner.token, 'probegrant');
    await atRead; // the verification has read the (still active) grant
    await b.externalKeys.remove(caller, partnerOwner.appKey, true);
    release();
    expect((await inFlight).valid).toBe(true); // fine: it started before the removal
    const next = await b.identities.identify(partnerOwner.appKey, partnerOwner.token, 'probegrant');
    expect(next).toMatchObject({ valid: false, reason: 'not-granted' });
  });
  it('PROBE 5: a key demoted from a role, which is then given management permissions, never acts with them (key cache and role cache disagree)', async () => {
    const owner = await api.bootstrap('probedemote');
    expect((await createRole(owner, 'helper', ['help:run'])).status).toBe(201);
    expect((await createRole(owner, 'other', ['other:run'])).status).toBe(201);
    const k = await api.createKey(owner, ['helper'], 'demoted later');
    const o = await api.createKey(owner, ['other'], 'someone else');
    const b = containerB();
    // t0: B verifies another key with a custom role (the catalog is cached until t0+60 s)...
    expect((await b.identities.identify(o.appKey, o.token)).valid).toBe(true);
    api.services.clock.advanceMs(50_000);
    // ...t0+50 s: and K (K's verification is cached until t0+110 s).
    expect((await b.identities.identify(k.appKey, k.token)).valid).toBe(true);

    // The owner takes 'helper' from K; nothing holds it any more, but K may still be cached with it
    // elsewhere, so its management permissions stay frozen for a while (409 role-in-use).
    expect((await api.request('PATCH', keyPath(k.appKey), { as: owner, body: { roles: [] } })).status).toBe(
      200,
    );
    const body = { name: 'helper', description: '', permissions: ['help:run', 'keys:view', 'keys:edit'] };
    const early = await api.request('PUT', '/v1/roles/helper', { as: owner, body });
    expect(early.status).toBe(409);
    expect(early.body.type).toMatch(/role-in-use$/);

    // t0+65 s, in B: the catalog is read again, K's cached verification still says 'helper'.
    api.services.clock.advanceMs(15_000);
    expect((await authenticate(b.identities, k.appKey, k.token)).permissions).not.toContain('keys:edit');

    // Once no cache can remember K with the role, the change goes through, and K never gets it.
    api.services.clock.advanceMs(51_000);
    expect((await api.request('PUT', '/v1/roles/helper', { as: owner, body })).status).toBe(200);
    expect((await authenticate(b.identities, k.appKey, k.token)).permissions).not.toContain('keys:edit');
  });
  it('PROBE 5b: a key demoted from a role that is then deleted and created again, with management permissions, never acts with them', async () => {
    const owner = await api.bootstrap('probereborn');
    expect((await createRole(owner, 'helper', ['help:run'])).status).toBe(201);
    expect((await createRole(owner, 'other', ['other:run'])).status).toBe(201);
    const k = await api.createKey(owner, ['helper'], 'demoted later');
    const o = await api.createKey(owner, ['other'], 'someone else');
    const b = containerB();
    // t0: B caches the catalog (until t0+60 s); t0+50 s: B caches K's verification, with 'helper'.
    expect((await b.identities.identify(o.appKey, o.token)).valid).toBe(true);
    api.services.clock.advanceMs(50_000);
    expect((await b.identities.identify(k.appKey, k.token)).valid).toBe(true);

    // K loses 'helper', which nothing holds any more: it may be deleted at once, and its id used
    // again for a role with management permissions (no quarantine guards a new role).
    expect((await api.request('PATCH', keyPath(k.appKey), { as: owner, body: { roles: [] } })).status).toBe(
      200,
    );
    expect((await api.request('DELETE', '/v1/roles/helper?confirm=true', { as: owner })).status).toBe(204);
    expect((await createRole(owner, 'helper', ['help:run', 'keys:view', 'keys:edit'])).status).toBe(201);

    // t0+65 s, in B: the new catalog is read, K's cached verification still names 'helper'; the
    // 'helper' it was given is gone, and the new one was never given to it.
    api.services.clock.advanceMs(15_000);
    const caller = await authenticate(b.identities, k.appKey, k.token);
    expect(caller.permissions).toEqual([]);
    expect(caller.roles).toEqual([]);
    // A key given the new role holds it, in B too.
    const fresh = await api.createKey(owner, ['helper'], 'given the new one');
    expect((await authenticate(b.identities, fresh.appKey, fresh.token)).permissions).toEqual([
      'help:run',
      'keys:edit',
      'keys:view',
    ]);
  });
  it('PROBE 6: POST /v1/keys commits on a catalog it never judged (a role redefined between the two reads of one request)', async () => {
    const owner = await api.bootstrap('probetwice');
    const keyAdmin = await api.createKey(owner, ['key-admin'], 'key admin');
    expect((await createRole(owner, 'shop', ['shop:read'])).status).toBe(201);
    const inner = api.services.access;
    let armed = false;
    let calls = 0;
    let reached!: () => void;
    let release!: () => void;
    const atSecondRead = new Promise<void>((r) => (reached = r));
    const released = new Promise<void>((r) => (release = r));
    const access = Object.assign(Object.create(inner), {
      getCatalog: async (account: string) => {
        if (armed && ++calls === 2) {
          reached();
          await released;
        }
        return inner.getCatalog(account);
      },
    });
    const b = createServices(api.services.config, { ...(api.services as unknown as Adapters), access });
    const caller = await authenticate(b.identities, keyAdmin.appKey, keyAdmin.token);
    armed = true;
    // Judged on 'shop' = [shop:read]: the key-admin may grant it.
    const creating = b.keyCreation.create(caller, { name: 'new', roles: ['shop'] });
    await atSecondRead;
    // Meanwhile the owner gives the (unheld) role roles:edit, which the key-admin lacks.
    const put = await api.request('PUT', '/v1/roles/shop', {
      as: owner,
      body: { name: 'shop', description: '', permissions: ['shop:read', 'roles:edit'] },
    });
    expect(put.status).toBe(200);
    release();
    let outcome: string;
    try {
      const made = await creating;
      const v = await api.request('POST', '/v1/verify', {
        body: { appKey: made.key.appKey, appToken: made.token },
      });
      outcome = `created a key with ${v.body.permissions}`;
    } catch (error) {
      outcome = (error as { code?: string }).code ?? String(error);
    }
    expect(outcome).toBe('forbidden');
  });
  it('PROBE 7: a role changed in this process reaches its holders at once, even if a verification read the catalog just before the change', async () => {
    const owner = await api.bootstrap('proberace');
    expect((await createRole(owner, 'pay', ['pay:refund', 'pay:read'])).status).toBe(201);
    const k = await api.createKey(owner, ['pay'], 'holder');
    const inner = api.services.access;
    let hold: { reached: () => void; released: Promise<void> } | null = null;
    const access = Object.assign(Object.create(inner), {
      getCatalog: async (account: string) => {
        const catalog = await inner.getCatalog(account);
        const h = hold;
        if (h) {
          hold = null;
          h.reached();
          await h.released;
        }
        return catalog;
      },
    });
    const b = createServices(api.services.config, { ...(api.services as unknown as Adapters), access });
    const caller = await authenticate(b.identities, owner.appKey, owner.token);
    let reached!: () => void;
    let release!: () => void;
    const atRead = new Promise<void>((r) => (reached = r));
    hold = { reached, released: new Promise<void>((r) => (release = r)) };
    const inFlight = b.identities.identify(k.appKey, k.token);
    await atRead;
    // Incident response: take pay:refund away from the role, in this very process.
    await b.roleService.replace(caller, 'pay', { name: 'pay', description: '', permissions: ['pay:read'] });
    release();
    await inFlight;
    const next = await b.identities.identify(k.appKey, k.token);
    expect(next.valid && next.permissions).toEqual(['pay:read']);
  });
});
