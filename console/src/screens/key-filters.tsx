// Search (name or key), status and alert filters of the key list. "Needs attention" lists every
// key with an alert or a pending renewal, most urgent first (key-pages.ts says how).
import { useId } from 'preact/hooks';
import type { AlertLevel, KeyAlertFilter, KeyFilter, KeyStatus } from '../api/types';
import { useI18n } from '../i18n/i18n';

const ALERTS: AlertLevel[] = ['none', 'expiring', 'expired', 'expired-critical'];

export function KeyFilters({ filter, onChange }: { filter: KeyFilter; onChange: (f: KeyFilter) => void }) {
  const { t } = useI18n();
  const id = useId();
  const value = (event: Event): string => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  return (
    <form role="search" class="filters" onSubmit={(event) => event.preventDefault()}>
      <div class="field grow">
        <label for={`${id}-search`}>{t.searchLabel}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={filter.search}
          maxLength={100}
          autoComplete="off"
          spellcheck={false}
          data-testid="search"
          onInput={(event) => onChange({ ...filter, search: value(event) })}
        />
      </div>
      <div class="field">
        <label for={`${id}-status`}>{t.statusFilter}</label>
        <select
          id={`${id}-status`}
          value={filter.status}
          data-testid="status-filter"
          onChange={(event) => onChange({ ...filter, status: value(event) as KeyStatus | '' })}
        >
          <option value="">{t.statusAll}</option>
          <option value="active">{t.active}</option>
          <option value="inactive">{t.inactive}</option>
        </select>
      </div>
      <div class="field">
        <label for={`${id}-alert`}>{t.alertFilter}</label>
        <select
          id={`${id}-alert`}
          value={filter.alert}
          data-testid="alert-filter"
          aria-describedby={filter.alert === 'attention' ? `${id}-alert-hint` : undefined}
          onChange={(event) => onChange({ ...filter, alert: value(event) as KeyAlertFilter })}
        >
          <option value="">{t.alertAll}</option>
          <option value="attention">{t.alertAttention}</option>
          {ALERTS.map((level) => (
            <option key={level} value={level}>
              {level === 'none' ? t.alertNoneOption : t.alerts[level].label}
            </option>
          ))}
        </select>
        {filter.alert === 'attention' && (
          <p class="hint" id={`${id}-alert-hint`}>
            {t.alertAttentionHint}
          </p>
        )}
      </div>
    </form>
  );
}
