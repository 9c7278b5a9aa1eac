// A yes/no dialog for a one-step action that needs an explicit second click: deactivate, delete the
// old token, undo a renewal. The API's refusal is shown beside the confirm button.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { ApiError } from '../api/api-error';
import type { Key } from '../api/types';
import { ModalDialog } from '../components/modal-dialog';
import { ProblemMessage } from '../components/problem-message';
import { useAction } from '../components/use-action';
import { useI18n } from '../i18n/i18n';

/** Generic in what the action returns (a key by default; an external grant, a removed id...). */
export interface ConfirmDialogProps<T = Key> {
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
  perform: () => Promise<T>;
  onDone: (result: T) => void;
  onClose: () => void;
  testId: string;
  /** The refusal in the caller's own words; the shared problem texts otherwise. */
  renderProblem?: (error: ApiError | null) => ComponentChildren;
}

export function ConfirmDialog<T = Key>(props: ConfirmDialogProps<T>) {
  const { t } = useI18n();
  const action = useAction();
  // Focus starts on Cancel: a stray Enter must not perform the action.
  const cancel = useRef<HTMLButtonElement>(null);
  const confirm = async (): Promise<void> => {
    const result = await action.run(props.perform);
    if (result === undefined) return;
    props.onDone(result);
    props.onClose();
  };
  return (
    <ModalDialog
      title={props.title}
      onClose={props.onClose}
      testId={props.testId}
      initialFocus={cancel}
      busy={action.busy}
      actions={
        <>
          {props.renderProblem ? props.renderProblem(action.error) : <ProblemMessage error={action.error} />}
          {/* Does nothing while the request is in flight (see CancelButton); focus starts here. */}
          <button
            type="button"
            class="button"
            ref={cancel}
            aria-disabled={action.busy}
            onClick={() => {
              if (!action.busy) props.onClose();
            }}
          >
            {t.cancel}
          </button>
          <button
            type="button"
            class={props.danger ? 'button danger' : 'button primary'}
            disabled={action.busy}
            onClick={() => void confirm()}
          >
            {action.busy ? t.working : props.confirmLabel}
          </button>
        </>
      }
    >
      <p>{props.body}</p>
    </ModalDialog>
  );
}
