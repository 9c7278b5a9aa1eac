// The table of roles: name and id, description, permissions, predefined or custom, and (for a key
// with roles:edit) the row menu of custom roles. Predefined roles never get one: they cannot change.
import type { AccessRole } from '../api/access-types';
import { RowMenu } from '../components/row-menu';
import { useAccessMessages } from '../i18n/access-messages';
import { useI18n } from '../i18n/i18n';

export interface RolesTableProps {
  roles: AccessRole[];
  canEdit: boolean;
  roleName: (role: AccessRole) => string;
  onEdit: (role: AccessRole) => void;
  onDelete: (role: AccessRole) => void;
}

export function RolesTable({ roles, canEdit, roleName, onEdit, onDelete }: RolesTableProps) {
  const { t } = useI18n();
  const m = useAccessMessages();
  return (
    <table class="keys-table" aria-labelledby="main-heading" data-testid="roles-table">
      <thead>
        <tr>
          <th scope="col">{m.colRole}</th>
          <th scope="col">{m.colDescription}</th>
          <th scope="col">{m.colPermissions}</th>
          <th scope="col">{m.colKind}</th>
          {canEdit && (
            <th scope="col">
              <span class="visually-hidden">{t.colActions}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {roles.map((role) => (
          <tr key={role.id} data-role-id={role.id} data-predefined={role.predefined ? 'true' : 'false'}>
            <th scope="row" class="key-cell">
              <span class="key-name role-name">{roleName(role)}</span>
              <span class="mono">{role.id}</span>
            </th>
            <td data-label={m.colDescription} class="role-description-cell">
              {(role.predefined && t.roles[role.id]?.description) || role.description}
            </td>
            <td data-label={m.colPermissions}>
              <ul class="role-tags">
                {role.permissions.map((p) => (
                  <li key={p} class="tag mono" data-permission={p}>
                    {p}
                  </li>
                ))}
              </ul>
            </td>
            <td data-label={m.colKind}>
              {role.predefined ? (
                <span class="tag tag-predefined" title={m.predefinedLocked}>
                  {m.predefined}
                </span>
              ) : (
                <span class="tag">{m.custom}</span>
              )}
            </td>
            {canEdit && (
              <td class="actions-cell">
                {!role.predefined && (
                  <RowMenu
                    label={m.roleActionsFor(roleName(role))}
                    items={[
                      { id: 'edit', label: m.menuEditRole, onSelect: () => onEdit(role) },
                      { id: 'delete', label: m.menuDeleteRole, danger: true, onSelect: () => onDelete(role) },
                    ]}
                  />
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
