// Shapes of the custom-role and external-key bodies (API.md 1.1, "Custom roles" and "External
// keys"), taken from the types generated from the OpenAPI document: when the contract changes, the
// Roles and External keys tabs stop compiling instead of drifting.
import type { components } from './generated';

type Schemas = components['schemas'];

/** A role as GET /v1/roles lists it: only custom roles carry the `version` PUT needs in If-Match. */
export type AccessRole = Schemas['Role'];

/** POST /v1/roles; PUT takes the same without `id` (a role's id never changes). */
export type RoleInput = Required<Schemas['CreateRoleRequest']>;

/** A key of another account (`owner`) that this account grants roles to. */
export type ExternalKey = Schemas['ExternalKey'];
export type ExternalKeyStatus = ExternalKey['status'];
export type ExternalKeyPage = Schemas['ExternalKeyPage'];

export interface ExternalKeyFilter {
  search: string;
  status: ExternalKeyStatus | '';
}

// Compile-time check that the edit form still sends what PUT expects.
type Assert<T extends true> = T;
export type ReplaceMatchesContract = Assert<
  Omit<RoleInput, 'id'> extends Schemas['ReplaceRoleRequest'] ? true : false
>;
