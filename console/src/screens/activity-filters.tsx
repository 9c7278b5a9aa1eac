// The Activity filters: a key (target or author), an action and a range of local days. A key that
// is not whole, or a range that ends before it starts, is explained next to its field.
import { useId, useRef } from 'preact/hooks';
import { AUDIT_ACTIONS, type AuditAction } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { isFiltered, NO_ACTIVITY_FILTER, type ActivityFilter } from './activity-filter';

export interface ActivityFiltersProps {
  filter: ActivityFilter;
  onChange: (filter: ActivityFilter) => void;
  appKeyInvalid: boolean;
  rangeInvalid: boolean;
}

export function ActivityFilters({ filter, onChange, appKeyInvalid, rangeInvalid }: ActivityFiltersProps) {
  const { t } = useI18n();
  const id = useId();
  const keyInput = useRef<HTMLInputElement>(null);
  const value = (event: Event): string => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  const describedBy = (...ids: (string | false)[]): string | undefined =>
    ids.filter(Boolean).join(' ') || undefined;
  return (
    <form role="search" class="filters" onSubmit={(event) => event.preventDefault()}>
      <div class="field grow">
        <label for={`${id}-key`}>{t.activityKeyLabel}</label>
        <p class="hint" id={`${id}-key-hint`}>
          {t.activityKeyHint}
        </p>
        <input
          ref={keyInput}
          id={`${id}-key`}
          type="search"
          value={filter.appKey}
          maxLength={100}
          autoComplete="off"
          spellcheck={false}
          class="mono"
          data-testid="activity-key"
          aria-invalid={appKeyInvalid || undefined}
          aria-describedby={describedBy(`${id}-key-hint`, appKeyInvalid && `${id}-key-error`)}
          onInput={(event) => onChange({ ...filter, appKey: value(event) })}
        />
        {appKeyInvalid && (
          <p class="field-error" id={`${id}-key-error`}>
            {t.activityKeyInvalid}
          </p>
        )}
      </div>
      <div class="field">
        <label for={`${id}-action`}>{t.activityActionLabel}</label>
        <select
          id={`${id}-action`}
          value={filter.action}
          data-testid="activity-action"
          onChange={(event) => onChange({ ...filter, action: value(event) as AuditAction | '' })}
        >
          <option value="">{t.activityActionAll}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {t.auditActions[action]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-from`}>{t.activityFromLabel}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={filter.fromDate}
          max="9999-12-31"
          data-testid="activity-from"
          aria-invalid={rangeInvalid || undefined}
          aria-describedby={describedBy(rangeInvalid && `${id}-range-error`)}
          onInput={(event) => onChange({ ...filter, fromDate: value(event) })}
        />
      </div>
      <div class="field">
        <label for={`${id}-to`}>{t.activityToLabel}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={filter.toDate}
          max="9999-12-31"
          data-testid="activity-to"
          aria-invalid={rangeInvalid || undefined}
          aria-describedby={describedBy(rangeInvalid && `${id}-range-error`)}
          onInput={(event) => onChange({ ...filter, toDate: value(event) })}
        />
      </div>
      {isFiltered(filter) && (
        <div class="field">
          <button
            type="button"
            class="button"
            data-testid="activity-clear"
            onClick={() => {
              onChange(NO_ACTIVITY_FILTER);
              // The button goes away with the filters: focus the first filter rather than lose it.
              keyInput.current?.focus();
            }}
          >
            {t.clearFilters}
          </button>
        </div>
      )}
      {rangeInvalid && (
        <p class="field-error filters-error" id={`${id}-range-error`}>
          {t.activityRangeInvalid}
        </p>
      )}
    </form>
  );
}
