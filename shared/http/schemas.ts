// The zod schemas of every request and response: the validators the handlers use, the types they
// get (z.infer), and the source of the OpenAPI document. Bodies are strict: unknown fields are 400.
import * as z from 'zod';
import { ALERT_LEVELS } from '../domain/expiry';
import { TOKEN_DURATIONS } from '../domain/settings';
import { AUDIT_ACTIONS } from '../domain/audit';
import { APP_KEY_PATTERN } from '../domain/ids';
import { Instant, Name, RoleIds } from './common-schemas';
import {
  AddExternalKeyBody,
  CreateRoleBody,
  ExternalKeyPageSchema,
  ExternalKeySchema,
  ListExternalKeysQuery,
  PatchExternalKeyBody,
  ReplaceRoleBody,
  RoleListSchema,
  RoleSchema,
  TargetAccount,
} from './access-schemas';
import { EXPORT_FORMATS } from '../domain/export/export-table';

/** `limit` in plain decimal digits, 1..100 ("1e2", " 5" and "05" are not numbers a client means). */
const Limit = z
  .string()
  .regex(/^[1-9][0-9]{0,2}$/, 'Must be a whole number from 1 to 100.')
  .pipe(z.coerce.number<string>().int().min(1).max(100))
  .default(50);

// ---- requests -------------------------------------------------------------------------------
const Delivery = z
  .enum(['response', 'link'])
  .default('response')
  .meta({ description: 'response: the token in this response; link: a single-access link instead' });

export const CreateKeyBody = z
  .strictObject({ name: Name, roles: RoleIds.default([]), delivery: Delivery })
  .meta({ id: 'CreateKeyRequest' });

export const PatchKeyBody = z
  .strictObject({ name: Name.optional(), roles: RoleIds.optional(), active: z.boolean().optional() })
  .refine((b) => b.name !== undefined || b.roles !== undefined || b.active !== undefined, {
    message: 'Give at least one of name, roles, active.',
  })
  .meta({ id: 'PatchKeyRequest', minProperties: 1 });

export const RenewBody = z
  .strictObject({ deleteOldToken: z.enum(['later', 'now']).default('later'), delivery: Delivery })
  .meta({ id: 'RenewTokenRequest' });

export const SettingsBody = z
  .strictObject({
    tokenDurationDays: z.literal([...TOKEN_DURATIONS]),
    expiryWarningDays: z.number().int().min(1).max(60),
    enforceExpiry: z.boolean(),
  })
  .meta({ id: 'SettingsRequest' });

export const VerifyBody = z
  .strictObject({
    appKey: z.string().max(200),
    appToken: z.string().max(200),
    account: TargetAccount.optional().meta({
      description: "Verify as an external key of this account (absent: the key's own account)",
    }),
  })
  .meta({ id: 'VerifyRequest' });

export const EmptyBody = z.strictObject({});

export const OpenShareBody = z
  .strictObject({ secret: z.string().max(100).meta({ description: 'The part of the link after #' }) })
  .meta({ id: 'OpenShareRequest' });

/** At most this many strings per leak report (API.md 1.1). */
export const MAX_LEAK_ITEMS = 100;
// Not strict, unlike our own bodies: the sender is a scanner we do not control, and a field it
// adds tomorrow must not stop leaked tokens from being cut. `url` may be empty (GitHub's format).
export const LeakReportBody = z
  .array(
    z.object({
      token: z.string().max(1000),
      type: z.string().max(200),
      url: z.string().max(4096),
      source: z.string().max(100).default('unknown'),
    }),
  )
  .max(MAX_LEAK_ITEMS)
  .meta({ id: 'LeakReportRequest' });

export const ListKeysQuery = z.strictObject({
  search: z.string().max(100).optional(),
  status: z.enum(['active', 'inactive']).optional(),
  alert: z.enum(ALERT_LEVELS).optional(),
  limit: Limit,
  cursor: z.string().max(200).optional(),
});

/** The list filters without paging: the export holds every match (API.md 1.1 "Export"). */
export const ExportKeysQuery = z.strictObject({
  format: z
    .enum(EXPORT_FORMATS)
    .default('csv')
    .meta({ description: 'csv (RFC 4180, UTF-8 with BOM) or xlsx (sheets Keys and External)' }),
  search: ListKeysQuery.shape.search,
  status: ListKeysQuery.shape.status,
  alert: ListKeysQuery.shape.alert,
});

export const ListAuditQuery = z.strictObject({
  appKey: z.string().regex(APP_KEY_PATTERN, 'Must be an appKey.').optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  limit: Limit,
  cursor: z.string().max(200).optional(),
});

// Any other value is the contract's 400 confirmation-required (use-cases/keys/edit-key.ts), not a
// validation error; the document still says the one value that deletes.
export const DeleteKeyQuery = z.strictObject({
  confirm: z
    .string()
    .max(10)
    .optional()
    .meta({ enum: ['true'], description: 'Must be `true` to delete' }),
});
export const NoQuery = z.strictObject({});

// ---- responses ------------------------------------------------------------------------------
export const TokenSchema = z
  .object({
    id: z.string(),
    createdAt: Instant,
    expiresAt: Instant,
    state: z.enum(['active', 'pending-deletion']),
  })
  .meta({ id: 'Token' });

export const KeySchema = z
  .object({
    appKey: z.string(),
    name: z.string(),
    account: z.string(),
    roles: z.array(z.string()),
    status: z.enum(['active', 'inactive']),
    createdAt: Instant,
    updatedAt: Instant,
    version: z.number().int(),
    tokens: z.array(TokenSchema).min(1).max(2),
    renewal: z.object({ startedAt: Instant }).nullable(),
    alert: z.enum(ALERT_LEVELS),
    renewalFlag: z
      .object({ level: z.enum(['expiring', 'expired', 'expired-critical']), flaggedAt: Instant })
      .nullable(),
    lastUsedAt: Instant.nullable(),
    share: z
      .object({ expiresAt: Instant })
      .nullable()
      .meta({ description: 'While a single-access link is unopened' }),
    leak: z
      .object({ reportedAt: Instant, url: z.string(), source: z.string() })
      .nullable()
      .meta({ description: 'Set when a secret scanner reported a token of this key' }),
  })
  .meta({ id: 'Key' });

export const KeyWithTokenSchema = z
  .object({
    key: KeySchema,
    token: z.string().nullable().meta({ description: 'Shown once, never again; null with delivery=link' }),
    share: z
      .object({ url: z.string(), expiresAt: Instant })
      .optional()
      .meta({ description: 'With delivery=link: the single-access link (shown once)' }),
  })
  .meta({ id: 'KeyWithToken' });

export const KeyPageSchema = z
  .object({ items: z.array(KeySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'KeyPage' });

export const SettingsSchema = z
  .object({
    tokenDurationDays: z.literal([...TOKEN_DURATIONS]),
    expiryWarningDays: z.number().int(),
    enforceExpiry: z.boolean(),
    updatedAt: Instant.nullable(),
  })
  .meta({ id: 'Settings' });

export const VerifyResultSchema = z
  .union([
    z.object({
      valid: z.literal(true),
      account: z.string(),
      owner: z.string().meta({ description: "The key's own account" }),
      appKey: z.string(),
      name: z.string(),
      roles: z.array(z.string()),
      permissions: z.array(z.string()),
      tokenExpiresAt: Instant,
    }),
    z.object({
      valid: z.literal(false),
      reason: z.enum(['invalid', 'inactive', 'expired', 'not-granted']),
    }),
  ])
  .meta({ id: 'VerifyResult' });

export const WhoAmISchema = z
  .object({
    account: z.string(),
    owner: z.string().meta({ description: "The key's own account (differs for an external key)" }),
    appKey: z.string(),
    roles: z.array(z.string()),
    permissions: z.array(z.string()),
  })
  .meta({ id: 'WhoAmI' });

const AuditKeyRef = z.object({ type: z.string(), appKey: z.string().nullable() });
export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: Instant,
    account: z.string(),
    action: z.enum(AUDIT_ACTIONS),
    actor: AuditKeyRef.extend({ type: z.enum(['key', 'share-link', 'leak-report', 'system']) }),
    target: z.object({ type: z.enum(['key', 'external-key', 'role', 'settings']), id: z.string() }),
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
    requestId: z.string().nullable(),
    sourceIp: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export const AuditPageSchema = z
  .object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditPage' });

export const LeakReportResultSchema = z
  .array(
    z.object({
      token_hash: z.string().meta({ description: 'SHA-256 (hex) of the reported string' }),
      token_type: z.string(),
      label: z.enum(['true_positive', 'false_positive']),
    }),
  )
  .meta({ id: 'LeakReportResult' });

export const SharePreviewSchema = z
  .object({ expiresAt: Instant, appKey: z.string(), account: z.string(), name: z.string() })
  .meta({ id: 'SharePreview' });
export const OpenedShareSchema = z
  .object({ appKey: z.string(), account: z.string(), name: z.string(), token: z.string() })
  .meta({ id: 'OpenedShare' });

export const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
export const HealthUnavailableSchema = z
  .object({ status: z.literal('unavailable'), storage: z.literal('unavailable') })
  .meta({ id: 'HealthUnavailable' });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

/** Request schemas by name, so the route table can name them without importing them. */
export const requestSchemas = {
  CreateKeyBody,
  PatchKeyBody,
  RenewBody,
  SettingsBody,
  VerifyBody,
  EmptyBody,
  OpenShareBody,
  ListKeysQuery,
  ExportKeysQuery,
  ListAuditQuery,
  DeleteKeyQuery,
  NoQuery,
  LeakReportBody,
  CreateRoleBody,
  ReplaceRoleBody,
  AddExternalKeyBody,
  PatchExternalKeyBody,
  ListExternalKeysQuery,
} as const;
export type RequestSchemaName = keyof typeof requestSchemas;

export const responseSchemas = {
  Key: KeySchema,
  KeyWithToken: KeyWithTokenSchema,
  KeyPage: KeyPageSchema,
  Settings: SettingsSchema,
  RoleList: RoleListSchema,
  VerifyResult: VerifyResultSchema,
  WhoAmI: WhoAmISchema,
  AuditPage: AuditPageSchema,
  SharePreview: SharePreviewSchema,
  OpenedShare: OpenedShareSchema,
  Health: HealthSchema,
  LeakReportResult: LeakReportResultSchema,
  Role: RoleSchema,
  ExternalKey: ExternalKeySchema,
  ExternalKeyPage: ExternalKeyPageSchema,
} as const;
export type ResponseSchemaName = keyof typeof responseSchemas;
