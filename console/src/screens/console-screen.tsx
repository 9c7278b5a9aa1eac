// The signed-in console: the "Generated keys" and "Settings" tabs.
import { useState } from 'preact/hooks';
import { panelId, TabList, tabId } from '../components/tab-list';
import { useI18n } from '../i18n/i18n';
import { KeysTab } from './keys-tab';
import { SettingsTab } from './settings-tab';

type Section = 'keys' | 'settings';

export function ConsoleScreen() {
  const { t } = useI18n();
  const [section, setSection] = useState<Section>('keys');
  return (
    <>
      <TabList
        label={t.sectionsLabel}
        tabs={[
          { id: 'keys', label: t.keysTab },
          { id: 'settings', label: t.settingsTab },
        ]}
        selected={section}
        onSelect={setSection}
      />
      <section role="tabpanel" id={panelId(section)} aria-labelledby={tabId(section)} class="panel">
        {section === 'keys' ? <KeysTab /> : <SettingsTab />}
      </section>
    </>
  );
}
