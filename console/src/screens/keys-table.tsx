// The table of keys with its column headers.
import type { ApiError } from '../api/api-error';
import type { Key, Role } from '../api/types';
import type { KeyDialogKind } from '../dialogs/key-dialog-state';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session-context';
import { KeyRow } from './key-row';

const MANAGEMENT = ['keys:view', 'keys:edit', 'keys:renew', 'settings:edit', 'roles:edit', 'audit:view'];

export interface KeysTableProps {
  keys: Key[];
  /** The rows answer an older filter while a newer one loads: dimmed and marked busy. */
  stale: boolean;
  ownKey: string;
  rowErrors: Record<string, ApiError>;
  onOpen: (kind: KeyDialogKind, key: Key) => void;
  onActivate: (key: Key) => void;
  onHistory?: (appKey: string) => void;
  roles: Role[];
}

export function KeysTable({
  keys,
  stale,
  ownKey,
  rowErrors,
  onOpen,
  onActivate,
  onHistory,
  roles,
}: KeysTableProps) {
  const { t } = useI18n();
  const roleName = (id: string): string => t.roles[id]?.name ?? roles.find((r) => r.id === id)?.name ?? id;
  const now = Date.now();
  // API.md 1.1: a caller may change a key only if it holds every management permission that key holds.
  const { identity } = useSession();
  const morePrivileged = (key: Key): boolean =>
    key.roles.some((id) =>
      (roles.find((r) => r.id === id)?.permissions ?? []).some(
        (p) => MANAGEMENT.includes(p) && !identity.permissions.includes(p),
      ),
    );
  return (
    <table
      class={stale ? 'keys-table is-stale' : 'keys-table'}
      aria-labelledby="main-heading"
      aria-busy={stale}
      data-testid="keys-table"
    >
      <thead>
        <tr>
          <th scope="col">{t.colKeyName}</th>
          <th scope="col">{t.colTokenDuration}</th>
          <th scope="col">{t.colRoles}</th>
          <th scope="col">{t.colCreated}</th>
          <th scope="col">{t.colLastUsed}</th>
          <th scope="col">{t.colStatus}</th>
          <th scope="col">
            <span class="visually-hidden">{t.colActions}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <KeyRow
            key={key.appKey}
            keyItem={key}
            isOwnKey={key.appKey === ownKey}
            morePrivileged={morePrivileged(key)}
            now={now}
            error={rowErrors[key.appKey] ?? null}
            onOpen={onOpen}
            onActivate={onActivate}
            onHistory={onHistory}
            roleName={roleName}
          />
        ))}
      </tbody>
    </table>
  );
}
