// The "Activity" tab: the account's audit log, newest first, with its filters, "load more", and
// an error that can be retried. The filter lives with the console screen, so a key's "History"
// can open this tab already narrowed to that key.
import { useEffect } from 'preact/hooks';
import { ProblemMessage } from '../components/problem-message';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session-context';
import { isFiltered, type ActivityFilter } from './activity-filter';
import { ActivityFilters } from './activity-filters';
import { ActivityTable } from './activity-table';
import type { ActivityList } from './use-activity-list';

export interface ActivityTabProps {
  filter: ActivityFilter;
  onFilterChange: (filter: ActivityFilter) => void;
  /** Held by the console screen, so the loaded pages outlive a visit to another tab. */
  list: ActivityList;
}

export function ActivityTab({ filter, onFilterChange, list }: ActivityTabProps) {
  const { t } = useI18n();
  const { identity } = useSession();
  // Back from another tab: the kept entries show at once and are read again behind them.
  useEffect(() => list.refresh(), []);
  const { query } = list;
  const empty = !list.loading && !list.error && list.entries.length === 0;

  let status = '';
  if (list.loading) status = t.loading;
  else if (query.ok && !list.error)
    status = empty
      ? isFiltered(filter)
        ? t.noActivity
        : t.noActivityYet
      : t.entriesShown(list.entries.length);

  return (
    <>
      <h1 id="main-heading" tabIndex={-1}>
        {t.activityTab}
      </h1>
      <p>{t.activityIntro}</p>
      <ActivityFilters
        filter={filter}
        onChange={onFilterChange}
        appKeyInvalid={!query.ok && query.appKeyInvalid}
        rangeInvalid={!query.ok && query.rangeInvalid}
      />
      {list.entries.length > 0 && <ActivityTable entries={list.entries} ownKey={identity.appKey} />}
      <p class="list-status" role="status" aria-live="polite" data-testid="activity-status">
        {status}
      </p>
      {list.error && (
        <div class="retry">
          <ProblemMessage error={list.error} />
          <button type="button" class="button" data-testid="activity-retry" onClick={list.retry}>
            {t.retry}
          </button>
        </div>
      )}
      {list.hasMore && !list.error && (
        <button
          type="button"
          class="button"
          data-testid="activity-load-more"
          disabled={list.loading}
          onClick={list.loadMore}
        >
          {t.loadMore}
        </button>
      )}
    </>
  );
}
