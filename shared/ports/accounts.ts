// Accounts (tenants) and their settings. Settings change only through the unit of work.
import type { Settings } from '../domain/settings';

export interface Account {
  account: string;
  createdAt: string;
  settings: Settings;
}

export interface AccountRepository {
  getAccount(account: string): Promise<Account | null>;
  /** Creates the account with default settings if it does not exist; returns it either way. */
  ensureAccount(account: string, nowMs: number): Promise<Account>;
}
