// Editing keys: PATCH (name, roles, active), activate/deactivate (idempotent), and delete after
// explicit confirmation. Every change goes through KeyChanges (one unit of work with its audit entry).
import { checkCanGrant, checkRoleIds } from '../../domain/access';
import type { AuditAction } from '../../domain/audit';
import { DomainError } from '../../domain/errors';
import { editKey, setActive, type ApiKey, type KeyEdit, type KeyView } from '../../domain/key';
import type { Caller } from '../caller';
import type { KeyChanges } from './key-changes';

const statusAction = (_before: ApiKey, after: ApiKey): AuditAction =>
  after.status === 'active' ? 'key.activated' : 'key.deactivated';

export class KeyEditing {
  constructor(private readonly changes: KeyChanges) {}

  async edit(caller: Caller, appKey: string, edit: KeyEdit, ifMatch?: number): Promise<KeyView> {
    return this.changes.apply(
      caller,
      appKey,
      'key.updated',
      (key, now, catalog) => {
        if (edit.roles) {
          checkRoleIds(edit.roles, 'roles', catalog);
          checkCanGrant(caller.permissions, edit.roles, key.roles, catalog);
        }
        return editKey(key, edit, now);
      },
      ifMatch,
      edit.roles,
    );
  }

  async setActive(caller: Caller, appKey: string, active: boolean): Promise<KeyView> {
    return this.changes.apply(caller, appKey, statusAction, (key, now) => setActive(key, active, now));
  }

  async delete(caller: Caller, appKey: string, confirmed: boolean): Promise<void> {
    if (!confirmed) {
      throw new DomainError(
        'confirmation-required',
        'Deleting a key is permanent: repeat the request with confirm=true.',
      );
    }
    await this.changes.remove(caller, appKey);
  }
}
