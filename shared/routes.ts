// The route table: the single source of truth for the HTTP surface. The CDK stack (one function
// per entry, with IAM derived from `access`), the local runtime and the OpenAPI document are all
// built from it. It names handlers and schemas by string and imports no runtime code, so the CDK
// app never loads handler code.
import type { RequestSchemaName, ResponseSchemaName } from './http/schemas';
import type { ManagementPermission } from './domain/access';
import type { ProblemCode } from './domain/errors';
import type { ExportFormat } from './domain/export/export-table';

/**
 * - `key`: the handler authenticates X-API-AppKey/X-API-AppToken and checks `permission`.
 * - `authorizer`: API Gateway runs the Lambda REQUEST authorizer first (functions/authorizer.ts).
 * - `none`: public.
 */
export type RouteAuth = 'key' | 'authorizer' | 'none';

/**
 * What the function may do to storage and KMS; the CDK stack turns it into IAM. Every audited
 * change also puts its audit entry (PutItem) in the same transaction.
 * - `read`: GetItem/Query on the table and GenerateMac on the HMAC key (plus an UpdateItem
 *   restricted to the lastUsedAt attribute, which every authentication may record).
 * - `write`: adds the item writes named in `writes` (transactions need no action of their own).
 * - `none`: touches nothing.
 */
export type RouteAccess = 'none' | 'read' | 'write';
export type TableWrite = 'PutItem' | 'UpdateItem' | 'DeleteItem';

export interface RouteDefinition {
  /** File name in functions/ (without .ts), also the function's logical name. */
  readonly handler: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ANY';
  /** API Gateway path template, or `$default` for the catch-all. */
  readonly path: string;
  readonly auth: RouteAuth;
  readonly permission?: ManagementPermission;
  readonly access: RouteAccess;
  /** The item writes a `write` route performs, for its IAM policy. */
  readonly writes?: readonly TableWrite[];
  /** Fetches a page of items with BatchGetItem (a search: the page's keys, after the directory). */
  readonly batchReads?: boolean;
  /** Secondary indexes the route queries (names from adapters/dynamodb/table-definition.ts). */
  readonly queriesIndexes?: readonly string[];
  /** Publishes to the event bus (events:PutEvents). */
  readonly publishesEvents?: boolean;
  /** Holds idempotent-replay secrets: needs the symmetric KMS key (Encrypt/Decrypt). */
  readonly sealsSecrets?: boolean;
  readonly body?: RequestSchemaName;
  /**
   * A body the handler reads itself (to check a signature over the raw bytes first): documented in
   * OpenAPI like `body`, but not parsed by the middleware.
   */
  readonly rawBody?: RequestSchemaName;
  readonly query?: RequestSchemaName;
  readonly success: number;
  /**
   * A download instead of JSON: the file formats the success response may carry (the `format`
   * query picks one), documented as their media types with a Content-Disposition header.
   */
  readonly files?: readonly ExportFormat[];
  readonly response?: ResponseSchemaName;
  readonly summary: string;
  /**
   * Problem codes the route's handler and use case can throw. The codes the shared middleware adds
   * by the route's shape (input, credentials, permission, storage) are derived from the other
   * fields by `routeProblems` (http/problem.ts); together they are what the OpenAPI document lists,
   * and the integration suite fails on any answer the document does not list.
   */
  readonly problems?: readonly ProblemCode[];
}

const KEY_PATH = '/v1/keys/{appKey}';
const ROLE_PATH = '/v1/roles/{roleId}';
const EXTERNAL_KEY_PATH = '/v1/external-keys/{appKey}';

export const routes = [
  {
    handler: 'create-key',
    method: 'POST',
    path: '/v1/keys',
    auth: 'key',
    permission: 'keys:edit',
    access: 'write',
    writes: ['PutItem', 'UpdateItem'],
    sealsSecrets: true,
    body: 'CreateKeyBody',
    success: 201,
    response: 'KeyWithToken',
    summary: 'Generate a key and its first token (shown once)',
    problems: ['forbidden', 'idempotency-mismatch', 'conflict'],
  },
  {
    handler: 'list-keys',
    method: 'GET',
    path: '/v1/keys',
    auth: 'key',
    permission: 'keys:view',
    access: 'read',
    batchReads: true,
    query: 'ListKeysQuery',
    success: 200,
    response: 'KeyPage',
    summary: 'List and search keys, newest first',
  },
  {
    // Before {appKey}: API Gateway prefers the literal segment, and so does the local matcher.
    handler: 'export-keys',
    method: 'GET',
    path: '/v1/keys/export',
    auth: 'key',
    permission: 'keys:view',
    access: 'read',
    query: 'ExportKeysQuery',
    success: 200,
    files: ['csv', 'xlsx'],
    summary: 'Export every key that passes the list filters as CSV or XLSX (at most 10,000)',
    problems: ['export-too-large'],
  },
  {
    handler: 'get-key',
    method: 'GET',
    path: KEY_PATH,
    auth: 'key',
    permission: 'keys:view',
    access: 'read',
    success: 200,
    response: 'Key',
    summary: 'Read one key',
    problems: ['not-found'],
  },
  {
    handler: 'update-key',
    method: 'PATCH',
    path: KEY_PATH,
    auth: 'key',
    permission: 'keys:edit',
    access: 'write',
    writes: ['UpdateItem', 'PutItem'],
    body: 'PatchKeyBody',
    success: 200,
    response: 'Key',
    summary: 'Edit name, roles or active state',
    problems: ['not-found', 'forbidden', 'last-admin-key', 'precondition-failed', 'conflict'],
  },
  {
    handler: 'activate-key',
    method: 'POST',
    path: `${KEY_PATH}/activate`,
    auth: 'key',
    permission: 'keys:edit',
    access: 'write',
    writes: ['UpdateItem', 'PutItem'],
    body: 'EmptyBody',
    success: 200,
    response: 'Key',
    summary: 'Activate a key (idempotent)',
    problems: ['not-found', 'forbidden', 'conflict'],
  },
  {
    handler: 'deactivate-key',
    method: 'POST',
    path: `${KEY_PATH}/deactivate`,
    auth: 'key',
    permission: 'keys:edit',
    access: 'write',
    writes: ['UpdateItem', 'PutItem'],
    body: 'EmptyBody',
    success: 200,
    response: 'Key',
    summary: 'Deactivate a key at once (idempotent)',
    problems: ['not-found', 'forbidden', 'last-admin-key', 'conflict'],
  },
  {
    handler: 'delete-key',
    method: 'DELETE',
    path: KEY_PATH,
    auth: 'key',
    permission: 'keys:edit',
    access: 'write',
    writes: ['DeleteItem', 'UpdateItem', 'PutItem'],
    query: 'DeleteKeyQuery',
    success: 204,
    summary: 'Delete a key permanently (needs confirm=true)',
    problems: ['not-found', 'forbidden', 'confirmation-required', 'last-admin-key', 'conflict'],
  },
  {
    handler: 'renew-token',
    method: 'POST',
    path: `${KEY_PATH}/token/renew`,
    auth: 'key',
    permission: 'keys:renew',
    access: 'write',
    writes: ['PutItem', 'UpdateItem', 'DeleteItem'],
    sealsSecrets: true,
    body: 'RenewBody',
    success: 200,
    response: 'KeyWithToken',
    summary: 'Issue a new token (shown once)',
    problems: ['not-found', 'forbidden', 'renewal-pending', 'idempotency-mismatch', 'conflict'],
  },
  {
    handler: 'finish-renewal',
    method: 'POST',
    path: `${KEY_PATH}/token/finish-renewal`,
    auth: 'key',
    permission: 'keys:renew',
    access: 'write',
    writes: ['UpdateItem', 'PutItem'],
    body: 'EmptyBody',
    success: 200,
    response: 'Key',
    summary: 'Delete the old token of a renewal',
    problems: ['not-found', 'forbidden', 'no-pending-renewal', 'conflict'],
  },
  {
    handler: 'undo-renewal',
    method: 'POST',
    path: `${KEY_PATH}/token/undo-renewal`,
    auth: 'key',
    permission: 'keys:renew',
    access: 'write',
    writes: ['UpdateItem', 'PutItem', 'DeleteItem'],
    body: 'EmptyBody',
    success: 200,
    response: 'Key',
    summary: 'Delete the new token of a renewal',
    problems: ['not-found', 'forbidden', 'no-pending-renewal', 'conflict'],
  },
  {
    handler: 'get-settings',
    method: 'GET',
    path: '/v1/settings',
    auth: 'key',
    permission: 'keys:view',
    access: 'read',
    success: 200,
    response: 'Settings',
    summary: 'Read token settings',
  },
  {
    handler: 'put-settings',
    method: 'PUT',
    path: '/v1/settings',
    auth: 'key',
    permission: 'settings:edit',
    access: 'write',
    writes: ['UpdateItem', 'PutItem'],
    publishesEvents: true,
    body: 'SettingsBody',
    success: 200,
    response: 'Settings',
    summary: 'Change token settings (applies to existing tokens)',
  },
  {
    handler: 'revoke-share',
    method: 'DELETE',
    path: `${KEY_PATH}/share`,
    auth: 'key',
    permission: 'keys:edit',
    access: 'write',
    writes: ['UpdateItem', 'DeleteItem', 'PutItem'],
    success: 204,
    summary: "Revoke the key's unopened single-access link",
    problems: ['not-found', 'forbidden', 'conflict'],
  },
  {
    handler: 'get-share',
    method: 'GET',
    path: '/v1/shares/{shareId}',
    auth: 'none',
    access: 'read',
    success: 200,
    response: 'SharePreview',
    summary: 'Who a single-access link is for, while unopened (consumes nothing)',
    problems: ['not-found'],
  },
  {
    handler: 'open-share',
    method: 'POST',
    path: '/v1/shares/{shareId}/open',
    auth: 'none',
    access: 'write',
    writes: ['DeleteItem', 'UpdateItem', 'PutItem'],
    body: 'OpenShareBody',
    success: 200,
    response: 'OpenedShare',
    summary: 'Open a single-access link once: its token, then never again',
    problems: ['not-found', 'conflict'],
  },
  {
    handler: 'list-audit',
    method: 'GET',
    path: '/v1/audit',
    auth: 'key',
    permission: 'audit:view',
    access: 'read',
    queriesIndexes: ['audit-by-key', 'audit-by-action'],
    query: 'ListAuditQuery',
    success: 200,
    response: 'AuditPage',
    summary: 'The audit log: who changed what and when, newest first',
  },
  {
    handler: 'list-roles',
    method: 'GET',
    path: '/v1/roles',
    auth: 'key',
    permission: 'keys:view',
    access: 'read',
    success: 200,
    response: 'RoleList',
    summary: 'List the roles of the account: predefined first, then custom by id',
  },
  {
    handler: 'create-role',
    method: 'POST',
    path: '/v1/roles',
    auth: 'key',
    permission: 'roles:edit',
    access: 'write',
    writes: ['UpdateItem', 'PutItem'],
    body: 'CreateRoleBody',
    success: 201,
    response: 'Role',
    summary: 'Create a custom role',
    problems: ['forbidden', 'conflict', 'limit-exceeded'],
  },
  {
    handler: 'get-role',
    method: 'GET',
    path: ROLE_PATH,
    auth: 'key',
    permission: 'keys:view',
    access: 'read',
    success: 200,
    response: 'Role',
    summary: 'Read one role (predefined or custom)',
    problems: ['not-found'],
  },
  {
    handler: 'replace-role',
    method: 'PUT',
    path: ROLE_PATH,
    auth: 'key',
    permission: 'roles:edit',
    access: 'write',
    writes: ['UpdateItem', 'PutItem'],
    body: 'ReplaceRoleBody',
    success: 200,
    response: 'Role',
    summary: 'Replace a custom role (its holders get non-management changes at once)',
    problems: [
      'not-found',
      'forbidden',
      'role-predefined',
      'role-in-use',
      'precondition-failed',
      'conflict',
      'limit-exceeded',
    ],
  },
  {
    handler: 'delete-role',
    method: 'DELETE',
    path: ROLE_PATH,
    auth: 'key',
    permission: 'roles:edit',
    access: 'write',
    writes: ['UpdateItem', 'PutItem'],
    query: 'DeleteKeyQuery',
    success: 204,
    summary: 'Delete a custom role no key or grant holds (needs confirm=true)',
    problems: [
      'not-found',
      'forbidden',
      'role-predefined',
      'role-in-use',
      'confirmation-required',
      'conflict',
    ],
  },
  {
    handler: 'list-external-keys',
    method: 'GET',
    path: '/v1/external-keys',
    auth: 'key',
    permission: 'keys:view',
    access: 'read',
    query: 'ListExternalKeysQuery',
    success: 200,
    response: 'ExternalKeyPage',
    summary: "List and search keys of other accounts granted this account's roles",
  },
  {
    handler: 'add-external-key',
    method: 'POST',
    path: '/v1/external-keys',
    auth: 'key',
    permission: 'keys:edit',
    access: 'write',
    writes: ['PutItem', 'UpdateItem'],
    body: 'AddExternalKeyBody',
    success: 201,
    response: 'ExternalKey',
    summary: "Grant roles to another account's key (never says whether that key exists)",
    problems: ['conflict', 'limit-exceeded'],
  },
  {
    handler: 'get-external-key',
    method: 'GET',
    path: EXTERNAL_KEY_PATH,
    auth: 'key',
    permission: 'keys:view',
    access: 'read',
    success: 200,
    response: 'ExternalKey',
    summary: 'Read one external key grant',
    problems: ['not-found'],
  },
  {
    handler: 'update-external-key',
    method: 'PATCH',
    path: EXTERNAL_KEY_PATH,
    auth: 'key',
    permission: 'keys:edit',
    access: 'write',
    writes: ['PutItem', 'UpdateItem'],
    body: 'PatchExternalKeyBody',
    success: 200,
    response: 'ExternalKey',
    summary: "Change an external key's roles or active state",
    problems: ['not-found', 'precondition-failed', 'conflict', 'limit-exceeded'],
  },
  {
    handler: 'remove-external-key',
    method: 'DELETE',
    path: EXTERNAL_KEY_PATH,
    auth: 'key',
    permission: 'keys:edit',
    access: 'write',
    writes: ['DeleteItem', 'UpdateItem', 'PutItem'],
    query: 'DeleteKeyQuery',
    success: 204,
    summary: 'Remove an external key grant (needs confirm=true)',
    problems: ['not-found', 'confirmation-required', 'conflict'],
  },
  {
    handler: 'verify',
    method: 'POST',
    path: '/v1/verify',
    auth: 'none',
    access: 'read',
    body: 'VerifyBody',
    success: 200,
    response: 'VerifyResult',
    summary: 'Verify a key and token',
  },
  {
    // Authenticated by the reporter's signature over the raw body, which the handler checks before
    // it parses anything (so no `body` here: the middleware would judge the input first, and with
    // MAX_BODY_BYTES, too small for 100 reported URLs): `rawBody` documents it.
    handler: 'report-leaks',
    method: 'POST',
    path: '/v1/leaks',
    auth: 'none',
    access: 'write',
    rawBody: 'LeakReportBody',
    writes: ['UpdateItem', 'PutItem', 'DeleteItem'],
    publishesEvents: true,
    success: 200,
    response: 'LeakReportResult',
    summary: 'Report leaked tokens (secret scanning; signed with a trusted key)',
    problems: ['unauthorized', 'payload-too-large', 'validation-error', 'conflict'],
  },
  {
    handler: 'whoami',
    method: 'GET',
    path: '/v1/whoami',
    auth: 'authorizer',
    access: 'none',
    success: 200,
    response: 'WhoAmI',
    summary: "The authorizer's view of the calling key",
  },
  {
    handler: 'openapi',
    method: 'GET',
    path: '/openapi.json',
    auth: 'none',
    access: 'none',
    success: 200,
    summary: 'This API as OpenAPI 3.1',
  },
  {
    handler: 'health',
    method: 'GET',
    path: '/health',
    auth: 'none',
    access: 'none',
    success: 200,
    response: 'Health',
    summary: 'Liveness',
  },
  {
    handler: 'not-found',
    method: 'ANY',
    path: '$default',
    auth: 'none',
    access: 'none',
    success: 404,
    summary: 'Any unknown route: 404 problem+json',
  },
] as const satisfies readonly RouteDefinition[];

export type Route = (typeof routes)[number];
export type HandlerName = Route['handler'];

/** The handler name of the standalone Lambda REQUEST authorizer (not a route of its own). */
export const AUTHORIZER_HANDLER = 'authorizer';

export function routeNamed(handler: string): RouteDefinition {
  const route = routes.find((r) => r.handler === handler);
  if (!route) throw new Error(`no route for handler '${handler}'`);
  return route;
}

/**
 * The hot verification functions are built without the X-Ray SDK tracer (~120 KB, and an async
 * hook for the whole process): their cold start and bundle size matter most (issue 17). They keep
 * Lambda's own trace segment and the KMS latency metric; every other function that calls an AWS
 * service traces each SDK call.
 */
export const UNTRACED_HOT_HANDLERS: readonly string[] = ['verify', AUTHORIZER_HANDLER];

/** Whether a function's bundle carries the SDK tracer (infra/api-function.ts's traceSdkCalls). */
export const tracesSdkCalls = (handler: string, access: RouteAccess): boolean =>
  access !== 'none' && !UNTRACED_HOT_HANDLERS.includes(handler);
