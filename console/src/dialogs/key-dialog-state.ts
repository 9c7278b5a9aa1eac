// Which dialog of the key list is open, and for which key.
import type { Key } from '../api/types';

export type KeyDialogKind =
  'edit' | 'deactivate' | 'renew' | 'finish-renewal' | 'undo-renewal' | 'revoke-link' | 'delete';

export type KeyDialogState = { kind: 'generate' } | { kind: KeyDialogKind; key: Key };
