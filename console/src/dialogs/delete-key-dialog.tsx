// Delete key: permanent, so the button stays disabled until "I understand that this action cannot
// be undone" is ticked.
import { useId, useState } from 'preact/hooks';
import type { Key } from '../api/types';
import { CancelButton } from '../components/cancel-button';
import { ModalDialog } from '../components/modal-dialog';
import { ProblemMessage } from '../components/problem-message';
import { useAction } from '../components/use-action';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session-context';

export interface DeleteKeyDialogProps {
  keyItem: Key;
  onDeleted: (appKey: string) => void;
  onClose: () => void;
}

export function DeleteKeyDialog({ keyItem: key, onDeleted, onClose }: DeleteKeyDialogProps) {
  const { t } = useI18n();
  const { api } = useSession();
  const [understood, setUnderstood] = useState(false);
  const action = useAction();
  const id = useId();

  const remove = async (): Promise<void> => {
    const done = await action.run(async () => {
      await api.deleteKey(key.appKey);
      return true;
    });
    if (!done) return;
    onDeleted(key.appKey);
    onClose();
  };

  return (
    <ModalDialog
      title={t.deleteTitle}
      onClose={onClose}
      busy={action.busy}
      testId="delete-dialog"
      actions={
        <>
          <ProblemMessage error={action.error} />
          <CancelButton busy={action.busy} onClick={onClose} />
          <button
            type="button"
            class="button danger"
            disabled={!understood || action.busy}
            onClick={() => void remove()}
          >
            {action.busy ? t.working : t.deleteConfirm}
          </button>
        </>
      }
    >
      <p>{t.deleteBody(key.name, key.appKey)}</p>
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
