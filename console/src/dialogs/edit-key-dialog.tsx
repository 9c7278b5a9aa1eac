// Edit: the key's name, its roles and an Active checkbox. Sends only what changed, with If-Match, so a
// concurrent edit by someone else is refused instead of silently overwritten.
import { useState } from 'preact/hooks';
import type { Key, Role } from '../api/types';
import { CancelButton } from '../components/cancel-button';
import { ModalDialog } from '../components/modal-dialog';
import { ProblemMessage } from '../components/problem-message';
import { RolePicker } from '../components/role-picker';
import { TextField } from '../components/text-field';
import { useAction } from '../components/use-action';
import { useI18n } from '../i18n/i18n';
import { fieldError } from '../i18n/problem-text';
import { useSession } from '../session-context';
import { useId } from 'preact/hooks';

export interface EditKeyDialogProps {
  keyItem: Key;
  roles: Role[];
  onUpdated: (key: Key) => void;
  onClose: () => void;
}

export function EditKeyDialog({ keyItem: key, roles, onUpdated, onClose }: EditKeyDialogProps) {
  const { t } = useI18n();
  const { api } = useSession();
  const [name, setName] = useState(key.name);
  const [nameMissing, setNameMissing] = useState(false);
  const [selected, setSelected] = useState<string[]>(key.roles);
  const [active, setActive] = useState(key.status === 'active');
  const action = useAction();
  const id = useId();

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const changes: { name?: string; roles?: string[]; active?: boolean } = {};
    const trimmed = name.trim();
    if (!trimmed) return setNameMissing(true);
    if (trimmed !== key.name) changes.name = trimmed;
    if (selected.join() !== key.roles.join()) changes.roles = selected;
    if (active !== (key.status === 'active')) changes.active = active;
    if (Object.keys(changes).length === 0) return onClose();
    const updated = await action.run(() => api.updateKey(key, changes));
    if (!updated) return;
    onUpdated(updated);
    onClose();
  };

  const formId = `${id}-form`;
  return (
    <ModalDialog
      title={t.editTitle(key.name)}
      onClose={onClose}
      busy={action.busy}
      testId="edit-dialog"
      actions={
        <>
          <ProblemMessage error={action.error} />
          <CancelButton busy={action.busy} onClick={onClose} />
          <button type="submit" form={formId} class="button primary" disabled={action.busy}>
            {action.busy ? t.working : t.save}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(event) => void submit(event)} noValidate>
        <p class="mono">{key.appKey}</p>
        <TextField
          label={t.nameLabel}
          name="name"
          value={name}
          required
          error={nameMissing && !name.trim() ? t.nameRequired : fieldError(action.error, 'name')}
          onInput={setName}
        />
        <RolePicker
          roles={roles}
          selected={selected}
          onChange={setSelected}
          error={fieldError(action.error, 'roles')}
        />
        <div class="checkbox-field">
          <input
            type="checkbox"
            id={`${id}-active`}
            checked={active}
            aria-describedby={`${id}-active-hint`}
            onChange={(event) => setActive((event.currentTarget as HTMLInputElement).checked)}
          />
          <label for={`${id}-active`}>{t.activeCheckbox}</label>
          <p class="hint" id={`${id}-active-hint`}>
            {t.activeHint}
          </p>
        </div>
      </form>
    </ModalDialog>
  );
}
