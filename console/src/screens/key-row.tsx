// One key of the table, with its row menu. Actions that open a dialog are handed up; Activate acts
// at once, and its failure is shown in the row it came from.
import type { ApiError } from '../api/api-error';
import type { Key } from '../api/types';
import { AlertBadge } from '../components/alert-badge';
import { LeakBadge } from '../components/leak-badge';
import { ProblemMessage } from '../components/problem-message';
import { RowMenu, type MenuItem } from '../components/row-menu';
import { UnopenedLinkTag } from '../components/unopened-link-tag';
import { CopyKeyButton } from '../components/copy-key-button';
import { RelativeTime } from '../components/relative-time';
import { formatDate, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { KeyDialogKind } from '../dialogs/key-dialog-state';
import { TokenExpiries } from './token-expiries';

export interface KeyRowProps {
  keyItem: Key;
  isOwnKey: boolean;
  /** The key holds a management permission the signed-in key lacks: the API refuses any change. */
  morePrivileged: boolean;
  now: number;
  error: ApiError | null;
  onOpen: (kind: KeyDialogKind, key: Key) => void;
  onActivate: (key: Key) => void;
  /** Shows the key's audit history; absent for a signed-in key without audit:view. */
  onHistory?: (appKey: string) => void;
  /** The display name of a role id: translated for predefined roles, the account's name otherwise. */
  roleName: (id: string) => string;
}

export function KeyRow({
  keyItem: key,
  isOwnKey,
  morePrivileged,
  now,
  error,
  onOpen,
  onActivate,
  onHistory,
  roleName,
}: KeyRowProps) {
  const { t, locale } = useI18n();
  const items: MenuItem[] = [{ id: 'edit', label: t.menuEdit, onSelect: () => onOpen('edit', key) }];
  if (key.status === 'active')
    items.push({ id: 'deactivate', label: t.menuDeactivate, onSelect: () => onOpen('deactivate', key) });
  else items.push({ id: 'activate', label: t.menuActivate, onSelect: () => onActivate(key) });
  if (key.renewal) {
    items.push(
      { id: 'finish-renewal', label: t.menuFinishRenewal, onSelect: () => onOpen('finish-renewal', key) },
      { id: 'undo-renewal', label: t.menuUndoRenewal, onSelect: () => onOpen('undo-renewal', key) },
    );
  } else if (key.leak) {
    // A leaked key's way out is a new token: offered first, and named for what it fixes.
    items.unshift({ id: 'renew', label: t.menuRenewLeaked, onSelect: () => onOpen('renew', key) });
  } else items.push({ id: 'renew', label: t.menuRenew, onSelect: () => onOpen('renew', key) });
  if (key.share)
    items.push({ id: 'revoke-link', label: t.share.menuRevoke, onSelect: () => onOpen('revoke-link', key) });
  if (onHistory) items.push({ id: 'history', label: t.menuHistory, onSelect: () => onHistory(key.appKey) });
  items.push({ id: 'delete', label: t.menuDelete, danger: true, onSelect: () => onOpen('delete', key) });
  // Offered but disabled, with the reason, when the API would refuse it (API.md 1.1).
  for (const item of items) {
    if (item.id === 'history') continue;
    if (morePrivileged) item.disabledReason = t.refusedMorePrivileged;
    else if (isOwnKey && item.id === 'renew') item.disabledReason = t.refusedOwnRenew;
    else if (isOwnKey && item.id === 'delete') item.disabledReason = t.refusedOwnDelete;
  }

  return (
    <tr
      data-app-key={key.appKey}
      data-status={key.status}
      data-alert={key.alert}
      data-leaked={key.leak ? 'true' : undefined}
    >
      <th scope="row" class="key-cell">
        <span class="app-key-line">
          <span class="mono app-key">{key.appKey}</span>
          <CopyKeyButton appKey={key.appKey} />
        </span>
        <span class="key-name">
          {key.name}
          {isOwnKey && <span class="tag tag-self">{t.yourKey}</span>}
        </span>
        {key.leak && <LeakBadge leak={key.leak} />}
        {key.share && <UnopenedLinkTag expiresAt={key.share.expiresAt} />}
        {key.alert !== 'none' && <AlertBadge level={key.alert} />}
        <ProblemMessage error={error} />
      </th>
      <td data-label={t.colTokenDuration}>
        <TokenExpiries keyItem={key} now={now} />
      </td>
      <td data-label={t.colRoles}>
        {key.roles.length === 0 ? (
          <span class="muted">{t.noRoles}</span>
        ) : (
          <ul class="role-tags">
            {key.roles.map((role) => (
              <li key={role} class="tag" data-role={role}>
                {roleName(role)}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td data-label={t.colCreated}>
        <time dateTime={key.createdAt} title={formatDateTime(key.createdAt, locale)}>
          {formatDate(key.createdAt, locale)}
        </time>
      </td>
      <td data-label={t.colLastUsed} data-testid="last-used">
        {key.lastUsedAt ? (
          <RelativeTime iso={key.lastUsedAt} now={now} />
        ) : (
          <span class="muted">{t.neverUsed}</span>
        )}
      </td>
      <td data-label={t.colStatus}>
        <span class={`status status-${key.status}`}>{key.status === 'active' ? t.active : t.inactive}</span>
      </td>
      <td class="actions-cell">
        <RowMenu label={t.actionsFor(key.name)} items={items} />
      </td>
    </tr>
  );
}
