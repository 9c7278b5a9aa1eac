// Shared vocabulary of the integration suites: the problem codes and formats of API.md, token and
// appKey shapes computed independently of the product code, and a few request shortcuts.
import { randomBytes, randomInt } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { crc32 } from 'node:zlib';
import type { Credentials, Reply, TestApi } from '../helpers/api';

/** The instant a fresh TestClock starts at. */
export const T0 = Date.parse('2026-11-26T12:00:00.000Z');
export const DAY_MS = 86_400_000;
export const iso = (ms: number): string => new Date(ms).toISOString();

export const PROBLEM_BASE = 'https://apikeys.dev/problems/';

/** API.md's problem table, with the codes added in 1.1. */
export const PROBLEM_STATUS = {
  'validation-error': 400,
  'confirmation-required': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'renewal-pending': 409,
  'no-pending-renewal': 409,
  'last-admin-key': 409,
  conflict: 409,
  'precondition-failed': 412,
  'payload-too-large': 413,
  'idempotency-mismatch': 422,
  'role-in-use': 409,
  'role-predefined': 409,
  'limit-exceeded': 409,
  'internal-error': 500,
  'service-unavailable': 503,
} as const;
export type ProblemCode = keyof typeof PROBLEM_STATUS;

export const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const TOKEN_RE = /^apt_[0-9A-Za-z]{49}$/;
export const appKeyPattern = (account: string): RegExp =>
  new RegExp(`^apk-${account}-[0-9A-HJKMNP-TV-Z]{26}$`);

/** Asserts an application/problem+json reply with the given code (type, status, title, detail). */
export function expectProblem(reply: Reply, code: ProblemCode): void {
  expect({ status: reply.status, body: reply.body ?? reply.text }).toMatchObject({
    status: PROBLEM_STATUS[code],
    body: {
      type: PROBLEM_BASE + code,
      title: expect.any(String),
      status: PROBLEM_STATUS[code],
      detail: expect.any(String),
    },
  });
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
}

/** A 400 validation-error whose `errors` names `path`. */
export function expectFieldError(reply: Reply, path: string): void {
  expectProblem(reply, 'validation-error');
  expect(reply.body.errors).toEqual(expect.arrayContaining([{ path, message: expect.any(String) }]));
}

// ---- tokens and appKeys, computed from API.md (not from the product's own helpers) -------------
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base62(value: number, width: number): string {
  let out = '';
  let rest = value;
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}

const checksumOf = (body: string): string => base62(crc32(Buffer.from(body, 'ascii')), 6);

/** True when `token` has the API.md shape and a correct CRC-32 checksum. */
export function hasValidChecksum(token: string): boolean {
  return TOKEN_RE.test(token) && checksumOf(token.slice(4, 47)) === token.slice(47);
}

/** A token of the right shape and checksum that belongs to no key. */
export function strangerToken(): string {
  let body = '';
  for (let i = 0; i < 43; i++) body += BASE62[randomInt(62)];
  return `apt_${body}${checksumOf(body)}`;
}

/** The same token with its last checksum character changed: shape fine, checksum wrong. */
export function withBadChecksum(token: string): string {
  const last = token.at(-1)!;
  return token.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}

/** An appKey of the right shape for `account` that no key has. */
export function absentAppKey(account: string): string {
  let id = '01';
  for (const byte of randomBytes(24)) id += CROCKFORD[byte % 32];
  return `apk-${account}-${id}`;
}

// ---- request shortcuts -------------------------------------------------------------------------
export const keyPath = (appKey: string, suffix = ''): string => `/v1/keys/${appKey}${suffix}`;

export async function verify(api: TestApi, appKey: string, appToken: string): Promise<any> {
  const reply = await api.request('POST', '/v1/verify', { body: { appKey, appToken } });
  expect(reply.status).toBe(200);
  return reply.body;
}

export async function getKey(api: TestApi, as: Credentials, appKey: string): Promise<any> {
  const reply = await api.request('GET', keyPath(appKey), { as });
  expect(reply.status).toBe(200);
  return reply.body;
}

/** Every key of the caller's account, following nextCursor to the end. */
export async function listAll(api: TestApi, as: Credentials, query = ''): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const sep = query ? '&' : '';
    const path: string = `/v1/keys?${query}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`;
    const reply = await api.request('GET', path, { as });
    expect(reply.status).toBe(200);
    items.push(...reply.body.items);
    cursor = reply.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('pagination did not end');
}

/** What a change would alter: compared before and after a request that must change nothing. */
export const stateOf = (key: any) => ({
  appKey: key.appKey,
  version: key.version,
  name: key.name,
  roles: key.roles,
  status: key.status,
  tokens: key.tokens,
  renewal: key.renewal,
  updatedAt: key.updatedAt,
  share: key.share,
});

/**
 * A request with the path sent byte for byte (fetch would normalise `..` and reject some bytes).
 * The body is parsed as JSON when it is JSON.
 */
export function rawRequest(
  api: TestApi,
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; contentType: string; body: any; text: string }> {
  const { hostname, port } = new URL(api.baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = undefined;
        }
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type']),
          body,
          text,
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export const credentialHeaders = (as: Credentials): Record<string, string> => ({
  'x-api-appkey': as.appKey,
  'x-api-apptoken': as.token,
});

/**
 * Arranges a key quickly: issued in the owner's account straight through the service (as the
 * harness's bootstrap does), skipping HTTP and authentication. For tests not about creation.
 */
export async function issueKey(
  api: TestApi,
  owner: Credentials,
  roles: string[] = [],
  name = 'test key',
): Promise<Credentials> {
  const account = owner.appKey.split('-')[1]!;
  const { key, token } = await api.services.keyCreation.issue(account, { name, roles });
  return { appKey: key.appKey, token };
}
