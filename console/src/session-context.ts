// Who is signed in, and the API client that acts as them, for every screen below the header.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from './api/api-client';

export interface Identity {
  account: string;
  appKey: string;
  name: string;
  permissions: string[];
}

export interface Session {
  api: ApiClient;
  identity: Identity;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in screen');
  return session;
}
