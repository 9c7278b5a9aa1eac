// Renew token: choose whether the old token is deleted now or later, then see the new token once.
import { useId, useRef, useState } from 'preact/hooks';
import type { Key, KeyWithToken } from '../api/types';
import { ModalDialog } from '../components/modal-dialog';
import { ProblemMessage } from '../components/problem-message';
import { TokenReveal } from '../components/token-reveal';
import { useAction } from '../components/use-action';
import { useI18n } from '../i18n/i18n';
import { newIdempotencyKey } from '../idempotency';
import { useSession } from '../session-context';

export interface RenewTokenDialogProps {
  keyItem: Key;
  onRenewed: (key: Key) => void;
  onClose: () => void;
}

type DeleteOld = 'later' | 'now';

export function RenewTokenDialog({ keyItem: key, onRenewed, onClose }: RenewTokenDialogProps) {
  const { t } = useI18n();
  const { api } = useSession();
  const [deleteOld, setDeleteOld] = useState<DeleteOld>('later');
  const [renewed, setRenewed] = useState<KeyWithToken | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const action = useAction();
  const id = useId();

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const result = await action.run(() => api.renew(key.appKey, deleteOld, idempotencyKey.current));
    if (!result) return;
    onRenewed(result.key);
    setRenewed(result);
  };

  if (renewed)
    return (
      <ModalDialog
        key="token"
        title={t.newTokenTitle}
        onClose={onClose}
        testId="token-dialog"
        actions={
          <button type="button" class="button" onClick={onClose}>
            {t.done}
          </button>
        }
      >
        <TokenReveal appKey={renewed.key.appKey} token={renewed.token} />
      </ModalDialog>
    );

  const option = (value: DeleteOld, label: string, hint: string) => (
    <div class="radio-field">
      <input
        type="radio"
        name={`${id}-delete-old`}
        id={`${id}-${value}`}
        value={value}
        checked={deleteOld === value}
        aria-describedby={`${id}-${value}-hint`}
        onChange={() => {
          setDeleteOld(value);
          idempotencyKey.current = newIdempotencyKey();
        }}
      />
      <label for={`${id}-${value}`}>{label}</label>
      <p class="hint" id={`${id}-${value}-hint`}>
        {hint}
      </p>
    </div>
  );

  const formId = `${id}-form`;
  return (
    <ModalDialog
      key="form"
      title={t.renewTitle(key.name)}
      onClose={onClose}
      testId="renew-dialog"
      actions={
        <>
          <ProblemMessage error={action.error} />
          <button type="button" class="button" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="submit" form={formId} class="button primary" disabled={action.busy}>
            {action.busy ? t.working : t.renew}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(event) => void submit(event)}>
        <p class="mono">{key.appKey}</p>
        <fieldset>
          <legend>{t.deleteOldLegend}</legend>
          {option('later', t.deleteOldLater, t.deleteOldLaterHint)}
          {option('now', t.deleteOldNow, t.deleteOldNowHint)}
        </fieldset>
      </form>
    </ModalDialog>
  );
}
