// The one moment a token is visible: the key and token side by side, a Copy button and a clear
// "shown only once" notice. The token lives only in the dialog's state, so closing forgets it.
import { useId, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';

export function TokenReveal({ appKey, token }: { appKey: string; token: string }) {
  const { t } = useI18n();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const input = useRef<HTMLInputElement>(null);
  const keyId = useId();
  const tokenId = useId();
  const noticeId = useId();

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(token);
      setCopyState('copied');
    } catch {
      // Clipboard access can be refused (permissions, insecure origin): leave the token selected.
      input.current?.select();
      setCopyState('failed');
    }
  };

  return (
    <div class="token-reveal">
      <p class="notice notice-warning" id={noticeId}>
        <strong>{t.tokenShownOnce}</strong>
      </p>
      <label for={keyId}>{t.appKeyLabel}</label>
      <input id={keyId} class="mono" type="text" readOnly value={appKey} data-testid="revealed-key" />
      <label for={tokenId}>{t.tokenLabel}</label>
      <div class="copy-row">
        <input
          ref={input}
          id={tokenId}
          class="mono"
          type="text"
          readOnly
          value={token}
          aria-describedby={noticeId}
          data-testid="revealed-token"
          onFocus={(event) => (event.currentTarget as HTMLInputElement).select()}
        />
        <button type="button" class="button primary" onClick={() => void copy()}>
          {t.copy}
        </button>
      </div>
      <p class="status-text" role="status" aria-live="polite">
        {copyState === 'copied' ? t.copied : copyState === 'failed' ? t.copyFailed : ''}
      </p>
    </div>
  );
}
