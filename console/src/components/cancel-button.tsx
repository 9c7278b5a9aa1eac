// A dialog's Cancel that does nothing while the dialog's request is in flight: closing then would
// abandon the request silently (the key is created, its token lost). aria-disabled rather than
// disabled, so a keyboard user on it keeps focus and hears why; it works again once the API answers.
import { useI18n } from '../i18n/i18n';

export function CancelButton({ busy, onClick }: { busy: boolean; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      class="button"
      aria-disabled={busy}
      onClick={() => {
        if (!busy) onClick();
      }}
    >
      {t.cancel}
    </button>
  );
}
