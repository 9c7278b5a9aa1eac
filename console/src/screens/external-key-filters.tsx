// Search (key or owner account) and status filter of the external key list.
import { useId } from 'preact/hooks';
import type { ExternalKeyFilter, ExternalKeyStatus } from '../api/access-types';
import { useAccessMessages } from '../i18n/access-messages';
import { useI18n } from '../i18n/i18n';

export interface ExternalKeyFiltersProps {
  filter: ExternalKeyFilter;
  onChange: (filter: ExternalKeyFilter) => void;
}

export function ExternalKeyFilters({ filter, onChange }: ExternalKeyFiltersProps) {
  const { t } = useI18n();
  const m = useAccessMessages();
  const id = useId();
  const value = (event: Event): string => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  return (
    <form role="search" class="filters" onSubmit={(event) => event.preventDefault()}>
      <div class="field grow">
        <label for={`${id}-search`}>{m.externalSearchLabel}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={filter.search}
          maxLength={100}
          autoComplete="off"
          spellcheck={false}
          data-testid="external-search"
          onInput={(event) => onChange({ ...filter, search: value(event) })}
        />
      </div>
      <div class="field">
        <label for={`${id}-status`}>{t.statusFilter}</label>
        <select
          id={`${id}-status`}
          value={filter.status}
          data-testid="external-status-filter"
          onChange={(event) => onChange({ ...filter, status: value(event) as ExternalKeyStatus | '' })}
        >
          <option value="">{t.statusAll}</option>
          <option value="active">{t.active}</option>
          <option value="inactive">{t.inactive}</option>
        </select>
      </div>
    </form>
  );
}
