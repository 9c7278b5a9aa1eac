// The "Roles" tab (pt-BR "Perfis de acesso"): every role of the account, predefined first, and for
// a key with roles:edit the create, edit and delete of custom roles. Without roles:edit the tab is
// read-only and says why, rather than offering actions the API would refuse.
import { useEffect, useState } from 'preact/hooks';
import { asApiError, type ApiError } from '../api/api-error';
import type { AccessRole } from '../api/access-types';
import { inRoleOrder } from '../access/role-order';
import { ProblemMessage } from '../components/problem-message';
import { DeleteRoleDialog } from '../dialogs/delete-role-dialog';
import { RoleFormDialog } from '../dialogs/role-form-dialog';
import { useAccessMessages } from '../i18n/access-messages';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session-context';
import { RolesTable } from './roles-table';

type RoleDialog = { kind: 'create' } | { kind: 'edit' | 'delete'; role: AccessRole };

export function RolesTab() {
  const { t } = useI18n();
  const m = useAccessMessages();
  const { api, identity } = useSession();
  const canEdit = identity.permissions.includes('roles:edit');
  const [roles, setRoles] = useState<AccessRole[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [dialog, setDialog] = useState<RoleDialog | null>(null);

  const load = async (): Promise<AccessRole[]> => {
    const fresh = inRoleOrder(await api.listRoles());
    setRoles(fresh);
    return fresh;
  };
  useEffect(() => {
    load().catch((failure: unknown) => setLoadError(asApiError(failure)));
  }, [api]);

  // Predefined roles are shown in the console's language; custom roles under the name they were given.
  const roleName = (role: AccessRole): string => (role.predefined && t.roles[role.id]?.name) || role.name;
  const saved = (role: AccessRole): void =>
    setRoles((current) => inRoleOrder([...(current ?? []).filter((r) => r.id !== role.id), role]));
  const deleted = (roleId: string): void =>
    setRoles((current) => (current ?? []).filter((r) => r.id !== roleId));

  return (
    <>
      <div class="panel-heading">
        <h1 id="main-heading" tabIndex={-1}>
          {m.rolesTab}
        </h1>
        {canEdit && (
          <button
            type="button"
            class="button primary"
            data-testid="create-role"
            onClick={() => setDialog({ kind: 'create' })}
          >
            {m.createRole}
          </button>
        )}
      </div>
      <p>{m.rolesIntro}</p>
      {!canEdit && (
        <p class="notice notice-info" data-testid="roles-read-only">
          {m.rolesReadOnly}
        </p>
      )}
      <ProblemMessage error={loadError} />
      {roles && (
        <RolesTable
          roles={roles}
          canEdit={canEdit}
          roleName={roleName}
          onEdit={(role) => setDialog({ kind: 'edit', role })}
          onDelete={(role) => setDialog({ kind: 'delete', role })}
        />
      )}
      <p class="list-status" role="status" aria-live="polite" data-testid="roles-status">
        {roles ? m.rolesShown(roles.length) : loadError ? '' : t.loading}
      </p>
      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <RoleFormDialog
          role={dialog.kind === 'edit' ? dialog.role : undefined}
          takenIds={(roles ?? []).map((r) => r.id)}
          onSaved={saved}
          reloadRole={async (id) => (await load()).find((r) => r.id === id)}
          onClose={() => setDialog(null)}
        />
      ) : dialog?.kind === 'delete' ? (
        <DeleteRoleDialog
          role={dialog.role}
          roleName={roleName(dialog.role)}
          onDeleted={deleted}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}
