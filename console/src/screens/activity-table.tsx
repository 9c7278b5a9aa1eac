// The audit entries with their column headers, newest first as the API returns them.
import type { AuditEntry } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ActivityRow } from './activity-row';

export function ActivityTable({ entries, ownKey }: { entries: AuditEntry[]; ownKey: string }) {
  const { t } = useI18n();
  return (
    <table class="keys-table activity-table" aria-labelledby="main-heading" data-testid="activity-table">
      <thead>
        <tr>
          <th scope="col">{t.colWhen}</th>
          <th scope="col">{t.colAction}</th>
          <th scope="col">{t.colActor}</th>
          <th scope="col">{t.colTarget}</th>
          <th scope="col">{t.colChanges}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <ActivityRow key={entry.id} entry={entry} ownKey={ownKey} />
        ))}
      </tbody>
    </table>
  );
}
