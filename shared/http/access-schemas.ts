// Schemas of custom roles and external keys (API.md 1.1): the requests the handlers validate and
// the responses the OpenAPI document and the integration suite's response checks use.
import * as z from 'zod';
import { PERMISSION_PATTERN } from '../domain/roles';
import { ACCOUNT_PATTERN, APP_KEY_PATTERN } from '../domain/ids';
import { Instant, Name, RoleId, RoleIds } from './common-schemas';

/** Our own limit, where API.md is silent: long enough for a paragraph, short enough to list 100. */
export const MAX_ROLE_DESCRIPTION = 500;
const Description = z.string().trim().max(MAX_ROLE_DESCRIPTION);
const Permissions = z
  .array(z.string().regex(PERMISSION_PATTERN, 'Not a permission (area:action, lower case).'))
  .min(1)
  .max(50)
  .meta({ uniqueItems: true });

export const CreateRoleBody = z
  .strictObject({
    id: RoleId,
    name: Name,
    description: Description.default(''),
    permissions: Permissions,
  })
  .meta({ id: 'CreateRoleRequest' });

export const ReplaceRoleBody = z
  .strictObject({ name: Name, description: Description, permissions: Permissions })
  .meta({ id: 'ReplaceRoleRequest' });

export const AddExternalKeyBody = z
  .strictObject({ appKey: z.string().regex(APP_KEY_PATTERN, 'Must be an appKey.'), roles: RoleIds })
  .meta({ id: 'AddExternalKeyRequest' });

export const PatchExternalKeyBody = z
  .strictObject({ roles: RoleIds.optional(), active: z.boolean().optional() })
  .refine((b) => b.roles !== undefined || b.active !== undefined, { message: 'Give roles, active or both.' })
  .meta({ id: 'PatchExternalKeyRequest', minProperties: 1 });

export const ListExternalKeysQuery = z.strictObject({
  search: z.string().max(100).optional(),
  status: z.enum(['active', 'inactive']).optional(),
  limit: z
    .string()
    .regex(/^[1-9][0-9]{0,2}$/, 'Must be a whole number from 1 to 100.')
    .pipe(z.coerce.number<string>().int().min(1).max(100))
    .default(50),
  cursor: z.string().max(300).optional(),
});

/** The optional target account of POST /v1/verify. */
export const TargetAccount = z.string().regex(ACCOUNT_PATTERN, 'Not an account name.');

export const RoleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    permissions: z.array(z.string()),
    predefined: z.boolean(),
    version: z.number().int().optional().meta({ description: 'Custom roles only' }),
    createdAt: Instant.optional().meta({ description: 'Custom roles only' }),
    updatedAt: Instant.optional().meta({ description: 'Custom roles only' }),
  })
  .meta({ id: 'Role' });
export const RoleListSchema = z.object({ items: z.array(RoleSchema) }).meta({ id: 'RoleList' });

export const ExternalKeySchema = z
  .object({
    appKey: z.string(),
    owner: z.string().meta({ description: "The key's own account" }),
    roles: z.array(z.string()),
    status: z.enum(['active', 'inactive']),
    addedAt: Instant,
    updatedAt: Instant,
    version: z.number().int(),
  })
  .meta({ id: 'ExternalKey' });
export const ExternalKeyPageSchema = z
  .object({ items: z.array(ExternalKeySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ExternalKeyPage' });
