// The dialog that shows a token or a single-access link, which can never be shown again. Closing it
// (Done, ×, Escape) before the value was copied asks "Did you copy it?" inside the dialog first, so
// a stray key press cannot lose it; once copied, it closes at once.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ModalDialog } from '../components/modal-dialog';
import { useI18n } from '../i18n/i18n';

export interface ShownOnceDialogProps {
  title: string;
  testId: string;
  what: 'token' | 'link';
  /** Whether the value was copied (button or by hand): then closing needs no question. */
  copied: boolean;
  onClose: () => void;
  children: ComponentChildren;
}

export function ShownOnceDialog({ title, testId, what, copied, onClose, children }: ShownOnceDialogProps) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const done = useRef<HTMLButtonElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const wasAsking = useRef(false);

  // The question takes the focus; answering "Go back" returns it to Done.
  useEffect(() => {
    if (asking) back.current?.focus();
    else if (wasAsking.current) done.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const requestClose = (): void => (copied ? onClose() : setAsking(true));

  return (
    <ModalDialog
      title={title}
      testId={testId}
      onClose={requestClose}
      onEscape={() => (asking ? setAsking(false) : requestClose())}
      actions={
        asking ? (
          <div class="confirm-close" role="group" aria-labelledby={questionId} data-testid="confirm-close">
            <p id={questionId} role="alert">
              <strong>{t.share.didYouCopy}</strong>{' '}
              {what === 'link' ? t.share.didYouCopyLink : t.share.didYouCopyToken}
            </p>
            <div class="confirm-close-buttons">
              <button type="button" class="button" ref={back} onClick={() => setAsking(false)}>
                {t.share.goBack}
              </button>
              <button type="button" class="button danger" onClick={onClose}>
                {t.share.closeAnyway}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" class="button" ref={done} onClick={requestClose}>
            {t.done}
          </button>
        )
      }
    >
      {children}
    </ModalDialog>
  );
}
