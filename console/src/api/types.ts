// The shapes of the API's JSON bodies the console reads, taken from the types generated from the
// OpenAPI document (generated.ts, `npm run generate:types`): when the contract changes, the console
// stops compiling instead of drifting. Types only, so the browser bundle never pulls in server code
// or zod. What the document cannot say (the handover as a union, UI filters) is declared here on
// top of the generated shapes.
import type { components, operations } from './generated';

type Schemas = components['schemas'];

export type Key = Schemas['Key'];
export type Token = Schemas['Token'];
export type AlertLevel = Key['alert'];
export type KeyStatus = Key['status'];

/** How a new token reaches its holder: in the response, or through a link that opens once. */
export type Delivery = NonNullable<Schemas['CreateKeyRequest']['delivery']>;

/** `{console}/share/{id}#{secret}`: the secret is in the fragment, which browsers never send. */
export type ShareLink = NonNullable<Schemas['KeyWithToken']['share']>;

/** The answer to generate and renew: the token, or (delivery=link) the link that carries it. */
export type KeyHandover =
  { key: Key; token: string; share?: undefined } | { key: Key; token: null; share: ShareLink };

/** GET /v1/shares/{id}: who an unopened link is for; reading it consumes nothing. */
export type SharePreview = Schemas['SharePreview'];

/** POST /v1/shares/{id}/open: the token, exactly once. */
export type SharedToken = Schemas['OpenedShare'];

export type KeyPage = Schemas['KeyPage'];

export type Settings = Schemas['Settings'];
export type TokenDuration = Settings['tokenDurationDays'];
export const TOKEN_DURATIONS = [30, 60, 90, 180, 365] as const satisfies readonly TokenDuration[];

export type SettingsInput = Schemas['SettingsRequest'];

export type Role = Schemas['Role'];

export type VerifyResult = Schemas['VerifyResult'];

export type Problem = Schemas['Problem'];
export type FieldError = NonNullable<Problem['errors']>[number];

/** `attention` is the console's own: several API filters merged, most urgent first (key-pages.ts). */
export type KeyAlertFilter = AlertLevel | '' | 'attention';

export interface KeyFilter {
  search: string;
  status: KeyStatus | '';
  alert: KeyAlertFilter;
}

export const NO_KEY_FILTER: KeyFilter = { search: '', status: '', alert: '' };

/** A filter as GET /v1/keys takes it: one alert level at most. */
export type ApiKeyFilter = Omit<KeyFilter, 'alert'> & { alert: AlertLevel | '' };

export type AuditEntry = Schemas['AuditEntry'];
export type AuditAction = AuditEntry['action'];
export type ActorType = AuditEntry['actor']['type'];
export type AuditTargetType = AuditEntry['target']['type'];

/** The actions the audit log records (API.md, "Audit log"), in the order the filter lists them. */
export const AUDIT_ACTIONS = [
  'key.created',
  'key.updated',
  'key.activated',
  'key.deactivated',
  'key.deleted',
  'token.renewed',
  'renewal.finished',
  'renewal.undone',
  'share.opened',
  'share.revoked',
  'settings.updated',
  'role.created',
  'role.updated',
  'role.deleted',
  'external-key.added',
  'external-key.updated',
  'external-key.removed',
  'token.leaked',
  'renewal.flagged',
] as const satisfies readonly AuditAction[];

export type AuditPage = Schemas['AuditPage'];

/** GET /v1/audit's filters: `appKey` matches the target or the actor; instants are ISO with ms. */
export type AuditQuery = Pick<
  NonNullable<operations['listAudit']['parameters']['query']>,
  'appKey' | 'action' | 'from' | 'to'
>;

// Compile-time checks that the hand-written union still matches the contract in both directions.
type Assert<T extends true> = T;
export type HandoverMatchesContract = Assert<KeyHandover extends Schemas['KeyWithToken'] ? true : false>;
export type AuditActionsComplete = Assert<AuditAction extends (typeof AUDIT_ACTIONS)[number] ? true : false>;
