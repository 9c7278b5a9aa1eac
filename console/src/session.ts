// The signed-in credential lives in sessionStorage only: it survives a reload of the tab but not
// the tab itself, is never written to localStorage or a cookie, and sign-out removes it.
import type { Credentials } from './api/api-client';

const STORAGE_KEY = 'apikeys.console.session';

export function loadSession(): Credentials | null {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Credentials>;
    if (typeof value.appKey === 'string' && typeof value.token === 'string')
      return { appKey: value.appKey, token: value.token };
  } catch {
    // A corrupt entry is treated as signed out.
  }
  sessionStorage.removeItem(STORAGE_KEY);
  return null;
}

export function saveSession(credentials: Credentials): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(credentials));
}

export function clearSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
