// Racing requests and retried requests: optimistic concurrency (409/412) and Idempotency-Key replay.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { TestApi, type Credentials } from '../helpers/api';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { testEndpoint } from '../helpers/services';
import { readBarrier } from '../helpers/read-barrier';
import { DAY_MS, T0, expectProblem, getKey, keyPath, listAll, stateOf, verify, issueKey } from './support';

describe('concurrency and idempotency', () => {
  let api: TestApi;
  const barrier = readBarrier();
  beforeAll(async () => {
    api = await TestApi.start({ keys: (inner) => barrier.wrap(inner, 'getKey') });
  });
  afterAll(() => api.stop());
  afterEach(() => api.services.clock.set(T0));

  const renew = (as: Credentials, appKey: string, body?: unknown, headers?: Record<string, string>) =>
    api.request('POST', keyPath(appKey, '/token/renew'), { as, body, headers });
  const create = (as: Credentials, body: unknown, idempotencyKey?: string) =>
    api.request('POST', '/v1/keys', {
      as,
      body,
      headers: idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey },
    });

  describe('parallel renewals of one key', () => {
    it.each([2, 3, 5])(
      '%i at once: exactly one 200, the others 409; only the winner and the old token work',
      async (n) => {
        const owner = await api.bootstrap(`racerenew${n}`);
        const target = await issueKey(api, owner, ['catalog-read']);
        barrier.arm(target.appKey, n);

        const replies = await Promise.all(Array.from({ length: n }, () => renew(owner, target.appKey)));

        const winners = replies.filter((r) => r.status === 200);
        const losers = replies.filter((r) => r.status !== 200);
        expect(winners).toHaveLength(1);
        expect(losers.map((r) => r.status)).toEqual(Array(n - 1).fill(409));
        for (const loser of losers) {
          // Whoever loses finds the winner's renewal pending.
          expectProblem(loser, 'renewal-pending');
          expect(loser.text).not.toMatch(/apt_[0-9A-Za-z]{49}/);
        }
        const winner = winners[0]!.body;
        const key = await getKey(api, owner, target.appKey);
        expect(key.version).toBe(2);
        expect(key.tokens.map((t: any) => t.id)).toEqual(winner.key.tokens.map((t: any) => t.id));
        expect(await verify(api, target.appKey, winner.token)).toMatchObject({ valid: true });
        expect(await verify(api, target.appKey, target.token)).toMatchObject({ valid: true });
      },
    );

    it('with deleteOldToken=now: exactly one 200, the others 409; only the winner token works', async () => {
      const owner = await api.bootstrap('racerenewnow');
      const target = await issueKey(api, owner, []);
      // Without the barrier, requests run one after the other on a loaded machine, and a renewal
      // that finds the previous one complete (old token already deleted) rightly succeeds.
      barrier.arm(target.appKey, 3);

      const replies = await Promise.all(
        Array.from({ length: 3 }, () => renew(owner, target.appKey, { deleteOldToken: 'now' })),
      );

      const winners = replies.filter((r) => r.status === 200);
      expect(winners).toHaveLength(1);
      const losers = replies.filter((r) => r.status !== 200);
      expect(losers.map((r) => r.status)).toEqual([409, 409]);
      for (const loser of losers)
        expect(loser.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await getKey(api, owner, target.appKey)).version).toBe(2);
      expect(await verify(api, target.appKey, winners[0]!.body.token)).toMatchObject({ valid: true });
      expect(await verify(api, target.appKey, target.token)).toEqual({ valid: false, reason: 'invalid' });
    });
  });

  describe('If-Match', () => {
    it('two parallel PATCHes with the same If-Match: one 200, the other 412', async () => {
      const owner = await api.bootstrap('racepatch');
      const target = await issueKey(api, owner, [], 'start');

      const replies = await Promise.all(
        ['left', 'right'].map((name) =>
          api.request('PATCH', keyPath(target.appKey), {
            as: owner,
            body: { name },
            headers: { 'if-match': '"1"' },
          }),
        ),
      );

      const statuses = replies.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 412]);
      const winner = replies.find((r) => r.status === 200)!;
      expectProblem(
        replies.find((r) => r.status === 412)!,
        'precondition-failed',
      );
      const key = await getKey(api, owner, target.appKey);
      expect(key).toMatchObject({ name: winner.body.name, version: 2 });
    });

    it('a stale If-Match is 412 and changes nothing', async () => {
      const owner = await api.bootstrap('stalepatch');
      const target = await issueKey(api, owner, ['catalog-read'], 'v1');
      await api.request('PATCH', keyPath(target.appKey), { as: owner, body: { name: 'v2' } });
      const before = await getKey(api, owner, target.appKey);

      const reply = await api.request('PATCH', keyPath(target.appKey), {
        as: owner,
        body: { active: false, roles: [] },
        headers: { 'if-match': '"1"' },
      });

      expectProblem(reply, 'precondition-failed');
      expect(stateOf(await getKey(api, owner, target.appKey))).toEqual(stateOf(before));
    });

    it('parallel PATCHes without If-Match both apply, one after the other', async () => {
      const owner = await api.bootstrap('racepatchfree');
      const target = await issueKey(api, owner, []);

      const replies = await Promise.all([
        api.request('PATCH', keyPath(target.appKey), { as: owner, body: { name: 'renamed' } }),
        api.request('PATCH', keyPath(target.appKey), { as: owner, body: { roles: ['orders-read'] } }),
      ]);

      expect(replies.map((r) => r.status)).toEqual([200, 200]);
      expect(await getKey(api, owner, target.appKey)).toMatchObject({
        name: 'renamed',
        roles: ['orders-read'],
        version: 3,
      });
    });
  });

  describe('Idempotency-Key on POST /v1/keys', () => {
    it('a retry with the same body returns the first response (same key, same token) and creates nothing', async () => {
      const owner = await api.bootstrap('idemcreate');
      const body = { name: 'Once', roles: ['catalog-read'] };

      const first = await create(owner, body, 'create-once-1');
      api.services.clock.advanceMs(60_000);
      const retry = await create(owner, body, 'create-once-1');

      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('location')).toBe(first.headers.get('location'));
      expect(await listAll(api, owner)).toHaveLength(2);
      expect(await verify(api, first.body.key.appKey, retry.body.token)).toMatchObject({ valid: true });
    });

    it('the same header with a different body is 422 idempotency-mismatch and creates nothing', async () => {
      const owner = await api.bootstrap('idemmismatch');
      await create(owner, { name: 'Once' }, 'create-mismatch');

      const reply = await create(owner, { name: 'Other' }, 'create-mismatch');

      expectProblem(reply, 'idempotency-mismatch');
      expect(reply.text).not.toMatch(/apt_[0-9A-Za-z]{49}/);
      expect(await listAll(api, owner)).toHaveLength(2);
    });

    it('without the header, the same body creates a new key every time', async () => {
      const owner = await api.bootstrap('idemnone');

      const a = await create(owner, { name: 'same' });
      const b = await create(owner, { name: 'same' });

      expect(a.body.key.appKey).not.toBe(b.body.key.appKey);
      expect(await listAll(api, owner)).toHaveLength(3);
    });

    it('records are scoped to the caller key: the same header from another key creates a new key', async () => {
      const owner = await api.bootstrap('idemscope');
      const admin = await issueKey(api, owner, ['key-admin']);
      const body = { name: 'Scoped' };

      const fromOwner = await create(owner, body, 'shared-header');
      const fromAdmin = await create(admin, body, 'shared-header');

      expect(fromAdmin.status).toBe(201);
      expect(fromAdmin.body.key.appKey).not.toBe(fromOwner.body.key.appKey);
      expect(fromAdmin.body.token).not.toBe(fromOwner.body.token);
      expect(await listAll(api, owner)).toHaveLength(4);
    });

    it('records are scoped to the account: the same header in another account creates a new key', async () => {
      const a = await api.bootstrap('idemaccta');
      const b = await api.bootstrap('idemacctb');

      const inA = await create(a, { name: 'x' }, 'cross-account');
      const inB = await create(b, { name: 'x' }, 'cross-account');

      expect(inB.status).toBe(201);
      expect(inB.body.key.account).toBe('idemacctb');
      expect(inB.body.key.appKey).not.toBe(inA.body.key.appKey);
    });

    it('a record is gone after 24 h: the same header then creates a new key', async () => {
      const owner = await api.bootstrap('idemexpiry');
      const first = await create(owner, { name: 'x' }, 'day-old');

      api.services.clock.advanceMs(24 * 3_600_000 - 1_000);
      const withinDay = await create(owner, { name: 'x' }, 'day-old');
      api.services.clock.advanceMs(2_000);
      const afterDay = await create(owner, { name: 'x' }, 'day-old');

      expect(withinDay.body.key.appKey).toBe(first.body.key.appKey);
      expect(afterDay.status).toBe(201);
      expect(afterDay.body.key.appKey).not.toBe(first.body.key.appKey);
    });

    it('parallel requests with the same header create one key and all get it', async () => {
      const owner = await api.bootstrap('idemrace');

      const replies = await Promise.all(
        Array.from({ length: 3 }, () => create(owner, { name: 'raced', roles: ['orders-read'] }, 'race-1')),
      );

      expect(replies.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(new Set(replies.map((r) => r.body.key.appKey)).size).toBe(1);
      expect(new Set(replies.map((r) => r.body.token)).size).toBe(1);
      expect(await listAll(api, owner)).toHaveLength(2);
    });

    it('accepts a header of 255 visible ASCII characters, and replays with it', async () => {
      const owner = await api.bootstrap('idemlong');
      const header = '!~' + 'k'.repeat(253);

      const first = await create(owner, { name: 'long' }, header);
      const retry = await create(owner, { name: 'long' }, header);
      const tooLong = await create(owner, { name: 'long' }, header + 'k');

      expect(first.status).toBe(201);
      expect(retry.body.key.appKey).toBe(first.body.key.appKey);
      expectProblem(tooLong, 'validation-error');
      expect(await listAll(api, owner)).toHaveLength(2);
    });

    it('the stored record holds no token in clear (nor does any other item of the account)', async () => {
      const owner = await api.bootstrap('idemsealed');
      const created = await create(owner, { name: 'sealed' }, 'sealed-1');
      const renewed = await renew(
        owner,
        created.body.key.appKey,
        { deleteOldToken: 'later' },
        { 'idempotency-key': 'sealed-2' },
      );
      const secrets = [created.body.token, renewed.body.token, owner.token];

      const db = createDocumentClient({ region: 'us-east-1', endpoint: testEndpoint() });
      const out = await db.send(
        new QueryCommand({
          TableName: api.services.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': 'ACCOUNT#idemsealed' },
          ConsistentRead: true,
        }),
      );
      db.destroy();

      const items = out.Items ?? [];
      const records = items.filter((item) => String(item.SK).startsWith('IDEM#'));
      expect(records).toHaveLength(2);
      const strings = items.flatMap((item) => allStrings(item));
      for (const secret of secrets) {
        const body = secret.slice(4, 47);
        expect(strings.filter((s) => s.includes(secret) || s.includes(body))).toEqual([]);
        // Not merely re-encoded either.
        const b64 = Buffer.from(secret).toString('base64');
        expect(strings.filter((s) => s.includes(b64))).toEqual([]);
      }
    });
  });

  describe('Idempotency-Key on POST /v1/keys/{appKey}/token/renew', () => {
    it('a retry returns the same token and renews only once (no renewal-pending)', async () => {
      const owner = await api.bootstrap('idemrenew');
      const target = await issueKey(api, owner, []);
      const headers = { 'idempotency-key': 'renew-1' };

      const first = await renew(owner, target.appKey, { deleteOldToken: 'later' }, headers);
      const retry = await renew(owner, target.appKey, { deleteOldToken: 'later' }, headers);

      expect(first.status).toBe(200);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      const key = await getKey(api, owner, target.appKey);
      expect(key.version).toBe(2);
      expect(key.tokens).toHaveLength(2);
      expect(await verify(api, target.appKey, first.body.token)).toMatchObject({ valid: true });
    });

    it('the same header with a different body is 422 and changes nothing', async () => {
      const owner = await api.bootstrap('idemrenewmismatch');
      const target = await issueKey(api, owner, []);
      const headers = { 'idempotency-key': 'renew-2' };
      const first = await renew(owner, target.appKey, { deleteOldToken: 'later' }, headers);
      const before = await getKey(api, owner, target.appKey);

      const reply = await renew(owner, target.appKey, { deleteOldToken: 'now' }, headers);

      expectProblem(reply, 'idempotency-mismatch');
      expect(stateOf(await getKey(api, owner, target.appKey))).toEqual(stateOf(before));
      expect(await verify(api, target.appKey, target.token)).toMatchObject({ valid: true });
      expect(await verify(api, target.appKey, first.body.token)).toMatchObject({ valid: true });
    });

    it('the same header from another key is a new request: it renews again', async () => {
      const owner = await api.bootstrap('idemrenewscope');
      const admin = await issueKey(api, owner, ['key-admin']);
      const target = await issueKey(api, owner, []);
      const headers = { 'idempotency-key': 'renew-3' };
      await renew(owner, target.appKey, { deleteOldToken: 'now' }, headers);

      const fromAdmin = await renew(admin, target.appKey, { deleteOldToken: 'now' }, headers);

      expect(fromAdmin.status).toBe(200);
      expect((await getKey(api, owner, target.appKey)).version).toBe(3);
    });

    it('a replay is not made after 24 h: the retry then renews again', async () => {
      const owner = await api.bootstrap('idemrenewexpiry');
      const target = await issueKey(api, owner, []);
      const headers = { 'idempotency-key': 'renew-4' };
      const first = await renew(owner, target.appKey, { deleteOldToken: 'now' }, headers);

      api.services.clock.advanceMs(DAY_MS + 1);
      const later = await renew(owner, target.appKey, { deleteOldToken: 'now' }, headers);

      expect(later.status).toBe(200);
      expect(later.body.token).not.toBe(first.body.token);
    });
  });
});

/** Every string inside a DynamoDB item (sets, lists and maps included). */
function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value instanceof Set || Array.isArray(value)) return [...value].flatMap(allStrings);
  if (value instanceof Uint8Array)
    return [Buffer.from(value).toString('utf8'), Buffer.from(value).toString('base64')];
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}
