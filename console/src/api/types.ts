// The shapes of the API's JSON bodies the console reads (API.md, "Objects"). Declared here rather
// than imported from shared/ so the browser bundle never pulls in server code or zod.

export type AlertLevel = 'none' | 'expiring' | 'expired' | 'expired-critical';
export type KeyStatus = 'active' | 'inactive';

export interface Token {
  id: string;
  createdAt: string;
  expiresAt: string;
  state: 'active' | 'pending-deletion';
}

export interface Key {
  appKey: string;
  name: string;
  account: string;
  roles: string[];
  status: KeyStatus;
  createdAt: string;
  updatedAt: string;
  version: number;
  tokens: Token[];
  renewal: { startedAt: string } | null;
  alert: AlertLevel;
  renewalFlag: { level: Exclude<AlertLevel, 'none'>; flaggedAt: string } | null;
  lastUsedAt: string | null;
  /** Set when a secret scanner reported one of the key's tokens in public code. */
  leak?: { reportedAt: string; url: string; source: string } | null;
  /** Set while a single-access link carrying the key's newest token is unopened. */
  share?: { expiresAt: string } | null;
}

/** How a new token reaches its holder: in the response, or through a link that opens once. */
export type Delivery = 'link' | 'response';

export interface ShareLink {
  /** `{console}/share/{id}#{secret}`: the secret is in the fragment, which browsers never send. */
  url: string;
  expiresAt: string;
}

/** The answer to generate and renew: the token, or (delivery=link) the link that carries it. */
export type KeyHandover =
  { key: Key; token: string; share?: null } | { key: Key; token: null; share: ShareLink };

/** GET /v1/shares/{id}: who an unopened link is for; reading it consumes nothing. */
export interface SharePreview {
  expiresAt: string;
  appKey: string;
  account: string;
  name: string;
}

/** POST /v1/shares/{id}/open: the token, exactly once. */
export interface SharedToken {
  appKey: string;
  account: string;
  name: string;
  token: string;
}

export interface KeyPage {
  items: Key[];
  nextCursor: string | null;
}

export const TOKEN_DURATIONS = [30, 60, 90, 180, 365] as const;
export type TokenDuration = (typeof TOKEN_DURATIONS)[number];

export interface Settings {
  tokenDurationDays: TokenDuration;
  expiryWarningDays: number;
  enforceExpiry: boolean;
  updatedAt: string | null;
}

export type SettingsInput = Omit<Settings, 'updatedAt'>;

export interface Role {
  id: string;
  name: string;
  description: string;
  permissions: string[];
}

export type VerifyResult =
  | {
      valid: true;
      account: string;
      appKey: string;
      name: string;
      roles: string[];
      permissions: string[];
      tokenExpiresAt: string;
    }
  | { valid: false; reason: 'invalid' | 'inactive' | 'expired' };

export interface FieldError {
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export interface KeyFilter {
  search: string;
  status: KeyStatus | '';
  alert: AlertLevel | '';
}

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
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type ActorType = 'key' | 'share-link' | 'leak-report' | 'system';
export type AuditTargetType = 'key' | 'external-key' | 'role' | 'settings';

export interface AuditEntry {
  id: string;
  at: string;
  account: string;
  action: AuditAction;
  actor: { type: ActorType; appKey: string | null };
  target: { type: AuditTargetType; id: string };
  /** Only what changed, per field; a field missing before (a creation) or after (a deletion) is null. */
  changes: Record<string, { from: unknown; to: unknown }>;
  requestId: string | null;
  sourceIp: string | null;
  userAgent: string | null;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

/** GET /v1/audit's filters: `appKey` matches the target or the actor; instants are ISO with ms. */
export interface AuditQuery {
  appKey?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
}
