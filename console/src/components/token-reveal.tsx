// The one moment a token is visible: the key and token side by side, a Copy button and a clear
// "shown only once" notice. The token lives only in the dialog's state, so closing forgets it.
import { useId } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { useCopy } from './use-copy';

export interface TokenRevealProps {
  appKey: string;
  token: string;
  /** Replaces the default "shown only once" notice (the share page says the link is now spent). */
  notice?: string;
  onCopied?: () => void;
}

export function TokenReveal({ appKey, token, notice, onCopied }: TokenRevealProps) {
  const { t } = useI18n();
  const copy = useCopy(token, onCopied);
  const keyId = useId();
  const tokenId = useId();
  const noticeId = useId();

  return (
    <div class="token-reveal">
      <p class="notice notice-warning" id={noticeId} data-testid="token-notice">
        <strong>{notice ?? t.tokenShownOnce}</strong>
      </p>
      <label for={keyId}>{t.appKeyLabel}</label>
      <input id={keyId} class="mono" type="text" readOnly value={appKey} data-testid="revealed-key" />
      <label for={tokenId}>{t.tokenLabel}</label>
      <div class="copy-row">
        <input
          ref={copy.input}
          id={tokenId}
          class="mono"
          type="text"
          readOnly
          value={token}
          aria-describedby={noticeId}
          data-testid="revealed-token"
          onFocus={(event) => (event.currentTarget as HTMLInputElement).select()}
          onCopy={copy.copiedByHand}
        />
        <button type="button" class="button primary" onClick={() => void copy.copy()}>
          {t.copy}
        </button>
      </div>
      <p class="status-text" role="status" aria-live="polite">
        {copy.state === 'copied' ? t.copied : copy.state === 'failed' ? t.copyFailed : ''}
      </p>
    </div>
  );
}
