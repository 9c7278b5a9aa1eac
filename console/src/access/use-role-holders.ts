// Which keys and external keys hold a role. The API has no role filter, so this pages through
// GET /v1/keys and GET /v1/external-keys and keeps those whose roles include it. It is advice for
// the delete dialog only: the service itself refuses to delete a role that is held (409 role-in-use).
import { useEffect, useState } from 'preact/hooks';
import { asApiError, type ApiError } from '../api/api-error';
import type { ExternalKey } from '../api/access-types';
import type { Key } from '../api/types';
import { useSession } from '../session-context';

export type RoleHolders =
  | { state: 'checking' }
  | { state: 'failed'; error: ApiError }
  | { state: 'known'; keys: Key[]; externalKeys: ExternalKey[] };

export function useRoleHolders(roleId: string): RoleHolders {
  const { api } = useSession();
  const [holders, setHolders] = useState<RoleHolders>({ state: 'checking' });
  useEffect(() => {
    let current = true;
    Promise.all([api.allKeys(), api.allExternalKeys()]).then(
      ([keys, externalKeys]) => {
        if (!current) return;
        setHolders({
          state: 'known',
          keys: keys.filter((k) => k.roles.includes(roleId)),
          externalKeys: externalKeys.filter((k) => k.roles.includes(roleId)),
        });
      },
      (failure: unknown) => current && setHolders({ state: 'failed', error: asApiError(failure) }),
    );
    return () => {
      current = false;
    };
  }, [api, roleId]);
  return holders;
}

export function isHeld(holders: RoleHolders): boolean {
  return holders.state === 'known' && holders.keys.length + holders.externalKeys.length > 0;
}
