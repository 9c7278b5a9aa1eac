// Leaked-token reports (API.md 1.1): a report signed by a trusted key cuts a live token at once;
// everything else is a false positive that changes nothing; a bad signature is 401 before anything
// is read; the answer never names an account or key; a race with a renewal leaves no leaked token.
import { createHash, createSign, generateKeyPairSync } from 'node:crypto';
import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { DynamoDbTokenReindex } from '../../shared/adapters/dynamodb/token-reindex';
import { tokenLookupKey } from '../../shared/adapters/dynamodb/token-lookup-item';
import type { UnitOfWork, Write } from '../../shared/ports/unit-of-work';
import { ReporterSignatures } from '../../shared/use-cases/leaks/reporter-signatures';
import { TestApi, type Credentials } from '../helpers/api';
import { testEndpoint } from '../helpers/services';
import {
  expectFieldError,
  expectProblem,
  getKey,
  issueKey,
  keyPath,
  stateOf,
  strangerToken,
  verify,
  withBadChecksum,
} from './support';

const KEY_ID = 'test-reporter-key';
const reporter = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const URL_FOUND = 'https://github.com/octocat/hello/blob/abc/config.js';

const sign = (body: string, key = reporter.privateKey): string =>
  createSign('SHA256').update(body).sign(key, 'base64');

/** Runs `beforeLeakCommit` once, just before the next leak report's unit of work is committed. */
let beforeLeakCommit: (() => Promise<void>) | null = null;
const racing = (inner: UnitOfWork): UnitOfWork => ({
  async commit(writes: readonly Write[]) {
    const isLeak = writes.some((w) => w.type === 'audit' && w.entry.action === 'token.leaked');
    if (isLeak && beforeLeakCommit) {
      const run = beforeLeakCommit;
      beforeLeakCommit = null;
      await run();
    }
    return inner.commit(writes);
  },
});

describe('leaked-token reports', () => {
  let api: TestApi;
  let owner: Credentials;

  beforeAll(async () => {
    api = await TestApi.start({ work: racing });
    api.services.reporterSignatures = new ReporterSignatures({
      [KEY_ID]: reporter.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
    owner = await api.bootstrap('leaks');
  });
  afterAll(() => api.stop());

  const item = (token: string) => ({ token, type: 'apikeys_token', url: URL_FOUND, source: 'content' });
  const report = (items: unknown[], headers?: Record<string, string>) => {
    const rawBody = JSON.stringify(items);
    return api.request('POST', '/v1/leaks', {
      rawBody,
      headers: headers ?? {
        'Github-Public-Key-Identifier': KEY_ID,
        'Github-Public-Key-Signature': sign(rawBody),
      },
    });
  };
  const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
  const leakEntries = async (appKey: string) => {
    const reply = await api.request('GET', `/v1/audit?appKey=${appKey}&action=token.leaked`, { as: owner });
    expect(reply.status).toBe(200);
    return reply.body.items as any[];
  };
  const leakEvents = (appKey: string) =>
    api.services.events.ofType('Token Leaked').filter((e) => e.detail.appKey === appKey);

  it('cuts a live token at once: key deactivated, leak recorded, one audit entry, one event', async () => {
    const target = await issueKey(api, owner, ['catalog-read']);
    expect((await verify(api, target.appKey, target.token)).valid).toBe(true);

    const reply = await report([item(target.token)]);

    expect(reply.status).toBe(200);
    expect(reply.body).toEqual([
      { token_hash: sha256(target.token), token_type: 'apikeys_token', label: 'true_positive' },
    ]);
    expect(await verify(api, target.appKey, target.token)).toEqual({ valid: false, reason: 'inactive' });
    const key = await getKey(api, owner, target.appKey);
    expect(key).toMatchObject({
      status: 'inactive',
      version: 2,
      leak: { reportedAt: expect.any(String), url: URL_FOUND, source: 'content' },
    });
    const entries = await leakEntries(target.appKey);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'token.leaked',
      actor: { type: 'leak-report', appKey: null },
      target: { type: 'key', id: target.appKey },
      changes: { status: { from: 'active', to: 'inactive' } },
    });
    expect(JSON.stringify(entries[0])).not.toContain(target.token);
    expect(leakEvents(target.appKey)).toHaveLength(1);
    expect(leakEvents(target.appKey)[0]!.detail).toMatchObject({ url: URL_FOUND, outcome: 'deactivated' });
  });

  it("cuts the token of the account's only admin key too (the operator then bootstraps a new owner)", async () => {
    const lone = await api.bootstrap('leaklone');
    const reply = await report([item(lone.token)]);
    expect(reply.status).toBe(200);
    expect(reply.body[0].label).toBe('true_positive');
    expect(await verify(api, lone.appKey, lone.token)).toEqual({ valid: false, reason: 'inactive' });
    // The way back: bootstrap (the operator's storage credentials) mints a new owner key.
    const fresh = await api.bootstrap('leaklone');
    expect((await verify(api, fresh.appKey, fresh.token)).valid).toBe(true);
  });

  it('finishes the renewal when the old token of a pending renewal leaks; the new token keeps working', async () => {
    const target = await issueKey(api, owner, ['catalog-read']);
    const renewed = await api.request('POST', keyPath(target.appKey, '/token/renew'), {
      as: owner,
      body: { deleteOldToken: 'later' },
    });
    expect(renewed.status).toBe(200);
    const newToken: string = renewed.body.token;

    const reply = await report([item(target.token)]);

    expect(reply.body[0].label).toBe('true_positive');
    expect((await verify(api, target.appKey, target.token)).valid).toBe(false);
    expect((await verify(api, target.appKey, newToken)).valid).toBe(true);
    const key = await getKey(api, owner, target.appKey);
    expect(key).toMatchObject({ status: 'active', renewal: null, leak: { url: URL_FOUND } });
    expect(key.tokens).toHaveLength(1);
    expect(await leakEntries(target.appKey)).toHaveLength(1);
    expect(leakEvents(target.appKey)[0]!.detail).toMatchObject({ outcome: 'renewal-finished' });
  });

  it('a second token of an already cut key is recorded too, and no reported token comes back', async () => {
    // Token A leaks: the key is cut. The operator renews (later), and token B leaks too.
    const target = await issueKey(api, owner, ['catalog-read'], 'leaks twice');
    expect((await report([item(target.token)])).body[0].label).toBe('true_positive');
    const renewed = await api.request('POST', keyPath(target.appKey, '/token/renew'), { as: owner });
    const tokenB = renewed.body.token as string;
    expect((await report([item(tokenB)])).body[0].label).toBe('true_positive');
    expect(await leakEntries(target.appKey)).toHaveLength(2);
    // Finishing the renewal removes A; the record of B's leak stays, and so does the cut.
    await api.request('POST', keyPath(target.appKey, '/token/finish-renewal'), { as: owner });
    expect((await getKey(api, owner, target.appKey)).leak).not.toBeNull();
  });

  it('undoing a renewal whose new token leaked drops that record, and a leak of the old token is cut', async () => {
    const target = await issueKey(api, owner, ['catalog-read'], 'undone leak');
    const renewed = await api.request('POST', keyPath(target.appKey, '/token/renew'), { as: owner });
    expect((await report([item(renewed.body.token)])).body[0].label).toBe('true_positive');
    await api.request('POST', keyPath(target.appKey, '/token/undo-renewal'), { as: owner });
    expect((await getKey(api, owner, target.appKey)).leak).toBeNull(); // its token is gone
    expect((await report([item(target.token)])).body[0].label).toBe('true_positive');
    expect((await getKey(api, owner, target.appKey)).leak).not.toBeNull();
  });

  it('labels unknown, malformed, revoked and deleted strings false_positive and changes nothing', async () => {
    const revoked = await issueKey(api, owner, []);
    const renewed = await api.request('POST', keyPath(revoked.appKey, '/token/renew'), {
      as: owner,
      body: { deleteOldToken: 'now' },
    });
    expect(renewed.status).toBe(200);
    const deleted = await issueKey(api, owner, []);
    expect(
      (await api.request('DELETE', keyPath(deleted.appKey, '?confirm=true'), { as: owner })).status,
    ).toBe(204);
    const reported = await issueKey(api, owner, []);
    expect((await report([item(reported.token)])).body[0].label).toBe('true_positive');
    // Another deployment's token: right format and checksum, but no key of ours holds it.
    const foreign = strangerToken();
    const before = stateOf(await getKey(api, owner, revoked.appKey));
    const reportedBefore = await getKey(api, owner, reported.appKey);
    const eventsBefore = api.services.events.published.length;
    const strings = [
      foreign,
      withBadChecksum(owner.token),
      'not a token at all',
      revoked.token,
      deleted.token,
      reported.token, // reported again: already cut
    ];

    const reply = await report(strings.map(item));

    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(
      strings.map((s) => ({ token_hash: sha256(s), token_type: 'apikeys_token', label: 'false_positive' })),
    );
    expect(stateOf(await getKey(api, owner, revoked.appKey))).toEqual(before);
    expect(await getKey(api, owner, reported.appKey)).toEqual(reportedBefore);
    expect(await leakEntries(reported.appKey)).toHaveLength(1);
    expect(api.services.events.published.length).toBe(eventsBefore);
    expect((await verify(api, owner.appKey, owner.token)).valid).toBe(true);
  });

  it('never names an account or a key, and labels every item in order (duplicates included)', async () => {
    const a = await issueKey(api, owner, [], 'tenant a');
    const otherOwner = await api.bootstrap('leaksother');
    const b = await issueKey(api, otherOwner, [], 'tenant b');

    const reply = await report([item(a.token), item(strangerToken()), item(b.token), item(a.token)]);

    expect(reply.body.map((r: any) => r.label)).toEqual([
      'true_positive',
      'false_positive',
      'true_positive',
      'true_positive',
    ]);
    for (const entry of reply.body)
      expect(Object.keys(entry).sort()).toEqual(['label', 'token_hash', 'token_type']);
    for (const secret of ['leaks', 'leaksother', a.appKey, b.appKey, 'apk-', a.token, b.token])
      expect(reply.text).not.toContain(secret);
    // Each key was cut in its own account, once.
    expect((await getKey(api, owner, a.appKey)).status).toBe('inactive');
    expect((await getKey(api, otherOwner, b.appKey)).status).toBe('inactive');
    expect(await leakEntries(a.appKey)).toHaveLength(1);
  });

  describe('signature', () => {
    let target: Credentials;
    let spies: jest.SpyInstance[];
    beforeAll(async () => {
      target = await issueKey(api, owner, []);
    });
    beforeEach(() => {
      spies = [
        jest.spyOn(api.services.tokenLookup, 'find'),
        jest.spyOn(api.services.keys, 'getKey'),
        jest.spyOn(api.services.hasher, 'mac'),
      ];
    });
    afterEach(() => spies.forEach((s) => s.mockRestore()));

    const body = () => JSON.stringify([item(target.token)]);
    const cases: Array<[string, () => Record<string, string>]> = [
      ['missing headers', () => ({})],
      ['missing signature', () => ({ 'Github-Public-Key-Identifier': KEY_ID })],
      [
        'unknown key id',
        () => ({ 'Github-Public-Key-Identifier': 'other', 'Github-Public-Key-Signature': sign(body()) }),
      ],
      [
        'signed by an untrusted key',
        () => ({
          'Github-Public-Key-Identifier': KEY_ID,
          'Github-Public-Key-Signature': sign(body(), stranger.privateKey),
        }),
      ],
      [
        'signature of another body',
        () => ({ 'Github-Public-Key-Identifier': KEY_ID, 'Github-Public-Key-Signature': sign(body() + ' ') }),
      ],
      [
        'garbage signature',
        () => ({
          'Github-Public-Key-Identifier': KEY_ID,
          'Github-Public-Key-Signature': 'bm90IGEgc2lnbmF0dXJl',
        }),
      ],
    ];
    it.each(cases)('%s: 401 and nothing read or changed', async (_, headers) => {
      const reply = await report([item(target.token)], headers());
      expectProblem(reply, 'unauthorized');
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
      expect((await verify(api, target.appKey, target.token)).valid).toBe(true);
    });

    it('a signed but malformed body is 400; 101 items are 400; nothing is read', async () => {
      const rawBody = '[{"token": 1}]';
      const malformed = await api.request('POST', '/v1/leaks', {
        rawBody,
        headers: { 'Github-Public-Key-Identifier': KEY_ID, 'Github-Public-Key-Signature': sign(rawBody) },
      });
      expectFieldError(malformed, '[0].token');
      const tooMany = await report(Array.from({ length: 101 }, () => item(target.token)));
      expectProblem(tooMany, 'validation-error');
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
      expect((await verify(api, target.appKey, target.token)).valid).toBe(true);
    });
  });

  it('takes the largest report the schema allows, and refuses a bigger body with 413', async () => {
    const big = (n: number) => ({
      token: 'x'.repeat(1000),
      type: 't'.repeat(200),
      url: 'https://example.test/' + 'u'.repeat(4096 - 21),
      source: 's'.repeat(100),
      n,
    });
    const largest = await report(Array.from({ length: 100 }, (_, i) => big(i)));
    expect(largest.status).toBe(200);
    const rawBody = 'x'.repeat(1_048_577);
    const tooLarge = await api.request('POST', '/v1/leaks', {
      rawBody,
      headers: { 'Github-Public-Key-Identifier': KEY_ID, 'Github-Public-Key-Signature': sign(rawBody) },
    });
    expect(tooLarge.status).toBe(413);
  });

  it('accepts exactly 100 items', async () => {
    const reply = await report(Array.from({ length: 100 }, () => item(strangerToken())));
    expect(reply.status).toBe(200);
    expect(reply.body).toHaveLength(100);
  });

  describe('racing a renewal', () => {
    it('a renewal committed between the report read and write: the leaked token is still cut', async () => {
      const target = await issueKey(api, owner, []);
      let newToken = '';
      beforeLeakCommit = async () => {
        const renewed = await api.request('POST', keyPath(target.appKey, '/token/renew'), {
          as: owner,
          body: { deleteOldToken: 'later' },
        });
        expect(renewed.status).toBe(200);
        newToken = renewed.body.token;
      };

      const reply = await report([item(target.token)]);

      expect(beforeLeakCommit).toBeNull();
      expect(reply.body[0].label).toBe('true_positive');
      expect((await verify(api, target.appKey, target.token)).valid).toBe(false);
      expect((await verify(api, target.appKey, newToken)).valid).toBe(true);
      expect(await getKey(api, owner, target.appKey)).toMatchObject({
        renewal: null,
        tokens: [expect.anything()],
      });
      expect(await leakEntries(target.appKey)).toHaveLength(1);
    });

    it('concurrent reports and renewals never leave a leaked token valid', async () => {
      for (let round = 0; round < 5; round++) {
        const target = await issueKey(api, owner, []);
        const [renewal, leak] = await Promise.all([
          api.request('POST', keyPath(target.appKey, '/token/renew'), {
            as: owner,
            body: { deleteOldToken: 'later' },
          }),
          report([item(target.token)]),
        ]);
        expect(leak.status).toBe(200);
        expect((await verify(api, target.appKey, target.token)).valid).toBe(false);
        if (renewal.status === 200) {
          // The renewal's token was never reported: it works unless the key itself was cut.
          const key = await getKey(api, owner, target.appKey);
          expect((await verify(api, target.appKey, renewal.body.token)).valid).toBe(key.status === 'active');
        }
      }
    });
  });
});

describe('leaked-token reports with a warm verification cache', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ cacheTtlSeconds: 60 });
    api.services.reporterSignatures = new ReporterSignatures({
      [KEY_ID]: reporter.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
  });
  afterAll(() => api.stop());

  it('the reported token stops verifying at once in this process; other keys keep working', async () => {
    const owner = await api.bootstrap('leakcache');
    const target = await issueKey(api, owner, []);
    expect((await verify(api, target.appKey, target.token)).valid).toBe(true); // now cached
    const rawBody = JSON.stringify([{ token: target.token, type: 't', url: '', source: 'commit' }]);

    const reply = await api.request('POST', '/v1/leaks', {
      rawBody,
      headers: { 'Github-Public-Key-Identifier': KEY_ID, 'Github-Public-Key-Signature': sign(rawBody) },
    });

    expect(reply.body[0].label).toBe('true_positive');
    expect(await verify(api, target.appKey, target.token)).toEqual({ valid: false, reason: 'inactive' });
    expect((await verify(api, owner.appKey, owner.token)).valid).toBe(true);
  });
});

describe('re-indexing tokens issued before the lookup existed', () => {
  let api: TestApi;
  const db = createDocumentClient({ region: 'us-east-1', endpoint: testEndpoint() });
  beforeAll(async () => {
    api = await TestApi.start();
    api.services.reporterSignatures = new ReporterSignatures({
      [KEY_ID]: reporter.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
  });
  afterAll(() => api.stop());

  const entryOf = async (appKey: string) => {
    const key = (await api.services.keys.getKey(appKey))!;
    return key.tokens.map((t) => tokenLookupKey(t.hashKeyId, t.hash));
  };
  /** As if the token had been issued before the lookup existed. */
  const forget = async (appKey: string) => {
    for (const Key of await entryOf(appKey))
      await db.send(new DeleteCommand({ TableName: api.services.tableName, Key }));
  };
  const exists = async (Key: { PK: string; SK: string }) =>
    !!(await db.send(new GetCommand({ TableName: api.services.tableName, Key, ConsistentRead: true }))).Item;
  const reportOne = async (token: string) => {
    const rawBody = JSON.stringify([{ token, type: 't', url: '', source: 'content' }]);
    const reply = await api.request('POST', '/v1/leaks', {
      rawBody,
      headers: { 'Github-Public-Key-Identifier': KEY_ID, 'Github-Public-Key-Signature': sign(rawBody) },
    });
    return reply.body[0].label;
  };

  it('writes the missing entries, page by page from a cursor, and a second run writes none', async () => {
    const owner = await api.bootstrap('reindex');
    const old = [
      await issueKey(api, owner, []),
      await issueKey(api, owner, []),
      await issueKey(api, owner, []),
    ];
    for (const k of [owner, ...old]) await forget(k.appKey);
    expect(await reportOne(old[0]!.token)).toBe('false_positive');

    const reindex = new DynamoDbTokenReindex(db, api.services.tableName);
    let cursor: string | null = null;
    let written = 0;
    let pages = 0;
    do {
      const page = await reindex.page(cursor, 2); // small pages: resuming from a cursor is the norm
      written += page.written;
      cursor = page.next;
      pages++;
    } while (cursor);

    expect(pages).toBeGreaterThan(1);
    expect(written).toBe(4);
    for (const k of [owner, ...old])
      for (const Key of await entryOf(k.appKey)) expect(await exists(Key)).toBe(true);
    let again = 0;
    for (let c: string | null = null, first = true; first || c; first = false) {
      const page = await reindex.page(c, 50);
      again += page.written;
      c = page.next;
    }
    expect(again).toBe(0);
    expect(await reportOne(old[0]!.token)).toBe('true_positive');
  });

  it('never writes an entry for a token deleted while the re-index runs', async () => {
    const owner = await api.bootstrap('reindexrace');
    const target = await issueKey(api, owner, []);
    const stale = (await api.services.keys.getKey(target.appKey))!; // what the Scan saw
    const [oldEntry] = await entryOf(target.appKey);
    const renewed = await api.request('POST', keyPath(target.appKey, '/token/renew'), {
      as: owner,
      body: { deleteOldToken: 'now' },
    });
    expect(renewed.status).toBe(200);
    await forget(target.appKey);

    await (reindex(api) as unknown as { indexKey(k: unknown): Promise<number> }).indexKey(stale);

    expect(await exists(oldEntry!)).toBe(false);
    for (const Key of await entryOf(target.appKey)) expect(await exists(Key)).toBe(true);
    expect(await reportOne(target.token)).toBe('false_positive');
    expect(await reportOne(renewed.body.token)).toBe('true_positive');
  });

  const reindex = (a: TestApi) => new DynamoDbTokenReindex(db, a.services.tableName);
});
