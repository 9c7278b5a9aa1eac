// The one moment a single-access link is visible: the link with a Copy button, when it expires,
// and that it is shown only once. Like a token, it lives only in the dialog's state.
import { useId } from 'preact/hooks';
import type { ShareLink } from '../api/types';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useCopy } from './use-copy';

export function LinkReveal({ share, onCopied }: { share: ShareLink; onCopied?: () => void }) {
  const { t, locale } = useI18n();
  const copy = useCopy(share.url, onCopied);
  const linkId = useId();
  const noticeId = useId();

  return (
    <div class="token-reveal">
      <p class="notice notice-warning" id={noticeId} data-testid="link-notice">
        <strong>{t.share.linkShownOnce(formatDateTime(share.expiresAt, locale))}</strong>
      </p>
      <label for={linkId}>{t.share.linkLabel}</label>
      <div class="copy-row">
        <input
          ref={copy.input}
          id={linkId}
          class="mono"
          type="text"
          readOnly
          value={share.url}
          aria-describedby={noticeId}
          data-testid="revealed-link"
          onFocus={(event) => (event.currentTarget as HTMLInputElement).select()}
          onCopy={copy.copiedByHand}
        />
        <button type="button" class="button primary" onClick={() => void copy.copy()}>
          {t.share.copyLink}
        </button>
      </div>
      <p class="status-text" role="status" aria-live="polite">
        {copy.state === 'copied' ? t.share.linkCopied : copy.state === 'failed' ? t.share.linkCopyFailed : ''}
      </p>
    </div>
  );
}
