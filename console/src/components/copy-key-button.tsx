// A small button beside a key id that copies it: operators paste key ids into tickets and
// configuration far more often than they read them. The result is announced, not only shown.
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';

export function CopyKeyButton({ appKey }: { appKey: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = (): void => {
    navigator.clipboard.writeText(appKey).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <>
      <button
        type="button"
        class="icon-button copy-key"
        aria-label={t.copyKeyId(appKey)}
        title={t.copyKeyId(appKey)}
        data-testid="copy-key"
        onClick={copy}
        onBlur={() => setState('idle')}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <rect
            x="5"
            y="5"
            width="9"
            height="9"
            rx="1.5"
            fill="none"
            stroke="currentColor"
            stroke-width="1.5"
          />
          <path
            d="M11 3.5V3a1 1 0 0 0-1-1H3a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h.5"
            fill="none"
            stroke="currentColor"
            stroke-width="1.5"
          />
        </svg>
      </button>
      <span role="status" class={state === 'idle' ? 'visually-hidden' : 'copy-key-status'}>
        {state === 'copied' ? t.keyIdCopied : state === 'failed' ? t.keyIdCopyFailed : ''}
      </span>
    </>
  );
}
