// The alert of a key's newest token: an icon, a text label (colour is never the only signal) and a
// tooltip saying what to do. The badge is a button so keyboard users can reach the tooltip; the
// tooltip shows on hover and focus and Escape dismisses it (WCAG 1.4.13).
import { useId, useState } from 'preact/hooks';
import type { AlertLevel } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { AlertIcon } from './alert-icon';

export function AlertBadge({ level }: { level: Exclude<AlertLevel, 'none'> }) {
  const { t } = useI18n();
  const tipId = useId();
  const [dismissed, setDismissed] = useState(false);
  const { label, advice } = t.alerts[level];
  return (
    <span class={dismissed ? 'alert-wrap dismissed' : 'alert-wrap'} onMouseLeave={() => setDismissed(false)}>
      <button
        type="button"
        class={`alert-badge alert-${level}`}
        data-alert={level}
        aria-describedby={tipId}
        onKeyDown={(event) => event.key === 'Escape' && setDismissed(true)}
        onBlur={() => setDismissed(false)}
      >
        <AlertIcon level={level} />
        <span>{label}</span>
      </button>
      <span role="tooltip" id={tipId} class="tooltip">
        {advice}
      </span>
    </span>
  );
}
