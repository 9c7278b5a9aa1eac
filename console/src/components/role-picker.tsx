// The roles multi-select: one checkbox per role of the account, none ticked unless the key already
// holds it, with a standing warning against over-permissive roles and a louder one as soon as a
// role that manages keys or settings is ticked.
import type { Role } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useId } from 'preact/hooks';

const MANAGEMENT = ['keys:edit', 'keys:renew', 'settings:edit', 'roles:edit', 'audit:view'];

export interface RolePickerProps {
  roles: Role[];
  selected: string[];
  onChange: (selected: string[]) => void;
  error?: string | null;
}

export function RolePicker({ roles, selected, onChange, error }: RolePickerProps) {
  const { t } = useI18n();
  const id = useId();
  const display = (role: Role) => t.roles[role.id] ?? { name: role.name, description: role.description };
  const toggle = (roleId: string, on: boolean): void =>
    // Kept in the account's role order, so the result does not depend on the order of clicks.
    onChange(roles.map((r) => r.id).filter((r) => (r === roleId ? on : selected.includes(r))));
  const powerful = roles.filter(
    (r) => selected.includes(r.id) && r.permissions.some((p) => MANAGEMENT.includes(p)),
  );
  return (
    <fieldset
      class="role-picker"
      aria-describedby={selected.length === 0 ? `${id}-hint ${id}-warning` : `${id}-warning`}
    >
      <legend>{t.rolesLegend}</legend>
      {/* "None is selected" is true only while nothing is ticked. */}
      {selected.length === 0 && (
        <p class="hint" id={`${id}-hint`} data-testid="roles-none-hint">
          {t.rolesHint}
        </p>
      )}
      <p class="notice notice-info" id={`${id}-warning`}>
        {t.overPermissive}
      </p>
      <ul class="role-list">
        {roles.map((role) => (
          <li key={role.id}>
            <input
              type="checkbox"
              id={`${id}-${role.id}`}
              value={role.id}
              checked={selected.includes(role.id)}
              aria-describedby={`${id}-${role.id}-desc`}
              onChange={(event) => toggle(role.id, (event.currentTarget as HTMLInputElement).checked)}
            />
            <label for={`${id}-${role.id}`}>{display(role).name}</label>
            <span class="hint role-description" id={`${id}-${role.id}-desc`}>
              {display(role).description} <span class="mono">{role.permissions.join(', ')}</span>
            </span>
          </li>
        ))}
      </ul>
      {powerful.length > 0 && (
        <p class="notice notice-warning" role="status" data-testid="management-warning">
          {t.managementWarning(powerful.map((r) => display(r).name).join(', '))}
        </p>
      )}
      {error && <p class="field-error">{error}</p>}
    </fieldset>
  );
}
