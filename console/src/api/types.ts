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
}

export interface KeyWithToken {
  key: Key;
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
