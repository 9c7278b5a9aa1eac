// A key whose token a secret scanner found in public code: a red "Leaked" badge (text, not colour
// alone) whose tooltip says where and when, and what to do. Built like the alert badge, so it is
// reachable by keyboard and Escape dismisses the tooltip.
import { useId, useState } from 'preact/hooks';
import type { Key } from '../api/types';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

export function LeakBadge({ leak }: { leak: NonNullable<Key['leak']> }) {
  const { t, locale } = useI18n();
  const tipId = useId();
  const [dismissed, setDismissed] = useState(false);
  const where = leak.url || `${t.leaked.somewhere}${leak.source ? ` (${leak.source})` : ''}`;
  return (
    <span class={dismissed ? 'alert-wrap dismissed' : 'alert-wrap'} onMouseLeave={() => setDismissed(false)}>
      <button
        type="button"
        class="alert-badge alert-expired leak-badge"
        data-leak="true"
        aria-describedby={tipId}
        onKeyDown={(event) => event.key === 'Escape' && setDismissed(true)}
        onBlur={() => setDismissed(false)}
      >
        <span aria-hidden="true">⚠</span>
        <span>{t.leaked.label}</span>
      </button>
      <span role="tooltip" id={tipId} class="tooltip leak-tooltip">
        {t.leaked.advice(where, formatDateTime(leak.reportedAt, locale))}
      </span>
    </span>
  );
}
