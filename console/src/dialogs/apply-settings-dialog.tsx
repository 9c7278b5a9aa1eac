// The second step of applying a shorter token duration: the operator reads what it does to the
// account's tokens (the same counts shown above Apply) and confirms, or goes back.
import { useRef } from 'preact/hooks';
import { ModalDialog } from '../components/modal-dialog';
import { useI18n } from '../i18n/i18n';

export interface ApplySettingsDialogProps {
  impact: string;
  onConfirm: () => void;
  onClose: () => void;
}

export function ApplySettingsDialog({ impact, onConfirm, onClose }: ApplySettingsDialogProps) {
  const { t } = useI18n();
  // Focus starts on Cancel: a stray Enter must not change every token of the account.
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog
      title={t.confirmApplyTitle}
      onClose={onClose}
      testId="apply-settings-dialog"
      initialFocus={cancel}
      actions={
        <>
          <button type="button" class="button" ref={cancel} onClick={onClose}>
            {t.cancel}
          </button>
          <button
            type="button"
            class="button primary"
            onClick={() => {
              onClose();
              onConfirm();
            }}
          >
            {t.confirmApply}
          </button>
        </>
      }
    >
      <p>{t.confirmApplyBody}</p>
      <p data-testid="apply-settings-impact">{impact}</p>
    </ModalDialog>
  );
}
