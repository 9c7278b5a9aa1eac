// The "Generated keys" tab: filters, "+ Generate key", the table, "load more" and the dialogs.
import { useEffect, useState } from 'preact/hooks';
import { asApiError, type ApiError } from '../api/api-error';
import type { Key, KeyFilter, Role } from '../api/types';
import { ProblemMessage } from '../components/problem-message';
import { KeyDialogs } from '../dialogs/key-dialogs';
import type { KeyDialogState } from '../dialogs/key-dialog-state';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session-context';
import { KeyFilters } from './key-filters';
import { KeysTable } from './keys-table';
import { useKeyList } from './use-key-list';

export interface KeysTabProps {
  /** Opens the audit history of a key; absent when the signed-in key may not read the audit log. */
  onHistory?: (appKey: string) => void;
}

export function KeysTab({ onHistory }: KeysTabProps) {
  const { t } = useI18n();
  const { api, identity } = useSession();
  const [filter, setFilter] = useState<KeyFilter>({ search: '', status: '', alert: '' });
  const list = useKeyList(api, filter);
  const [roles, setRoles] = useState<Role[]>([]);
  const [rolesError, setRolesError] = useState<ApiError | null>(null);
  const [dialog, setDialog] = useState<KeyDialogState | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, ApiError>>({});

  useEffect(() => {
    api.listRoles().then(setRoles, (failure: unknown) => setRolesError(asApiError(failure)));
  }, [api]);

  const setRowError = (appKey: string, error: ApiError | null): void =>
    setRowErrors((current) => {
      const next = { ...current };
      if (error) next[appKey] = error;
      else delete next[appKey];
      return next;
    });

  const updated = (key: Key): void => {
    setRowError(key.appKey, null);
    list.replace(key);
  };

  const activate = (key: Key): void => {
    api
      .activate(key.appKey)
      .then(updated, (failure: unknown) => setRowError(key.appKey, asApiError(failure)));
  };

  return (
    <>
      <div class="panel-heading">
        <h1 id="main-heading" tabIndex={-1}>
          {t.keysTab}
        </h1>
        <button
          type="button"
          class="button primary"
          data-testid="generate-key"
          onClick={() => setDialog({ kind: 'generate' })}
        >
          {t.generateKey}
        </button>
      </div>
      <ProblemMessage error={rolesError} />
      <KeyFilters filter={filter} onChange={setFilter} />
      <ProblemMessage error={list.error} />
      <KeysTable
        keys={list.keys}
        ownKey={identity.appKey}
        rowErrors={rowErrors}
        onOpen={(kind, key) => setDialog({ kind, key })}
        onActivate={activate}
        onHistory={onHistory}
        roles={roles}
      />
      <p class="list-status" role="status" aria-live="polite">
        {list.loading ? t.loading : list.keys.length === 0 ? t.noKeys : t.keysShown(list.keys.length)}
      </p>
      {list.hasMore && (
        <button type="button" class="button" disabled={list.loading} onClick={list.loadMore}>
          {t.loadMore}
        </button>
      )}
      <KeyDialogs
        state={dialog}
        roles={roles}
        onCreated={list.prepend}
        onUpdated={updated}
        onDeleted={list.remove}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
