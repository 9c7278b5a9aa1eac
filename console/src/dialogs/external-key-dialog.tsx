// Add an external key (its appKey and the roles granted), or edit the roles of one already added.
// The picker offers only roles without management permissions: the API refuses the others for keys
// of other accounts. Editing sends If-Match, so a change made elsewhere is refused, not overwritten.
import { useId, useState } from 'preact/hooks';
import type { ExternalKey } from '../api/access-types';
import type { Role } from '../api/types';
import { AccessProblem } from '../access/access-problem';
import { grantableToExternalKeys } from '../access/management';
import { apiFieldError } from '../access/role-form';
import { ModalDialog } from '../components/modal-dialog';
import { RolePicker } from '../components/role-picker';
import { TextField } from '../components/text-field';
import { useAction } from '../components/use-action';
import { useAccessMessages } from '../i18n/access-messages';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session-context';

const APP_KEY_PATTERN = /^apk-([a-z][a-z0-9]{2,29})-[0-9A-HJKMNP-TV-Z]{26}$/;

export interface ExternalKeyDialogProps {
  /** The grant whose roles to edit; absent to add one. */
  grant?: ExternalKey;
  roles: Role[];
  onSaved: (grant: ExternalKey) => void;
  onClose: () => void;
}

export function ExternalKeyDialog({ grant, roles, onSaved, onClose }: ExternalKeyDialogProps) {
  const { t } = useI18n();
  const m = useAccessMessages();
  const { api, identity } = useSession();
  const [appKey, setAppKey] = useState('');
  const [selected, setSelected] = useState<string[]>(grant?.roles ?? []);
  const [checked, setChecked] = useState(false);
  const action = useAction();
  const formId = `${useId()}-form`;
  const grantable = roles.filter(grantableToExternalKeys);

  const trimmedKey = appKey.trim();
  const keyAccount = APP_KEY_PATTERN.exec(trimmedKey)?.[1];
  const keyError = grant
    ? null
    : !keyAccount
      ? m.externalKeyInvalid
      : keyAccount === identity.account
        ? m.externalKeyOwnAccount
        : null;
  const rolesError = selected.length === 0 ? m.externalRolesRequired : null;

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setChecked(true);
    if (keyError || rolesError) return;
    if (grant && selected.join() === grant.roles.join()) return onClose();
    const saved = await action.run(() =>
      grant ? api.updateExternalKey(grant, { roles: selected }) : api.addExternalKey(trimmedKey, selected),
    );
    if (!saved) return;
    onSaved(saved);
    onClose();
  };

  return (
    <ModalDialog
      title={grant ? m.editExternalTitle(grant.appKey) : m.addExternalTitle}
      onClose={onClose}
      testId="external-key-dialog"
      actions={
        <>
          <AccessProblem error={action.error} texts={m.externalProblems} />
          <button type="button" class="button" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="submit" form={formId} class="button primary" disabled={action.busy}>
            {action.busy ? t.working : grant ? t.save : m.add}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(event) => void submit(event)} noValidate>
        {grant ? (
          <p>
            <span class="mono">{grant.appKey}</span> · {m.ownerAccount(grant.owner)}
          </p>
        ) : (
          <>
            <TextField
              label={m.externalKeyLabel}
              name="appKey"
              hint={m.externalKeyHint}
              value={appKey}
              required
              error={(checked && keyError) || apiFieldError(action.error, 'appKey')}
              onInput={setAppKey}
            />
            <p class="hint">{m.externalAddNote}</p>
          </>
        )}
        <p class="notice notice-info">{m.externalRolesNote}</p>
        <RolePicker
          roles={grantable}
          selected={selected}
          onChange={setSelected}
          error={(checked && rolesError) || apiFieldError(action.error, 'roles')}
        />
      </form>
    </ModalDialog>
  );
}
