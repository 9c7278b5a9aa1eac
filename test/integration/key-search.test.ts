// GET /v1/keys?search= through the account's search directory (issue 17): correct across directory
// shards and pages, kept in step with renames, status changes and deletes, an account from before
// the directory served the old way until its backfill, and what one search reads.
import { TestApi, type Credentials } from '../helpers/api';
import { countItemReads, type ItemReads } from '../helpers/counting';
import { seedKeys } from '../expiry/seed';
import { DynamoDbDirectoryBackfill } from '../../shared/adapters/dynamodb/directory-backfill';
import { DynamoDbKeyDirectory } from '../../shared/adapters/dynamodb/dynamodb-key-directory';
import { DAY_MS, T0, keyPath, listAll, issueKey } from './support';

const MINUTE_MS = 60_000;

describe('search through the directory', () => {
  let api: TestApi;
  let counter: { reads: ItemReads };
  beforeAll(async () => {
    api = await TestApi.start();
    counter = countItemReads(api.services.db);
  });
  afterAll(() => api.stop());
  afterEach(() => api.services.clock.set(T0));

  const search = async (owner: Credentials, query: string): Promise<string[]> =>
    (await listAll(api, owner, query)).map((k) => k.appKey);
  const backfill = (account: string) =>
    new DynamoDbDirectoryBackfill(api.services.db, api.services.tableName).account(account);
  const head = (account: string) =>
    new DynamoDbKeyDirectory(api.services.db, api.services.tableName).head(account);

  /** An account whose `count` keys predate the directory (no entries), plus its owner key. */
  async function legacyAccount(account: string, count: number): Promise<Credentials> {
    await seedKeys(
      api.services.db,
      api.services.tableName,
      [{ account, count, createdAt: (i) => T0 - (count - i) * MINUTE_MS }],
      T0,
    );
    return api.bootstrap(account);
  }

  it('serves an account from before the directory the old way until its backfill, then reads shards', async () => {
    const owner = await legacyAccount('legacy', 2_100);
    expect(await head('legacy')).toEqual({ open: 0, complete: false });
    counter.reads.sortKeys = [];
    await api.request('GET', '/v1/keys?search=key%2020&limit=100', { as: owner });
    // The incomplete head comes first and ends the directory read: the keys are paged instead.
    expect(counter.reads.sortKeys.filter((sk) => sk.startsWith('DIR'))[0]).toBe('DIRHEAD');
    expect(counter.reads.sortKeys.filter((sk) => sk.startsWith('KEY#')).length).toBeGreaterThan(100);
    const before = await search(owner, 'search=key%2020&limit=100');
    // "key 20" is a substring of key 20, key 200..209 and key 2000..2099.
    expect(before).toHaveLength(111);

    expect(await backfill('legacy')).toEqual({ keys: 2_101, written: 2_100 });
    expect(await head('legacy')).toEqual({ open: 2, complete: true });
    // Again: nothing left to write, and the directory stays as it is.
    expect(await backfill('legacy')).toEqual({ keys: 2_101, written: 0 });

    expect(await search(owner, 'search=key%2020&limit=100')).toEqual(before);
    counter.reads.sortKeys = [];
    const page = await api.request('GET', '/v1/keys?search=key%2020&limit=100', { as: owner });
    expect(page.body.items.map((k: { appKey: string }) => k.appKey)).toEqual(before.slice(0, 100));
    // The directory (head + 3 shards) and the page's 100 keys were read: no other key item.
    expect(counter.reads.sortKeys.filter((sk) => sk.startsWith('DIR'))).toHaveLength(4);
    expect(counter.reads.sortKeys.filter((sk) => sk.startsWith('KEY#'))).toHaveLength(100);
  }, 90_000);

  it('pages newest first across shards with a cursor, each match exactly once', async () => {
    const owner = await legacyAccount('pages', 2_100);
    await backfill('pages');
    const all = await search(owner, 'search=KEY%2019&limit=100');
    const paged = await search(owner, 'search=key%2019&limit=7');
    // key 19, 190..199 (shard 0), 1900..1998 (shard 1) and 1999 (shard 2: the backfill fills
    // shards oldest first, the owner key first of all): one more than 111 would be a duplicate.
    expect(paged).toHaveLength(111);
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged).toEqual(all);
    expect([...paged].sort().reverse()).toEqual(paged);
  }, 90_000);

  it('follows renames, status changes and deletes, also of backfilled keys, and new keys in a full shard', async () => {
    const owner = await legacyAccount('follow', 998);
    await backfill('follow');
    // Shard 0 holds 999 entries: one more fits, the rest go to a shard opened for them.
    const created: string[] = [];
    for (let i = 0; i < 3; i++) created.push((await issueKey(api, owner, [], `Añadida ${i}`)).appKey);
    expect(await head('follow')).toEqual({ open: 1, complete: true });
    expect((await search(owner, 'search=anadida')).sort()).toEqual([...created].sort());

    const [old] = await search(owner, 'search=key%20500&limit=1');
    await api.request('PATCH', keyPath(old!), { as: owner, body: { name: 'São Paulo ERP' } });
    await api.request('POST', keyPath(created[0]!, '/deactivate'), { as: owner });
    await api.request('DELETE', `${keyPath(created[1]!)}?confirm=true`, { as: owner });

    expect(await search(owner, 'search=key%20500')).toEqual([]);
    expect(await search(owner, 'search=sao%20paulo')).toEqual([old]);
    expect(await search(owner, 'search=anadida&status=inactive')).toEqual([created[0]]);
    expect(await search(owner, 'search=anadida&status=active')).toEqual([created[2]]);
    expect(await search(owner, `search=${created[1]!.slice(-10)}`)).toEqual([]);
  }, 60_000);

  it('matches any part of the appKey, the account name included, and combines with the alert filter', async () => {
    const owner = await api.bootstrap('alerts');
    const early = await issueKey(api, owner, [], 'Report job');
    api.services.clock.advanceMs(80 * DAY_MS);
    const late = await issueKey(api, owner, [], 'Report sync');
    // 85 days on: the first key's token (90 days) is within the 14-day warning, the second not.
    api.services.clock.advanceMs(5 * DAY_MS);

    expect(await search(owner, 'search=REPORT&alert=expiring')).toEqual([early.appKey]);
    expect(await search(owner, 'search=report&alert=none')).toEqual([late.appKey]);
    expect((await search(owner, 'search=apk-alerts-')).sort()).toEqual(
      [owner.appKey, early.appKey, late.appKey].sort(),
    );
    expect(await search(owner, 'search=apk-alerts-&limit=1&alert=expired')).toEqual([]);
  });
});
