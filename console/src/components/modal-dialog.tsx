// A modal dialog on the native <dialog> element: showModal() makes the page behind it inert, Tab is
// kept inside, Escape closes it, and focus goes back to whatever opened it (or to the page heading
// when that element is gone, as after deleting a key).
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { focusableIn, focusFallback } from './focusable';
import { useI18n } from '../i18n/i18n';

export interface ModalDialogProps {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** The footer buttons; a Close/Cancel button is the caller's to add. */
  actions?: ComponentChildren;
  /** Receives focus on open; otherwise the first focusable control does. */
  initialFocus?: { current: HTMLElement | null };
  testId?: string;
  /**
   * Set for a dialog that must not close on Escape by itself (a token or link shown once): Escape
   * calls this instead, and the caller decides (asks "Did you copy it?").
   */
  onEscape?: () => void;
  /**
   * A request of this dialog is in flight: Escape and × do nothing until it answers, so closing
   * can never abandon it silently (a key generated behind a closed dialog loses its token).
   */
  busy?: boolean;
}

export function ModalDialog({
  title,
  onClose,
  children,
  actions,
  initialFocus,
  testId,
  onEscape,
  busy = false,
}: ModalDialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const onEscapeRef = useRef(onEscape);
  onEscapeRef.current = onEscape;
  const busyRef = useRef(busy);
  busyRef.current = busy;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // The body's first control, not the header's close button: that is where the work starts.
    const body = dialog.querySelector<HTMLElement>('.dialog-body');
    const first = initialFocus?.current ?? (body && focusableIn(body)[0]) ?? focusableIn(dialog)[0];
    first?.focus();
    // Escape makes the browser fire "cancel" and close the element; state follows through onClose.
    // A guarded dialog refuses the cancel; should the browser close it anyway (it may, for a close
    // request without user activation), it is shown again and the caller asked instead.
    const onCancel = (event: Event): void => {
      if (busyRef.current) return event.preventDefault();
      if (!onEscapeRef.current) return;
      event.preventDefault();
      onEscapeRef.current();
    };
    const onNativeClose = (): void => {
      if (busyRef.current) return dialog.showModal();
      if (!onEscapeRef.current) return onCloseRef.current();
      dialog.showModal();
      onEscapeRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onNativeClose);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
      else focusFallback();
    };
    // Opening happens once per mount; initialFocus is read only then.
  }, []);

  const onKeyDown = (event: KeyboardEvent): void => {
    // Handled before the browser turns it into a close request, which it may not let us refuse.
    if (event.key === 'Escape' && busyRef.current) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Escape' && onEscapeRef.current) {
      event.preventDefault();
      onEscapeRef.current();
      return;
    }
    trapTab(event);
  };

  const trapTab = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab' || !ref.current) return;
    const items = focusableIn(ref.current);
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={titleId}
      aria-busy={busy}
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      <header class="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          class="icon-button"
          aria-label={t.close}
          aria-disabled={busy}
          onClick={() => {
            if (!busy) onClose();
          }}
        >
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div class="dialog-body">{children}</div>
      {actions && <footer class="dialog-actions">{actions}</footer>}
    </dialog>
  );
}
