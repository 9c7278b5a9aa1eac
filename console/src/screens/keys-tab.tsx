// The "Generated keys" tab: filters, "+ Generate key", the table, "load more" and the dialogs.
// Its filters and pages come from the console screen (keys-tab-state.ts) and outlive the tab.
import { useEffect, useRef, useState } from 'preact/hooks';
import { asApiError, type ApiError } from '../api/api-error';
import type { Key, Role } from '../api/types';
import { ProblemMessage } from '../components/problem-message';
import { KeyDialogs } from '../dialogs/key-dialogs';
import type { KeyDialogState } from '../dialogs/key-dialog-state';
import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session-context';
import { KeyExport } from './key-export';
import { KeyFilters } from './key-filters';
import type { KeysTabState } from './keys-tab-state';
import { KeysTable } from './keys-table';

export interface KeysTabProps {
  state: KeysTabState;
  /** Opens the audit history of a key; absent when the signed-in key may not read the audit log. */
  onHistory?: (appKey: string) => void;
}

export function KeysTab({ state, onHistory }: KeysTabProps) {
  const { t, locale } = useI18n();
  const { api, identity } = useSession();
  const { filter, setFilter, list } = state;
  const [roles, setRoles] = useState<Role[]>([]);
  const [rolesError, setRolesError] = useState<ApiError | null>(null);
  const [dialog, setDialog] = useState<KeyDialogState | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, ApiError>>({});
  const statusLine = useRef<HTMLParagraphElement>(null);

  // Back from another tab: the kept rows show at once and are read again behind them.
  useEffect(() => list.refresh(), []);

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

  // The Retry button goes away with the error: focus moves to the line that says what follows.
  const retry = (): void => {
    list.retry();
    statusLine.current?.focus();
  };

  const busy = list.loading || list.stale;
  const count = list.keys.length;
  let status = '';
  if (busy) status = t.loading;
  else if (!list.error)
    status =
      count === 0
        ? t.noKeys
        : list.hasMore
          ? t.keysShown(count, formatNumber(count, locale))
          : t.keysTotal(count, formatNumber(count, locale));

  const errorState = list.error && !busy && (
    <div class="list-error" data-testid="keys-error">
      <p class="list-error-title">{t.keysLoadFailed}</p>
      <ProblemMessage error={list.error} />
      <button type="button" class="button" data-testid="keys-retry" onClick={retry}>
        {t.retry}
      </button>
    </div>
  );

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
      <KeyExport filter={filter} />
      {/* Busy while the rows do not answer the filters above them: announced, and the rows dimmed. */}
      <div class="table-area" aria-busy={busy} data-testid="keys-area">
        <p
          class="list-status"
          role="status"
          aria-live="polite"
          tabIndex={-1}
          ref={statusLine}
          data-testid="keys-status"
        >
          {busy && <span class="spinner" aria-hidden="true" />}
          {status}
        </p>
        {count === 0 && errorState}
        {count > 0 && (
          <KeysTable
            keys={list.keys}
            stale={list.stale}
            ownKey={identity.appKey}
            rowErrors={rowErrors}
            onOpen={(kind, key) => setDialog({ kind, key })}
            onActivate={activate}
            onHistory={onHistory}
            roles={roles}
          />
        )}
        {count > 0 && errorState}
      </div>
      {list.hasMore && !list.error && (
        <button
          type="button"
          class="button"
          // aria-disabled, not disabled: a disabled button drops the keyboard focus that pressed it.
          aria-disabled={busy}
          data-testid="keys-load-more"
          onClick={() => {
            if (!busy) list.loadMore();
          }}
        >
          {/* The operator is looking here, not at the status line far above, while a page loads. */}
          {list.loading && !list.stale ? t.loading : t.loadMore}
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
