// Renders whichever key dialog is open and routes its result back into the list.
import type { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';
import type { Key, Role } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session-context';
import { ConfirmDialog } from './confirm-dialog';
import { DeleteKeyDialog } from './delete-key-dialog';
import { EditKeyDialog } from './edit-key-dialog';
import { GenerateKeyDialog } from './generate-key-dialog';
import type { KeyDialogState } from './key-dialog-state';
import { RenewTokenDialog } from './renew-token-dialog';

export interface KeyDialogsProps {
  state: KeyDialogState | null;
  roles: Role[];
  onCreated: (key: Key) => void;
  onUpdated: (key: Key) => void;
  onDeleted: (appKey: string) => void;
  onClose: () => void;
}

export function KeyDialogs({ state, roles, onCreated, onUpdated, onDeleted, onClose }: KeyDialogsProps) {
  const { t } = useI18n();
  const { api } = useSession();
  if (!state) return null;
  if (state.kind === 'generate')
    return <GenerateKeyDialog roles={roles} onCreated={onCreated} onClose={onClose} />;
  const { key } = state;
  switch (state.kind) {
    case 'edit':
      return <EditKeyDialog keyItem={key} roles={roles} onUpdated={onUpdated} onClose={onClose} />;
    case 'renew':
      return <RenewTokenDialog keyItem={key} onRenewed={onUpdated} onClose={onClose} />;
    case 'delete':
      return <DeleteKeyDialog keyItem={key} onDeleted={onDeleted} onClose={onClose} />;
    case 'deactivate':
      return (
        <ConfirmDialog
          testId="deactivate-dialog"
          title={t.deactivateTitle}
          body={t.deactivateBody(key.name)}
          confirmLabel={t.deactivateConfirm}
          danger
          perform={() => api.deactivate(key.appKey)}
          onDone={onUpdated}
          onClose={onClose}
        />
      );
    case 'finish-renewal':
      return (
        <ConfirmDialog
          testId="finish-renewal-dialog"
          title={t.finishTitle}
          body={t.finishBody(key.name)}
          confirmLabel={t.finishConfirm}
          danger
          perform={() => api.finishRenewal(key.appKey)}
          onDone={onUpdated}
          onClose={onClose}
        />
      );
    case 'undo-renewal':
      return (
        <ConfirmDialog
          testId="undo-renewal-dialog"
          title={t.undoTitle}
          body={t.undoBody(key.name)}
          confirmLabel={t.undoConfirm}
          perform={() => api.undoRenewal(key.appKey)}
          onDone={onUpdated}
          onClose={onClose}
        />
      );
    case 'revoke-link':
      return (
        <ConfirmDialog
          testId="revoke-link-dialog"
          title={t.share.revokeTitle}
          body={t.share.revokeBody(key.name)}
          confirmLabel={t.share.revokeConfirm}
          danger
          perform={() => revokeLink(api, key.appKey)}
          onDone={onUpdated}
          onClose={onClose}
        />
      );
  }
}

/**
 * Revokes the key's unopened link and returns the key as it now is. A link that is already gone
 * (opened or expired meanwhile) is what the operator wanted too: the row just catches up.
 */
async function revokeLink(api: ApiClient, appKey: string): Promise<Key> {
  try {
    await api.revokeShare(appKey);
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'not-found')) throw error;
  }
  return api.getKey(appKey);
}
