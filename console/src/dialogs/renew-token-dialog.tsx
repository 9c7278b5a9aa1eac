// Renew token: choose whether the old token is deleted now or later and how the new one is handed
// over (a single-access link by default), then see the link or the token once.
import { useId, useRef, useState } from 'preact/hooks';
import type { Delivery, Key, KeyHandover } from '../api/types';
import { DeliveryChoice } from '../components/delivery-choice';
import { CancelButton } from '../components/cancel-button';
import { ModalDialog } from '../components/modal-dialog';
import { ProblemMessage } from '../components/problem-message';
import { useAction } from '../components/use-action';
import { useI18n } from '../i18n/i18n';
import { newIdempotencyKey } from '../idempotency';
import { useSession } from '../session-context';
import { HandoverDialog } from './handover-dialog';

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
  const [delivery, setDelivery] = useState<Delivery>('link');
  const [renewed, setRenewed] = useState<KeyHandover | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const action = useAction();
  const id = useId();

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const result = await action.run(() => api.renew(key.appKey, deleteOld, delivery, idempotencyKey.current));
    if (!result) return;
    onRenewed(result.key);
    setRenewed(result);
  };

  if (renewed)
    return (
      <HandoverDialog key="handover" handover={renewed} tokenTitle={t.newTokenTitle} onClose={onClose} />
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
      busy={action.busy}
      testId="renew-dialog"
      actions={
        <>
          <ProblemMessage error={action.error} />
          <CancelButton busy={action.busy} onClick={onClose} />
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
        <DeliveryChoice
          value={delivery}
          onChange={(next) => {
            setDelivery(next);
            idempotencyKey.current = newIdempotencyKey();
          }}
        />
      </form>
    </ModalDialog>
  );
}
