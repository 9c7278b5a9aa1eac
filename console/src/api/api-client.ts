// The console's only way to the backend: the public API of API.md, called with the signed-in key
// and token. One method per endpoint the console uses; failures become ApiError.
import { ApiError } from './api-error';
import type { AccessRole, ExternalKey, ExternalKeyFilter, ExternalKeyPage, RoleInput } from './access-types';
import type {
  AuditPage,
  AuditQuery,
  Delivery,
  Key,
  ApiKeyFilter,
  KeyHandover,
  KeyPage,
  Role,
  Settings,
  SettingsInput,
  SharedToken,
  SharePreview,
  VerifyResult,
} from './types';

export interface Credentials {
  appKey: string;
  token: string;
}

export const PAGE_SIZE = 20;

export type ExportFormat = 'csv' | 'xlsx';

/** A downloaded export: its bytes and the name the server gave the file. */
export interface ExportFile {
  blob: Blob;
  fileName: string;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly credentials?: Credentials,
    private readonly onUnauthorized?: () => void,
  ) {}

  /**
   * A client that acts as `credentials`. `onUnauthorized` hears of every 401: the signed-in key
   * was deactivated, deleted or its token cut elsewhere, so the whole session is over, not one call.
   */
  withCredentials(credentials: Credentials, onUnauthorized?: () => void): ApiClient {
    return new ApiClient(this.baseUrl, credentials, onUnauthorized);
  }

  /** Public and tells inactive and expired apart from invalid, which an authenticated call cannot. */
  verify(credentials: Credentials): Promise<VerifyResult> {
    return this.call('POST', '/v1/verify', { appKey: credentials.appKey, appToken: credentials.token });
  }

  listKeys(filter: ApiKeyFilter, cursor: string | null): Promise<KeyPage> {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (filter.search.trim()) query.set('search', filter.search.trim());
    if (filter.status) query.set('status', filter.status);
    if (filter.alert) query.set('alert', filter.alert);
    if (cursor) query.set('cursor', cursor);
    return this.call('GET', `/v1/keys?${query.toString()}`);
  }

  /**
   * GET /v1/keys/export: every key the filters match, as a file. The body is read as a Blob (the
   * XLSX is binary) and the name is the server's, from Content-Disposition (exposed to the console's
   * origin by the API's CORS settings); a fallback keeps the download working if it is missing.
   */
  async exportKeys(filter: ApiKeyFilter, format: ExportFormat): Promise<ExportFile> {
    const query = new URLSearchParams({ format });
    if (filter.search.trim()) query.set('search', filter.search.trim());
    if (filter.status) query.set('status', filter.status);
    if (filter.alert) query.set('alert', filter.alert);
    const response = await this.send('GET', `/v1/keys/export?${query.toString()}`, undefined, {
      accept: format === 'csv' ? 'text/csv' : XLSX_TYPE,
    });
    const blob = await response.blob();
    const fileName = fileNameOf(response.headers.get('content-disposition')) ?? `api-keys.${format}`;
    return { blob, fileName };
  }

  createKey(name: string, roles: string[], delivery: Delivery, idempotencyKey: string): Promise<KeyHandover> {
    return this.call('POST', '/v1/keys', { name, roles, delivery }, { 'idempotency-key': idempotencyKey });
  }

  getKey(appKey: string): Promise<Key> {
    return this.call('GET', keyPath(appKey));
  }

  /** Sends the version the operator saw, so a concurrent change is refused instead of overwritten. */
  updateKey(key: Key, changes: { name?: string; roles?: string[]; active?: boolean }): Promise<Key> {
    return this.call('PATCH', keyPath(key.appKey), changes, { 'if-match': `"${key.version}"` });
  }

  activate(appKey: string): Promise<Key> {
    return this.call('POST', `${keyPath(appKey)}/activate`, {});
  }

  deactivate(appKey: string): Promise<Key> {
    return this.call('POST', `${keyPath(appKey)}/deactivate`, {});
  }

  deleteKey(appKey: string): Promise<void> {
    return this.call('DELETE', `${keyPath(appKey)}?confirm=true`);
  }

  renew(
    appKey: string,
    deleteOldToken: 'now' | 'later',
    delivery: Delivery,
    idempotencyKey: string,
  ): Promise<KeyHandover> {
    return this.call(
      'POST',
      `${keyPath(appKey)}/token/renew`,
      { deleteOldToken, delivery },
      { 'idempotency-key': idempotencyKey },
    );
  }

  /** Revokes the key's unopened single-access link. */
  revokeShare(appKey: string): Promise<void> {
    return this.call('DELETE', `${keyPath(appKey)}/share`);
  }

  /** Public, and consumes nothing: safe to call when the share page loads. */
  getShare(shareId: string): Promise<SharePreview> {
    return this.call('GET', sharePath(shareId));
  }

  /** Public; opens the link for good. The secret travels only here, in the body. */
  openShare(shareId: string, secret: string): Promise<SharedToken> {
    return this.call('POST', `${sharePath(shareId)}/open`, { secret });
  }

  finishRenewal(appKey: string): Promise<Key> {
    return this.call('POST', `${keyPath(appKey)}/token/finish-renewal`, {});
  }

  undoRenewal(appKey: string): Promise<Key> {
    return this.call('POST', `${keyPath(appKey)}/token/undo-renewal`, {});
  }

  getSettings(): Promise<Settings> {
    return this.call('GET', '/v1/settings');
  }

  putSettings(settings: SettingsInput): Promise<Settings> {
    return this.call('PUT', '/v1/settings', settings);
  }

  listAudit(filter: AuditQuery, cursor: string | null): Promise<AuditPage> {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    for (const name of ['appKey', 'action', 'from', 'to'] as const) {
      const value = filter[name];
      if (value) query.set(name, value);
    }
    if (cursor) query.set('cursor', cursor);
    return this.call('GET', `/v1/audit?${query.toString()}`);
  }

  async listRoles(): Promise<Role[]> {
    const { items } = await this.call<{ items: Role[] }>('GET', '/v1/roles');
    return items;
  }

  // Custom roles and external keys (API.md 1.1), used by the Roles and External keys tabs.

  createRole(role: RoleInput): Promise<AccessRole> {
    return this.call('POST', '/v1/roles', role);
  }

  /** With the version the operator edited, so a change made elsewhere meanwhile is refused (412). */
  updateRole(role: AccessRole, changes: Omit<RoleInput, 'id'>): Promise<AccessRole> {
    return this.call('PUT', rolePath(role.id), changes, { 'if-match': `"${role.version ?? 0}"` });
  }

  deleteRole(roleId: string): Promise<void> {
    return this.call('DELETE', `${rolePath(roleId)}?confirm=true`);
  }

  listExternalKeys(
    filter: ExternalKeyFilter,
    cursor: string | null,
    limit = PAGE_SIZE,
  ): Promise<ExternalKeyPage> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (filter.search.trim()) query.set('search', filter.search.trim());
    if (filter.status) query.set('status', filter.status);
    if (cursor) query.set('cursor', cursor);
    return this.call('GET', `/v1/external-keys?${query.toString()}`);
  }

  addExternalKey(appKey: string, roles: string[]): Promise<ExternalKey> {
    return this.call('POST', '/v1/external-keys', { appKey, roles });
  }

  /** Roles change with If-Match (a concurrent edit is refused); the active flag is a plain toggle. */
  updateExternalKey(
    grant: ExternalKey,
    changes: { roles?: string[]; active?: boolean },
  ): Promise<ExternalKey> {
    const headers: Record<string, string> =
      changes.roles !== undefined ? { 'if-match': `"${grant.version}"` } : {};
    return this.call('PATCH', externalKeyPath(grant.appKey), changes, headers);
  }

  removeExternalKey(appKey: string): Promise<void> {
    return this.call('DELETE', `${externalKeyPath(appKey)}?confirm=true`);
  }

  /** Every key, page after page: only for questions the API has no filter for (who holds a role). */
  async allKeys(): Promise<Key[]> {
    return collectPages((cursor) => this.listKeysPage(cursor));
  }

  async allExternalKeys(): Promise<ExternalKey[]> {
    return collectPages((cursor) => this.listExternalKeys({ search: '', status: '' }, cursor, MAX_PAGE_SIZE));
  }

  private listKeysPage(cursor: string | null): Promise<KeyPage> {
    const query = new URLSearchParams({ limit: String(MAX_PAGE_SIZE) });
    if (cursor) query.set('cursor', cursor);
    return this.call('GET', `/v1/keys?${query.toString()}`);
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    const response = await this.send(method, path, body, extraHeaders);
    const text = await response.text();
    return (text ? safeJson(text) : undefined) as T;
  }

  /** Sends one request with the session's headers; a failure becomes an ApiError, success the Response. */
  private async send(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
    if (this.credentials) {
      headers['x-api-appkey'] = this.credentials.appKey;
      headers['x-api-apptoken'] = this.credentials.token;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        // Credentials travel in headers only; no cookies are involved.
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw ApiError.network();
    }
    if (!response.ok) {
      const text = await response.text();
      if (response.status === 401 && this.credentials) this.onUnauthorized?.();
      throw ApiError.fromProblem(response.status, text ? safeJson(text) : undefined);
    }
    return response;
  }
}

const keyPath = (appKey: string): string => `/v1/keys/${encodeURIComponent(appKey)}`;
const rolePath = (roleId: string): string => `/v1/roles/${encodeURIComponent(roleId)}`;
const externalKeyPath = (appKey: string): string => `/v1/external-keys/${encodeURIComponent(appKey)}`;
const MAX_PAGE_SIZE = 100;

async function collectPages<T>(
  page: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  do {
    const next = await page(cursor);
    all.push(...next.items);
    cursor = next.nextCursor;
  } while (cursor);
  return all;
}
const sharePath = (shareId: string): string => `/v1/shares/${encodeURIComponent(shareId)}`;

/**
 * `attachment; filename="api-keys-acme-2026-11-30.csv"` → the name. Only a plain name is taken:
 * one with a slash, a backslash or a leading dot gives null, and the caller's fallback is used.
 */
export function fileNameOf(disposition: string | null): string | null {
  const match = /filename=(?:"([^"]*)"|([^;\s]*))/i.exec(disposition ?? '');
  const name = (match?.[1] ?? match?.[2] ?? '').trim();
  return name && !/[/\\]|^\./.test(name) ? name : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
