// The "External keys" tab (pt-BR "Chaves externas"): keys of other accounts granted roles here, with
// search and status filter. A key with keys:edit adds grants, edits their roles, deactivates,
// activates and removes them; without it the tab is read-only and says why.
import { useEffect, useState } from 'preact/hooks';
import { asApiError, type ApiError } from '../api/api-error';
import type { ExternalKey, ExternalKeyFilter } from '../api/access-types';
import type { Role } from '../api/types';
import { AccessProblem } from '../access/access-problem';
import { ProblemMessage } from '../components/problem-message';
import { ConfirmDialog } from '../dialogs/confirm-dialog';
import { ExternalKeyDialog } from '../dialogs/external-key-dialog';
import { useAccessMessages } from '../i18n/access-messages';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session-context';
import { ExternalKeyFilters } from './external-key-filters';
import { ExternalKeysTable, type ExternalKeyAction } from './external-keys-table';
import { useExternalKeyList } from './use-external-key-list';

type GrantDialog = { kind: 'add' } | { kind: Exclude<ExternalKeyAction, 'activate'>; grant: ExternalKey };

export function ExternalKeysTab() {
  const { t } = useI18n();
  const m = useAccessMessages();
  const { api, identity } = useSession();
  const canEdit = identity.permissions.includes('keys:edit');
  const [filter, setFilter] = useState<ExternalKeyFilter>({ search: '', status: '' });
  const list = useExternalKeyList(api, filter);
  const [roles, setRoles] = useState<Role[]>([]);
  const [rolesError, setRolesError] = useState<ApiError | null>(null);
  const [dialog, setDialog] = useState<GrantDialog | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, ApiError>>({});

  useEffect(() => {
    api.listRoles().then(setRoles, (failure: unknown) => setRolesError(asApiError(failure)));
  }, [api]);

  const roleName = (id: string): string => t.roles[id]?.name ?? roles.find((r) => r.id === id)?.name ?? id;
  const setRowError = (appKey: string, error: ApiError | null): void =>
    setRowErrors((current) => {
      const next = { ...current };
      if (error) next[appKey] = error;
      else delete next[appKey];
      return next;
    });
  const updated = (grant: ExternalKey): void => {
    setRowError(grant.appKey, null);
    list.replace(grant);
  };
  const onAction = (action: ExternalKeyAction, grant: ExternalKey): void => {
    if (action !== 'activate') return setDialog({ kind: action, grant });
    api
      .updateExternalKey(grant, { active: true })
      .then(updated, (failure: unknown) => setRowError(grant.appKey, asApiError(failure)));
  };
  const close = (): void => setDialog(null);
  const problem = (error: ApiError | null) => <AccessProblem error={error} texts={m.externalProblems} />;

  return (
    <>
      <div class="panel-heading">
        <h1 id="main-heading" tabIndex={-1}>
          {m.externalTab}
        </h1>
        {canEdit && (
          <button
            type="button"
            class="button primary"
            data-testid="add-external-key"
            onClick={() => setDialog({ kind: 'add' })}
          >
            {m.addExternal}
          </button>
        )}
      </div>
      <p>{m.externalIntro}</p>
      {!canEdit && (
        <p class="notice notice-info" data-testid="external-read-only">
          {m.externalReadOnly}
        </p>
      )}
      <ProblemMessage error={rolesError} />
      <ExternalKeyFilters filter={filter} onChange={setFilter} />
      <ProblemMessage error={list.error} />
      <ExternalKeysTable
        grants={list.grants}
        canEdit={canEdit}
        rowErrors={rowErrors}
        roleName={roleName}
        onAction={onAction}
      />
      <p class="list-status" role="status" aria-live="polite" data-testid="external-status">
        {list.loading
          ? t.loading
          : list.grants.length === 0
            ? m.noExternal
            : m.externalShown(list.grants.length)}
      </p>
      {list.hasMore && (
        <button type="button" class="button" disabled={list.loading} onClick={list.loadMore}>
          {t.loadMore}
        </button>
      )}
      {dialog?.kind === 'add' && <ExternalKeyDialog roles={roles} onSaved={list.prepend} onClose={close} />}
      {dialog?.kind === 'edit' && (
        <ExternalKeyDialog grant={dialog.grant} roles={roles} onSaved={updated} onClose={close} />
      )}
      {dialog?.kind === 'deactivate' && (
        <ConfirmDialog<ExternalKey>
          testId="deactivate-external-dialog"
          title={m.deactivateExternalTitle}
          body={m.deactivateExternalBody(dialog.grant.appKey)}
          confirmLabel={m.deactivateExternalConfirm}
          danger
          perform={() => api.updateExternalKey(dialog.grant, { active: false })}
          onDone={updated}
          onClose={close}
          renderProblem={problem}
        />
      )}
      {dialog?.kind === 'remove' && (
        <ConfirmDialog<string>
          testId="remove-external-dialog"
          title={m.removeExternalTitle}
          body={m.removeExternalBody(dialog.grant.appKey, dialog.grant.owner)}
          confirmLabel={m.removeExternalConfirm}
          danger
          perform={async () => {
            await api.removeExternalKey(dialog.grant.appKey);
            return dialog.grant.appKey;
          }}
          onDone={list.remove}
          onClose={close}
          renderProblem={problem}
        />
      )}
    </>
  );
}
