// Delete a custom role: permanent, so it first shows which keys and external keys hold the role
// (a held role cannot be deleted, and the operator needs to know where to remove it), and the
// button waits for "I understand that this action cannot be undone".
import { useId, useState } from 'preact/hooks';
import type { AccessRole } from '../api/access-types';
import { AccessProblem } from '../access/access-problem';
import { isHeld, useRoleHolders, type RoleHolders } from '../access/use-role-holders';
import { ModalDialog } from '../components/modal-dialog';
import { useAction } from '../components/use-action';
import { useAccessMessages } from '../i18n/access-messages';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session-context';

/** Enough to find them; the rest is a count (an account may have thousands of keys). */
const LISTED = 10;

export interface DeleteRoleDialogProps {
  role: AccessRole;
  roleName: string;
  onDeleted: (roleId: string) => void;
  onClose: () => void;
}

export function DeleteRoleDialog({ role, roleName, onDeleted, onClose }: DeleteRoleDialogProps) {
  const { t } = useI18n();
  const m = useAccessMessages();
  const { api } = useSession();
  const holders = useRoleHolders(role.id);
  const [understood, setUnderstood] = useState(false);
  const action = useAction();
  const id = useId();

  const remove = async (): Promise<void> => {
    const done = await action.run(async () => {
      await api.deleteRole(role.id);
      return true;
    });
    if (!done) return;
    onDeleted(role.id);
    onClose();
  };

  return (
    <ModalDialog
      title={m.deleteRoleTitle}
      onClose={onClose}
      testId="delete-role-dialog"
      actions={
        <>
          <AccessProblem error={action.error} texts={m.roleProblems} variant="delete" />
          <button type="button" class="button" onClick={onClose}>
            {t.cancel}
          </button>
          <button
            type="button"
            class="button danger"
            disabled={!understood || action.busy || holders.state === 'checking' || isHeld(holders)}
            onClick={() => void remove()}
          >
            {action.busy ? t.working : m.deleteRoleConfirm}
          </button>
        </>
      }
    >
      <p>{m.deleteRoleBody(roleName, role.id)}</p>
      <HolderList holders={holders} />
      <div class="checkbox-field">
        <input
          type="checkbox"
          id={`${id}-understand`}
          checked={understood}
          onChange={(event) => setUnderstood((event.currentTarget as HTMLInputElement).checked)}
        />
        <label for={`${id}-understand`}>{t.deleteUnderstand}</label>
      </div>
    </ModalDialog>
  );
}

function HolderList({ holders }: { holders: RoleHolders }) {
  const m = useAccessMessages();
  return (
    <div role="status" data-testid="role-holders" data-state={holders.state}>
      {holders.state === 'checking' && <p>{m.holdersChecking}</p>}
      {holders.state === 'failed' && <p class="notice notice-info">{m.holdersFailed}</p>}
      {holders.state === 'known' && !isHeld(holders) && <p>{m.holdersNone}</p>}
      {holders.state === 'known' && isHeld(holders) && (
        <div class="notice notice-warning">
          <p>{m.holdersBlock}</p>
          {holders.keys.length > 0 && (
            <Holders
              title={m.holdersKeys(holders.keys.length)}
              items={holders.keys.map((k) => ({ id: k.appKey, label: k.name }))}
            />
          )}
          {holders.externalKeys.length > 0 && (
            <Holders
              title={m.holdersExternal(holders.externalKeys.length)}
              items={holders.externalKeys.map((k) => ({ id: k.appKey, label: m.ownerAccount(k.owner) }))}
            />
          )}
        </div>
      )}
    </div>
  );
}

function Holders({ title, items }: { title: string; items: { id: string; label: string }[] }) {
  const m = useAccessMessages();
  return (
    <>
      <p class="holders-title">{title}</p>
      <ul class="holder-list">
        {items.slice(0, LISTED).map((item) => (
          <li key={item.id} data-holder={item.id}>
            {item.label} <span class="mono">{item.id}</span>
          </li>
        ))}
      </ul>
      {items.length > LISTED && <p>{m.holdersMore(items.length - LISTED)}</p>}
    </>
  );
}
