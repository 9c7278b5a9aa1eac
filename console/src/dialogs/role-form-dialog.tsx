// Create or edit a custom role: id (on creation only; it never changes), name, description and the
// permissions as free text. Checked here first; what the API still refuses is shown at its field.
// Editing sends the version the operator saw (If-Match): a change made elsewhere meanwhile is
// refused with 412, and "Reload" brings the form up to date instead of overwriting that change.
import { useId, useRef, useState } from 'preact/hooks';
import type { AccessRole } from '../api/access-types';
import { AccessProblem } from '../access/access-problem';
import { isManagement } from '../access/management';
import { parsePermissions, permissionsText } from '../access/permission-list';
import { apiFieldError, hasErrors, roleFormErrors, type RoleFormErrors } from '../access/role-form';
import { ModalDialog } from '../components/modal-dialog';
import { TextAreaField } from '../components/text-area-field';
import { TextField } from '../components/text-field';
import { useAction } from '../components/use-action';
import { useAccessMessages } from '../i18n/access-messages';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session-context';

export interface RoleFormDialogProps {
  /** The role to edit; absent to create one. */
  role?: AccessRole;
  /** Ids already in use, refused before asking the API. */
  takenIds: string[];
  onSaved: (role: AccessRole) => void;
  /** Reads the roles again and returns this role as it now is (after a 412). */
  reloadRole: (id: string) => Promise<AccessRole | undefined>;
  onClose: () => void;
}

const NO_ERRORS: RoleFormErrors = { id: null, name: null, permissions: null };

export function RoleFormDialog({ role, takenIds, onSaved, reloadRole, onClose }: RoleFormDialogProps) {
  const { t } = useI18n();
  const m = useAccessMessages();
  const { api } = useSession();
  const [base, setBase] = useState(role);
  const [roleId, setRoleId] = useState(role?.id ?? '');
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [permissions, setPermissions] = useState(permissionsText(role?.permissions ?? []));
  const [errors, setErrors] = useState<RoleFormErrors>(NO_ERRORS);
  const [sent, setSent] = useState<string[]>([]);
  const action = useAction();
  const reload = useAction();
  const formId = `${useId()}-form`;
  const firstField = useRef<HTMLInputElement>(null);

  const parsed = parsePermissions(permissions);
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const found = roleFormErrors(m, { id: base ? null : roleId.trim(), name, permissions: parsed }, takenIds);
    setErrors(found);
    if (hasErrors(found)) return;
    setSent(parsed);
    const fields = { name: name.trim(), description: description.trim(), permissions: parsed };
    const saved = await action.run(() =>
      base ? api.updateRole(base, fields) : api.createRole({ id: roleId.trim(), ...fields }),
    );
    if (!saved) return;
    onSaved(saved);
    onClose();
  };

  const bringUpToDate = async (): Promise<void> => {
    if (!base) return;
    const fresh = await reload.run(() => reloadRole(base.id));
    if (!fresh) return;
    setBase(fresh);
    setName(fresh.name);
    setDescription(fresh.description);
    setPermissions(permissionsText(fresh.permissions));
    setErrors(NO_ERRORS);
    action.clearError();
    firstField.current?.focus();
  };

  const stale = action.error?.code === 'precondition-failed';
  const idError =
    errors.id ??
    (action.error?.code === 'conflict' && !base ? m.roleIdTaken : apiFieldError(action.error, 'id'));
  return (
    <ModalDialog
      title={base ? m.editRoleTitle(base.name) : m.createRoleTitle}
      onClose={onClose}
      testId="role-dialog"
      actions={
        <>
          <AccessProblem error={action.error} texts={m.roleProblems} variant={base ? 'edit' : 'create'} />
          <AccessProblem error={reload.error} texts={m.roleProblems} />
          <button type="button" class="button" onClick={onClose}>
            {t.cancel}
          </button>
          {stale && (
            <button type="button" class="button" disabled={reload.busy} onClick={() => void bringUpToDate()}>
              {reload.busy ? t.working : m.reload}
            </button>
          )}
          <button type="submit" form={formId} class="button primary" disabled={action.busy}>
            {action.busy ? t.working : base ? t.save : m.create}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(event) => void submit(event)} noValidate>
        {base ? (
          <p>
            {m.roleIdLabel}:{' '}
            <span class="mono" data-testid="role-id">
              {base.id}
            </span>
          </p>
        ) : (
          <TextField
            label={m.roleIdLabel}
            name="id"
            hint={m.roleIdHint}
            value={roleId}
            required
            error={idError}
            onInput={setRoleId}
          />
        )}
        <TextField
          label={m.roleNameLabel}
          name="name"
          hint={m.roleNameHint}
          value={name}
          required
          inputRef={firstField}
          error={errors.name ?? apiFieldError(action.error, 'name')}
          onInput={setName}
        />
        <TextField
          label={m.roleDescriptionLabel}
          name="description"
          value={description}
          error={apiFieldError(action.error, 'description')}
          onInput={setDescription}
        />
        <TextAreaField
          label={m.permissionsLabel}
          name="permissions"
          hint={m.permissionsHint}
          value={permissions}
          required
          error={errors.permissions ?? apiFieldError(action.error, 'permissions', sent)}
          onInput={setPermissions}
        />
        {parsed.some(isManagement) && (
          <p class="notice notice-warning" role="status" data-testid="role-management-warning">
            {m.permissionsManagement}
          </p>
        )}
      </form>
    </ModalDialog>
  );
}
