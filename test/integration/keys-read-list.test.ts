// GET /v1/keys/{appKey} and GET /v1/keys: one key, and pages of keys with search and filters.
import { TestApi, type Credentials } from '../helpers/api';
import {
  DAY_MS,
  ISO_MS,
  T0,
  absentAppKey,
  getKey,
  iso,
  expectFieldError,
  expectProblem,
  keyPath,
  listAll,
  issueKey,
} from './support';

describe('reading and listing keys', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());
  afterEach(() => api.services.clock.set(T0));

  /** Creates keys one second apart (so "newest first" is well defined); returns their appKeys. */
  async function createSpaced(owner: Credentials, names: string[], roles: string[] = []): Promise<string[]> {
    const appKeys: string[] = [];
    for (const name of names) {
      api.services.clock.advanceMs(1_000);
      appKeys.push((await issueKey(api, owner, roles, name)).appKey);
    }
    return appKeys;
  }

  describe('GET /v1/keys/{appKey}', () => {
    it('returns the key with its version as ETag and no secret', async () => {
      const owner = await api.bootstrap('readone');
      const created = await api.request('POST', '/v1/keys', {
        as: owner,
        body: { name: 'Reader', roles: ['catalog-read'] },
      });
      const { appKey } = created.body.key;

      const reply = await api.request('GET', keyPath(appKey), { as: owner });

      expect(reply.status).toBe(200);
      expect(reply.headers.get('etag')).toBe('"1"');
      expect(reply.body).toEqual(created.body.key);
      expect(reply.body).not.toHaveProperty('token');
      expect(reply.text).not.toContain(created.body.token);
    });

    it('follows the version in the ETag after a change', async () => {
      const owner = await api.bootstrap('readetag');
      const { appKey } = await issueKey(api, owner, []);
      await api.request('PATCH', keyPath(appKey), { as: owner, body: { name: 'renamed' } });

      const reply = await api.request('GET', keyPath(appKey), { as: owner });

      expect(reply.body.version).toBe(2);
      expect(reply.headers.get('etag')).toBe('"2"');
    });

    it('is 404 not-found for a key that does not exist', async () => {
      const owner = await api.bootstrap('readmissing');

      const reply = await api.request('GET', keyPath(absentAppKey('readmissing')), { as: owner });

      expectProblem(reply, 'not-found');
    });

    it('records the last successful authentication in lastUsedAt, without a new version', async () => {
      const owner = await api.bootstrap('readlastused');
      const target = await issueKey(api, owner, ['key-viewer']);
      api.services.clock.advanceMs(90_000);

      expect((await api.request('GET', '/v1/keys', { as: target })).status).toBe(200);

      // Recorded off the response path: give it a few reads to land.
      let key = await getKey(api, owner, target.appKey);
      for (let i = 0; i < 20 && key.lastUsedAt === null; i++) key = await getKey(api, owner, target.appKey);
      expect(key).toMatchObject({ lastUsedAt: iso(T0 + 90_000), version: 1 });
      // A later change keeps it.
      const renamed = await api.request('PATCH', keyPath(target.appKey), {
        as: owner,
        body: { name: 'renamed' },
        headers: { 'if-match': '"1"' },
      });
      expect(renamed.body).toMatchObject({ version: 2, lastUsedAt: iso(T0 + 90_000) });
    });

    it('is readable with keys:view only, forbidden without it, 401 without credentials', async () => {
      const owner = await api.bootstrap('readperm');
      const viewer = await issueKey(api, owner, ['key-viewer']);
      const catalog = await issueKey(api, owner, ['catalog-read']);

      const asViewer = await api.request('GET', keyPath(owner.appKey), { as: viewer });
      const asCatalog = await api.request('GET', keyPath(owner.appKey), { as: catalog });
      const anonymous = await api.request('GET', keyPath(owner.appKey));

      expect(asViewer.status).toBe(200);
      expectProblem(asCatalog, 'forbidden');
      expectProblem(anonymous, 'unauthorized');
    });
  });

  describe('GET /v1/keys', () => {
    it('returns a page { items, nextCursor } of every key, newest first, without tokens', async () => {
      const owner = await api.bootstrap('listorder');
      const created = await createSpaced(owner, ['first', 'second', 'third']);

      const reply = await api.request('GET', '/v1/keys', { as: owner });

      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ items: expect.any(Array), nextCursor: null });
      expect(reply.body.items.map((k: any) => k.appKey)).toEqual([...created.reverse(), owner.appKey]);
      const createdAts = reply.body.items.map((k: any) => k.createdAt);
      expect([...createdAts].sort().reverse()).toEqual(createdAts);
      for (const key of reply.body.items) {
        expect(key.createdAt).toMatch(ISO_MS);
        expect(
          key.tokens.every((t: any) => Object.keys(t).sort().join() === 'createdAt,expiresAt,id,state'),
        ).toBe(true);
      }
      expect(reply.text).not.toMatch(/apt_[0-9A-Za-z]{49}/);
      expect(reply.text).not.toContain(owner.token);
    });

    it('pages through 7 keys with limit 3: newest first, no duplicates, no gaps', async () => {
      const owner = await api.bootstrap('listpages');
      const created = await createSpaced(owner, ['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7']);
      const expected = [...created].reverse().concat(owner.appKey);

      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const path: string = `/v1/keys?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const reply = await api.request('GET', path, { as: owner });
        expect(reply.status).toBe(200);
        pages.push(reply.body.items.map((k: any) => k.appKey));
        cursor = reply.body.nextCursor;
        expect(pages.length).toBeLessThanOrEqual(4);
      } while (cursor);

      expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
      expect(pages.flat()).toEqual(expected);
      expect(new Set(pages.flat()).size).toBe(8);
    });

    it('ends with nextCursor null when the last page is exactly full', async () => {
      const owner = await api.bootstrap('listexact');
      await createSpaced(owner, ['a', 'b', 'c']);

      const first = await api.request('GET', '/v1/keys?limit=2', { as: owner });
      const second = await api.request(
        'GET',
        `/v1/keys?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
        { as: owner },
      );

      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      expect(second.body.items).toHaveLength(2);
      // Either no cursor, or a cursor to an empty last page: never a key twice.
      if (second.body.nextCursor !== null) {
        const third = await api.request(
          'GET',
          `/v1/keys?limit=2&cursor=${encodeURIComponent(second.body.nextCursor)}`,
          { as: owner },
        );
        expect(third.body).toEqual({ items: [], nextCursor: null });
      }
    });

    it('resumes correctly from a cursor whose last key was deleted in between', async () => {
      const owner = await api.bootstrap('listdeleted');
      const created = await createSpaced(owner, ['k1', 'k2', 'k3', 'k4', 'k5']);
      const first = await api.request('GET', '/v1/keys?limit=2', { as: owner });
      const lastSeen = first.body.items[1].appKey;
      await api.request('DELETE', keyPath(lastSeen) + '?confirm=true', { as: owner });

      const rest: string[] = [];
      let cursor: string | null = first.body.nextCursor;
      while (cursor && rest.length < 10) {
        const page = await api.request('GET', `/v1/keys?limit=2&cursor=${encodeURIComponent(cursor)}`, {
          as: owner,
        });
        expect(page.status).toBe(200);
        rest.push(...page.body.items.map((k: any) => k.appKey));
        cursor = page.body.nextCursor;
      }

      expect(rest).toEqual([...created].reverse().concat(owner.appKey).slice(2));
    });

    it('defaults to 50 items per page and accepts up to 100', async () => {
      const owner = await api.bootstrap('listdefault');
      for (let batch = 0; batch < 2; batch++) {
        await Promise.all(
          Array.from({ length: 25 }, (_, i) => issueKey(api, owner, [], `bulk ${batch}-${i}`)),
        );
      }

      const byDefault = await api.request('GET', '/v1/keys', { as: owner });
      const hundred = await api.request('GET', '/v1/keys?limit=100', { as: owner });

      expect(byDefault.body.items).toHaveLength(50);
      expect(byDefault.body.nextCursor).toEqual(expect.any(String));
      expect(hundred.body.items).toHaveLength(51);
      expect(hundred.body.nextCursor).toBeNull();
    });

    it('searches names and appKeys case-insensitively, as a substring', async () => {
      const owner = await api.bootstrap('listsearch');
      const [billing, sync, shop] = await createSpaced(owner, ['Billing ERP', 'erp-sync', 'Shop frontend']);

      const search = async (text: string): Promise<string[]> =>
        (await listAll(api, owner, `search=${encodeURIComponent(text)}`)).map((k) => k.appKey);

      expect((await search('ERP')).sort()).toEqual([billing, sync].sort());
      expect((await search('eRp')).sort()).toEqual([billing, sync].sort());
      expect(await search('FRONT')).toEqual([shop]);
      expect(await search(shop!.slice(-12).toLowerCase())).toEqual([shop]);
      expect(await search(sync!.slice(-8))).toEqual([sync]);
      expect(await search('nothing like this')).toEqual([]);
      // Taken literally, not as a pattern.
      expect(await search('.*')).toEqual([]);
      expect(await search('(')).toEqual([]);
      expect(await search('%')).toEqual([]);
    });

    it('searches accent-insensitively too (API.md 1.1): integracao finds Integração', async () => {
      const owner = await api.bootstrap('listaccents');
      const [integration, cafe] = await createSpaced(owner, ['Integração ERP', 'Café São Paulo']);
      const search = async (text: string): Promise<string[]> =>
        (await listAll(api, owner, `search=${encodeURIComponent(text)}`)).map((k) => k.appKey);

      expect(await search('integracao')).toEqual([integration]);
      expect(await search('INTEGRAÇÃO')).toEqual([integration]);
      expect(await search('sao paulo')).toEqual([cafe]);
      expect(await search('integrador')).toEqual([]);
    });

    it('filters by status', async () => {
      const owner = await api.bootstrap('liststatus');
      const [on, off] = await createSpaced(owner, ['on', 'off']);
      await api.request('POST', keyPath(off!, '/deactivate'), { as: owner });

      const inactive = await listAll(api, owner, 'status=inactive');
      const active = await listAll(api, owner, 'status=active');

      expect(inactive.map((k) => k.appKey)).toEqual([off]);
      expect(active.map((k) => k.appKey).sort()).toEqual([on, owner.appKey].sort());
      expectFieldError(await api.request('GET', '/v1/keys?status=deleted', { as: owner }), 'status');
    });

    it('filters by alert, computed at read time from the newest token and the settings', async () => {
      const owner = await api.bootstrap('listalert');
      const clock = api.services.clock;
      // Tokens last 90 days and warn 14 days ahead; seen from T0:
      clock.set(T0 - 200 * DAY_MS);
      const critical = (await issueKey(api, owner, [], 'expired long ago')).appKey; // expired 110 days ago
      clock.set(T0 - 95 * DAY_MS);
      const expired = (await issueKey(api, owner, [], 'expired')).appKey; // expired 5 days ago
      clock.set(T0 - 80 * DAY_MS);
      const expiring = (await issueKey(api, owner, [], 'expiring')).appKey; // expires in 10 days
      clock.set(T0);
      const fresh = (await issueKey(api, owner, [], 'fresh')).appKey;

      const byAlert = async (alert: string): Promise<string[]> =>
        (await listAll(api, owner, `alert=${alert}`)).map((k) => k.appKey).sort();

      expect(await byAlert('expired-critical')).toEqual([critical]);
      expect(await byAlert('expired')).toEqual([expired]);
      expect(await byAlert('expiring')).toEqual([expiring]);
      expect(await byAlert('none')).toEqual([fresh, owner.appKey].sort());
      const all = await listAll(api, owner);
      expect(Object.fromEntries(all.map((k) => [k.appKey, k.alert]))).toEqual({
        [critical!]: 'expired-critical',
        [expired!]: 'expired',
        [expiring!]: 'expiring',
        [fresh!]: 'none',
        [owner.appKey]: 'none',
      });

      // The clock moves: 5 more days make the expiring key expired.
      clock.advanceDays(10);
      expect(await byAlert('expired')).toEqual([expired, expiring].sort());
    });

    it('follows the warning period of the settings for the expiring alert', async () => {
      const owner = await api.bootstrap('listwarning');
      api.services.clock.set(T0 - 70 * DAY_MS);
      const key = (await issueKey(api, owner, [], 'expires in 20 days')).appKey;
      api.services.clock.set(T0);
      expect((await listAll(api, owner, 'alert=expiring')).map((k) => k.appKey)).toEqual([]);

      await api.request('PUT', '/v1/settings', {
        as: owner,
        body: { tokenDurationDays: 90, expiryWarningDays: 30, enforceExpiry: true },
      });

      expect((await listAll(api, owner, 'alert=expiring')).map((k) => k.appKey)).toEqual([key]);
    });

    it('combines search, status and alert', async () => {
      const owner = await api.bootstrap('listcombined');
      const [a, b] = await createSpaced(owner, ['alpha one', 'alpha two', 'beta']);
      await api.request('POST', keyPath(b!, '/deactivate'), { as: owner });

      const items = await listAll(api, owner, 'search=ALPHA&status=active&alert=none');

      expect(items.map((k) => k.appKey)).toEqual([a]);
    });

    it('pages through filtered results without duplicates or gaps', async () => {
      const owner = await api.bootstrap('listfilterpages');
      const names = Array.from({ length: 7 }, (_, i) => (i % 2 === 0 ? `match ${i}` : `other ${i}`));
      const created = await createSpaced(owner, names);
      const matches = created.filter((_, i) => i % 2 === 0).reverse();

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const path: string = `/v1/keys?search=match&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const reply = await api.request('GET', path, { as: owner });
        expect(reply.status).toBe(200);
        seen.push(...reply.body.items.map((k: any) => k.appKey));
        cursor = reply.body.nextCursor;
      } while (cursor && seen.length < 10);

      expect(seen).toEqual(matches);
    });

    it.each([
      ['a garbage cursor', 'cursor=garbage', 'cursor'],
      [
        'a cursor of another shape',
        `cursor=${Buffer.from('{"v":1,"after":"x"}').toString('base64url')}`,
        'cursor',
      ],
      ['limit=0', 'limit=0', 'limit'],
      ['limit=101', 'limit=101', 'limit'],
      ['limit=abc', 'limit=abc', 'limit'],
      ['an unknown alert', 'alert=red', 'alert'],
      ['an unknown parameter', 'sort=name', 'sort'],
    ])('rejects %s with 400', async (_case, query, path) => {
      const owner = await api.bootstrap('listbadquery');

      const reply = await api.request('GET', `/v1/keys?${query}`, { as: owner });

      expectFieldError(reply, path);
    });

    it('is forbidden without keys:view and 401 without credentials', async () => {
      const owner = await api.bootstrap('listperm');
      const orders = await issueKey(api, owner, ['orders-write']);

      expectProblem(await api.request('GET', '/v1/keys', { as: orders }), 'forbidden');
      expectProblem(await api.request('GET', '/v1/keys'), 'unauthorized');
    });
  });
});
