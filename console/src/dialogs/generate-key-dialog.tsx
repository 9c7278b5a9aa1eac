// "+ Generate key": a name (required), roles (none preselected) and how the token is handed over
// (a single-access link by default); then the link or the token, shown once. Either exists only in
// this component's state: closing the dialog forgets it.
import { useRef, useState } from 'preact/hooks';
import type { Delivery, Key, KeyHandover, Role } from '../api/types';
import { DeliveryChoice } from '../components/delivery-choice';
import { CancelButton } from '../components/cancel-button';
import { ModalDialog } from '../components/modal-dialog';
import { ProblemMessage } from '../components/problem-message';
import { RolePicker } from '../components/role-picker';
import { TextField } from '../components/text-field';
import { useAction } from '../components/use-action';
import { useI18n } from '../i18n/i18n';
import { fieldError } from '../i18n/problem-text';
import { newIdempotencyKey } from '../idempotency';
import { useSession } from '../session-context';
import { HandoverDialog } from './handover-dialog';

export interface GenerateKeyDialogProps {
  roles: Role[];
  onCreated: (key: Key) => void;
  onClose: () => void;
}

export function GenerateKeyDialog({ roles, onCreated, onClose }: GenerateKeyDialogProps) {
  const { t } = useI18n();
  const { api } = useSession();
  const [name, setName] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [nameMissing, setNameMissing] = useState(false);
  const [delivery, setDelivery] = useState<Delivery>('link');
  const [created, setCreated] = useState<KeyHandover | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const nameInput = useRef<HTMLInputElement>(null);
  const action = useAction();

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!name.trim()) {
      setNameMissing(true);
      nameInput.current?.focus();
      return;
    }
    const result = await action.run(() =>
      api.createKey(name.trim(), selected, delivery, idempotencyKey.current),
    );
    if (!result) return;
    onCreated(result.key);
    setCreated(result);
  };

  if (created)
    return <HandoverDialog key="handover" handover={created} tokenTitle={t.tokenTitle} onClose={onClose} />;

  const formId = 'generate-key-form';
  return (
    <ModalDialog
      key="form"
      title={t.generateTitle}
      onClose={onClose}
      busy={action.busy}
      testId="generate-dialog"
      actions={
        <>
          <ProblemMessage error={action.error} />
          <CancelButton busy={action.busy} onClick={onClose} />
          <button type="submit" form={formId} class="button primary" disabled={action.busy}>
            {action.busy ? t.working : t.generate}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t.nameLabel}
          hint={t.nameHint}
          value={name}
          required
          inputRef={nameInput}
          error={nameMissing && !name.trim() ? t.nameRequired : fieldError(action.error, 'name')}
          onInput={(value) => {
            setName(value);
            // A changed request needs a fresh idempotency key, or the API would call it a mismatch.
            idempotencyKey.current = newIdempotencyKey();
          }}
        />
        <RolePicker
          roles={roles}
          selected={selected}
          error={fieldError(action.error, 'roles')}
          onChange={(next) => {
            setSelected(next);
            idempotencyKey.current = newIdempotencyKey();
          }}
        />
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
