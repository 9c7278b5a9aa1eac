// Single-access share links (API.md 1.1): delivery=link hands the token over through a link that
// opens exactly once; previews consume nothing; a wrong secret consumes nothing; the stored record
// cannot reveal the token without the link's secret; renew, undo and delete revoke the link.
import { createHash, createDecipheriv, hkdfSync } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client';
import { logger } from '../../shared/logger';
import { TestApi, type Credentials, type Reply } from '../helpers/api';
import { testEndpoint } from '../helpers/services';
import { DAY_MS, expectProblem, issueKey, keyPath, verify } from './support';

const URL_SHAPE = /^http:\/\/127\.0\.0\.1:3000\/share\/([A-Za-z0-9_-]{22})#([A-Za-z0-9_-]{43})$/;

describe('single-access share links', () => {
  let api: TestApi;
  let owner: Credentials;
  const logged: string[] = [];

  const link = (reply: Reply) => {
    const [, id, secret] = URL_SHAPE.exec(reply.body.share.url) ?? [];
    return { id: id!, secret: secret! };
  };
  const createWithLink = async (name = 'linked', headers: Record<string, string> = {}) => {
    const reply = await api.request('POST', '/v1/keys', {
      as: owner,
      body: { name, roles: ['orders-read'], delivery: 'link' },
      headers,
    });
    expect(reply.status).toBe(201);
    return reply;
  };
  const preview = (id: string) => api.request('GET', `/v1/shares/${id}`, {});
  const open = (id: string, secret: string) =>
    api.request('POST', `/v1/shares/${id}/open`, {
      body: { secret },
      headers: { 'user-agent': 'share-test' },
    });

  beforeAll(async () => {
    api = await TestApi.start();
    owner = await api.bootstrap('sharing');
    for (const level of ['debug', 'info', 'warn', 'error'] as const) {
      jest.spyOn(logger, level).mockImplementation((...args: unknown[]) => {
        logged.push(JSON.stringify(args));
      });
    }
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await api.stop();
  });

  it('delivery=link: no token in the response, a link valid 24 h, and the key shows it unopened', async () => {
    const reply = await createWithLink();
    expect(reply.body.token).toBeNull();
    expect(reply.text).not.toMatch(/apt_[0-9A-Za-z]{49}/);
    expect(reply.body.share.url).toMatch(URL_SHAPE);
    const expiresAt = Date.parse(reply.body.share.expiresAt);
    expect(expiresAt - api.services.clock.now()).toBe(DAY_MS);
    const key = await api.request('GET', keyPath(reply.body.key.appKey), { as: owner });
    expect(key.body.share).toEqual({ expiresAt: reply.body.share.expiresAt });
  });

  it('previews consume nothing; a wrong secret consumes nothing; the right one opens exactly once', async () => {
    const reply = await createWithLink('opened once');
    const { id, secret } = link(reply);
    for (let i = 0; i < 3; i++) {
      const seen = await preview(id);
      expect(seen.status).toBe(200);
      expect(seen.body).toEqual({
        expiresAt: reply.body.share.expiresAt,
        appKey: reply.body.key.appKey,
        account: 'sharing',
        name: 'opened once',
      });
    }
    const wrong = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
    expectProblem(await open(id, wrong), 'not-found');
    expectProblem(await open(id, 'short'), 'not-found');

    const opened = await open(id, secret);
    expect(opened.status).toBe(200);
    expect(opened.body).toEqual({
      appKey: reply.body.key.appKey,
      account: 'sharing',
      name: 'opened once',
      token: expect.stringMatching(/^apt_[0-9A-Za-z]{49}$/),
    });
    expect(await verify(api, reply.body.key.appKey, opened.body.token)).toMatchObject({ valid: true });
    expectProblem(await open(id, secret), 'not-found');
    expectProblem(await preview(id), 'not-found');
    const key = await api.request('GET', keyPath(reply.body.key.appKey), { as: owner });
    expect(key.body.share).toBeNull();
    // Opening is a change of the key: a new version, so no change read before it writes it back.
    expect(key.body.version).toBe(reply.body.key.version + 1);

    const entries = (
      await api.request('GET', `/v1/audit?appKey=${reply.body.key.appKey}&action=share.opened`, { as: owner })
    ).body.items;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: { type: 'share-link', appKey: null },
      target: { type: 'key', id: reply.body.key.appKey },
      sourceIp: expect.stringMatching(/127\.0\.0\.1/),
      userAgent: 'share-test',
    });
  });

  it('of 20 concurrent opens with the right secret exactly one wins', async () => {
    const { id, secret } = link(await createWithLink('raced'));
    const replies = await Promise.all(Array.from({ length: 20 }, () => open(id, secret)));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of replies.filter((r) => r.status !== 200)) expectProblem(r, 'not-found');
  });

  it('expires after 24 h, even while the record is still in the table', async () => {
    const created = await createWithLink('expiring');
    const { id, secret } = link(created);
    const appKey = created.body.key.appKey;
    api.services.clock.advanceMs(DAY_MS);
    try {
      expectProblem(await preview(id), 'not-found');
      expectProblem(await open(id, secret), 'not-found');
      // The key no longer shows a link, and there is none to revoke (nor to audit).
      const later = await issueKey(api, owner, ['owner'], 'reader a day later');
      expect((await api.request('GET', keyPath(appKey), { as: later })).body.share).toBeNull();
      expectProblem(await api.request('DELETE', keyPath(appKey, '/share'), { as: later }), 'not-found');
      const db = createDocumentClient({ region: 'us-east-1', endpoint: testEndpoint() });
      const raw = await db.send(
        new GetCommand({ TableName: api.services.tableName, Key: { PK: `SHARE#${id}`, SK: 'SHARE' } }),
      );
      expect(raw.Item).toBeDefined(); // TTL has not deleted it: the read itself said "gone"
    } finally {
      api.services.clock.advanceMs(-DAY_MS);
    }
  });

  it('the stored record, with every key the service holds, cannot give the token back', async () => {
    const reply = await createWithLink('stolen table');
    const { id, secret } = link(reply);
    const db = createDocumentClient({ region: 'us-east-1', endpoint: testEndpoint() });
    const { Item } = await db.send(
      new GetCommand({ TableName: api.services.tableName, Key: { PK: `SHARE#${id}`, SK: 'SHARE' } }),
    );
    const text = JSON.stringify(Item);
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/apt_[0-9A-Za-z]{49}/);
    // Every key material the service holds (here: the HMAC and sealing keys of the local
    // adapters), tried as the secret the record's key is derived from: none decrypts it.
    const held = [
      (api.services.hasher as unknown as { key: Buffer }).key,
      (api.services.box as unknown as { key: Buffer }).key,
    ];
    expect(held.map((k) => k.length)).toEqual([32, 32]);
    const { sealed } = Item!.share;
    for (const material of held) {
      const key = Buffer.from(hkdfSync('sha256', material, Buffer.from(id), 'apikeys share-link v1', 32));
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64url'));
      decipher.setAAD(Buffer.from(id));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
      expect(() =>
        Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64url')), decipher.final()]),
      ).toThrow();
    }
    expect(Item!.secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
    // ...while the link's secret does open it.
    expect((await open(id, secret)).status).toBe(200);
  });

  it('renew with a link, then renew again, undo and delete each revoke the link they replace', async () => {
    const target = await issueKey(api, owner, ['orders-read'], 'renewed');
    const renew = (body: object) =>
      api.request('POST', keyPath(target.appKey, '/token/renew'), { as: owner, body });

    const first = await renew({ delivery: 'link' });
    expect(first.status).toBe(200);
    expect(first.body.token).toBeNull();
    const firstLink = link(first);
    // finish keeps the link: the token it carries stays
    await api.request('POST', keyPath(target.appKey, '/token/finish-renewal'), { as: owner });
    expect((await preview(firstLink.id)).status).toBe(200);
    // a new renewal revokes it
    const second = await renew({ delivery: 'link', deleteOldToken: 'later' });
    expectProblem(await preview(firstLink.id), 'not-found');
    const secondLink = link(second);
    // undoing the renewal that made the second link revokes it
    expect(
      (await api.request('POST', keyPath(target.appKey, '/token/undo-renewal'), { as: owner })).status,
    ).toBe(200);
    expectProblem(await open(secondLink.id, secondLink.secret), 'not-found');
    // delete revokes the last one
    const third = link(await renew({ delivery: 'link' }));
    expect((await api.request('DELETE', keyPath(target.appKey, '?confirm=true'), { as: owner })).status).toBe(
      204,
    );
    expectProblem(await open(third.id, third.secret), 'not-found');
  });

  it('revoke: 204, audited, then the link is gone; 404 without a link; tenancy and the acting rule hold', async () => {
    const reply = await createWithLink('revoked');
    const appKey = reply.body.key.appKey;
    const { id, secret } = link(reply);
    const other = await api.bootstrap('othershare');
    expectProblem(await api.request('DELETE', keyPath(appKey, '/share'), { as: other }), 'not-found');
    const admin = await issueKey(api, owner, ['key-admin'], 'lesser admin');
    const ownerKey = link(
      await api.request('POST', '/v1/keys', {
        as: owner,
        body: { name: 'strong', roles: ['owner'], delivery: 'link' },
      }),
    );
    const strong = (await preview(ownerKey.id)).body.appKey;
    expectProblem(await api.request('DELETE', keyPath(strong, '/share'), { as: admin }), 'forbidden');
    expect((await preview(ownerKey.id)).status).toBe(200);

    expect((await api.request('DELETE', keyPath(appKey, '/share'), { as: owner })).status).toBe(204);
    expectProblem(await open(id, secret), 'not-found');
    expectProblem(await api.request('DELETE', keyPath(appKey, '/share'), { as: owner }), 'not-found');
    const entries = (
      await api.request('GET', `/v1/audit?appKey=${appKey}&action=share.revoked`, { as: owner })
    ).body.items;
    expect(entries).toHaveLength(1);
    expect(entries[0].actor).toEqual({ type: 'key', appKey: owner.appKey });
  });

  it('an idempotent retry of a link delivery replays the same link', async () => {
    const headers = { 'idempotency-key': 'link-once' };
    const first = await createWithLink('idempotent link', headers);
    const again = await createWithLink('idempotent link', headers);
    expect(again.body.share.url).toBe(first.body.share.url);
    expect(again.body.key.appKey).toBe(first.body.key.appKey);
    const { id, secret } = link(first);

    // The replay record, opened with every key the service holds, still lacks the link's secret:
    // it is sealed again under a key derived from the Idempotency-Key, kept only as a hash.
    const db = createDocumentClient({ region: 'us-east-1', endpoint: testEndpoint() });
    const { Items } = await db.send(
      new QueryCommand({
        TableName: api.services.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :idem)',
        ExpressionAttributeValues: { ':pk': 'ACCOUNT#sharing', ':idem': 'IDEM#' },
      }),
    );
    const opened = await Promise.all(
      (Items ?? []).map((item) =>
        api.services.box.open(item.sealedResponse, {
          purpose: 'idempotent-replay',
          account: 'sharing',
          appKey: owner.appKey,
        }),
      ),
    );
    expect(opened.some((text) => text.includes(id))).toBe(true);
    for (const text of opened) expect(text).not.toContain(secret);
    expect((await open(id, secret)).status).toBe(200);
  });

  it('no secret or token reaches a log line; paths are logged with the share id only', () => {
    const text = logged.join('\n');
    expect(text).toContain('/v1/shares/{shareId}'); // refused opens were logged...
    expect(text).not.toMatch(/apt_[0-9A-Za-z]{49}/);
    expect(text).not.toMatch(/#[A-Za-z0-9_-]{43}/);
    expect(text).not.toMatch(/"secret"\s*:\s*"[A-Za-z0-9_-]{43}"/);
  });
});
