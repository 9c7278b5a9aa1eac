// The signed-in console: the "Generated keys" and "Settings" tabs, and "Activity" for keys that
// may read the audit log (audit:view). A key's "History" opens Activity narrowed to that key.
// Each tab's filters and loaded pages live here, not in the tab, so leaving a tab and coming back
// finds them as they were (only the shown tab is mounted: each has the page's main heading).
import { useEffect, useRef, useState } from 'preact/hooks';
import { panelId, TabList, tabId, type TabDefinition } from '../components/tab-list';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session-context';
import { NO_ACTIVITY_FILTER, type ActivityFilter } from './activity-filter';
import { AccessPanel, isAccessSection, useAccessTabs, type AccessSection } from './access-sections';
import { ActivityTab } from './activity-tab';
import { KeysTab } from './keys-tab';
import { useKeysTabState } from './keys-tab-state';
import { useActivityList } from './use-activity-list';
import { SettingsTab } from './settings-tab';

type Section = 'keys' | 'settings' | 'activity' | AccessSection;

export function ConsoleScreen() {
  const { t } = useI18n();
  const { api, identity } = useSession();
  const [section, setSection] = useState<Section>('keys');
  const [activityFilter, setActivityFilter] = useState<ActivityFilter>(NO_ACTIVITY_FILTER);
  const canViewAudit = identity.permissions.includes('audit:view');
  const focusHeading = useRef(false);
  const accessTabs = useAccessTabs();
  const keysState = useKeysTabState(api);
  // The audit log is read once the tab is first opened, and kept from then on.
  const activitySeen = useRef(false);
  if (section === 'activity') activitySeen.current = true;
  const activityList = useActivityList(api, activityFilter, canViewAudit && activitySeen.current);

  const tabs: TabDefinition<Section>[] = [
    { id: 'keys', label: t.keysTab },
    { id: 'settings', label: t.settingsTab },
    // "External keys" and "Roles" (issue 13), defined with their panel in access-sections.tsx;
    // after Settings so the existing tabs keep their places (and their arrow-key neighbours).
    ...accessTabs,
  ];
  if (canViewAudit) tabs.push({ id: 'activity', label: t.activityTab });

  const showHistory = (appKey: string): void => {
    setActivityFilter({ ...NO_ACTIVITY_FILTER, appKey });
    focusHeading.current = true;
    setSection('activity');
  };

  // The row menu that asked for the history is gone with the keys tab: like a new screen, focus
  // goes to the heading of the one that replaced it.
  useEffect(() => {
    if (!focusHeading.current) return;
    focusHeading.current = false;
    document.getElementById('main-heading')?.focus();
  }, [section]);

  return (
    <>
      <TabList label={t.sectionsLabel} tabs={tabs} selected={section} onSelect={setSection} />
      <section role="tabpanel" id={panelId(section)} aria-labelledby={tabId(section)} class="panel">
        {isAccessSection(section) ? (
          <AccessPanel section={section} />
        ) : section === 'keys' ? (
          <KeysTab state={keysState} onHistory={canViewAudit ? showHistory : undefined} />
        ) : section === 'settings' ? (
          <SettingsTab onApplied={keysState.list.reload} />
        ) : (
          <ActivityTab filter={activityFilter} onFilterChange={setActivityFilter} list={activityList} />
        )}
      </section>
    </>
  );
}
