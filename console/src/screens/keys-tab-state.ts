// What the "Generated keys" tab must not forget while another tab is shown: the filters as typed
// and the pages loaded. The console screen holds it (the tab itself unmounts), so going to
// Settings and back finds the same search, filters and rows.
import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import { NO_KEY_FILTER, type KeyFilter } from '../api/types';
import { useKeyList, type KeyList } from './use-key-list';

export interface KeysTabState {
  filter: KeyFilter;
  setFilter: (filter: KeyFilter) => void;
  list: KeyList;
}

export function useKeysTabState(api: ApiClient): KeysTabState {
  const [filter, setFilter] = useState<KeyFilter>(NO_KEY_FILTER);
  const list = useKeyList(api, filter);
  return { filter, setFilter, list };
}
