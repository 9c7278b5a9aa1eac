// Shapes of the custom-role and external-key bodies (API.md 1.1, "Custom roles" and "External
// keys"). Written by hand from the contract while the OpenAPI document does not carry them yet;
// once generated.ts has them these should become aliases of its schemas, so drift stops compiling.
import type { Role } from './types';

/**
 * A role as GET /v1/roles lists it in 1.1: predefined roles are read-only; only custom roles carry
 * the `version` that PUT needs in If-Match.
 */
export type AccessRole = Role & {
  predefined?: boolean;
  version?: number;
  createdAt?: string;
  updatedAt?: string;
};

/** POST /v1/roles; PUT takes the same without `id` (a role's id never changes). */
export interface RoleInput {
  id: string;
  name: string;
  description: string;
  permissions: string[];
}

export type ExternalKeyStatus = 'active' | 'inactive';

/** A key of another account (`owner`) that this account grants roles to. */
export interface ExternalKey {
  appKey: string;
  owner: string;
  roles: string[];
  status: ExternalKeyStatus;
  addedAt: string;
  updatedAt: string;
  version: number;
}

export interface ExternalKeyPage {
  items: ExternalKey[];
  nextCursor: string | null;
}

export interface ExternalKeyFilter {
  search: string;
  status: ExternalKeyStatus | '';
}
