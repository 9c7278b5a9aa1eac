// The two console sections of issue 13, "External keys" and "Roles", as one unit the console screen
// plugs in: their tab definitions (labels in the current language) and their panel.
import type { TabDefinition } from '../components/tab-list';
import { useAccessMessages } from '../i18n/access-messages';
import { ExternalKeysTab } from './external-keys-tab';
import { RolesTab } from './roles-tab';

export type AccessSection = 'external-keys' | 'roles';

export function isAccessSection(section: string): section is AccessSection {
  return section === 'external-keys' || section === 'roles';
}

/** Every signed-in key may see both (they need keys:view, which signing in requires already). */
export function useAccessTabs(): TabDefinition<AccessSection>[] {
  const m = useAccessMessages();
  return [
    { id: 'external-keys', label: m.externalTab },
    { id: 'roles', label: m.rolesTab },
  ];
}

export function AccessPanel({ section }: { section: AccessSection }) {
  return section === 'roles' ? <RolesTab /> : <ExternalKeysTab />;
}
