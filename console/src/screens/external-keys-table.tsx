// The table of external keys, shaped like the reference page: Key / Owner, Roles, Added on, Status,
// and (for a key with keys:edit) the row menu. Activate acts at once; its failure shows in its row.
import type { ApiError } from '../api/api-error';
import type { ExternalKey } from '../api/access-types';
import { AccessProblem } from '../access/access-problem';
import { RowMenu, type MenuItem } from '../components/row-menu';
import { useAccessMessages } from '../i18n/access-messages';
import { formatDate, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

export type ExternalKeyAction = 'edit' | 'deactivate' | 'activate' | 'remove';

export interface ExternalKeysTableProps {
  grants: ExternalKey[];
  canEdit: boolean;
  rowErrors: Record<string, ApiError>;
  roleName: (id: string) => string;
  onAction: (action: ExternalKeyAction, grant: ExternalKey) => void;
}

export function ExternalKeysTable({
  grants,
  canEdit,
  rowErrors,
  roleName,
  onAction,
}: ExternalKeysTableProps) {
  const { t, locale } = useI18n();
  const m = useAccessMessages();
  const menu = (grant: ExternalKey): MenuItem[] => [
    { id: 'edit', label: m.menuEditRoles, onSelect: () => onAction('edit', grant) },
    grant.status === 'active'
      ? { id: 'deactivate', label: t.menuDeactivate, onSelect: () => onAction('deactivate', grant) }
      : { id: 'activate', label: t.menuActivate, onSelect: () => onAction('activate', grant) },
    { id: 'remove', label: m.menuRemove, danger: true, onSelect: () => onAction('remove', grant) },
  ];
  return (
    <table class="keys-table" aria-labelledby="main-heading" data-testid="external-keys-table">
      <thead>
        <tr>
          <th scope="col">{m.colKeyOwner}</th>
          <th scope="col">{m.colRoles}</th>
          <th scope="col">{m.colAdded}</th>
          <th scope="col">{m.colStatus}</th>
          {canEdit && (
            <th scope="col">
              <span class="visually-hidden">{t.colActions}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {grants.map((grant) => (
          <tr key={grant.appKey} data-app-key={grant.appKey} data-status={grant.status}>
            <th scope="row" class="key-cell">
              <span class="mono app-key">{grant.appKey}</span>
              <span class="key-name">{m.ownerAccount(grant.owner)}</span>
              <AccessProblem error={rowErrors[grant.appKey] ?? null} texts={m.externalProblems} />
            </th>
            <td data-label={m.colRoles}>
              {grant.roles.length === 0 ? (
                <span class="muted">{t.noRoles}</span>
              ) : (
                <ul class="role-tags">
                  {grant.roles.map((role) => (
                    <li key={role} class="tag" data-role={role}>
                      {roleName(role)}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td data-label={m.colAdded}>
              <time dateTime={grant.addedAt} title={formatDateTime(grant.addedAt, locale)}>
                {formatDate(grant.addedAt, locale)}
              </time>
            </td>
            <td data-label={m.colStatus}>
              <span class={`status status-${grant.status}`}>
                {grant.status === 'active' ? t.active : t.inactive}
              </span>
            </td>
            {canEdit && (
              <td class="actions-cell">
                <RowMenu label={m.externalActionsFor(grant.appKey)} items={menu(grant)} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
