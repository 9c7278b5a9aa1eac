// The root of /share/{id}: the same bundle as the console, but nothing of the console's session.
// It never reads or writes the stored sign-in, needs none, and calls only the two public share
// endpoints; the language switch is the one piece it shares.
import { useEffect, useMemo } from 'preact/hooks';
import { ApiClient } from '../api/api-client';
import { I18nContext } from '../i18n/i18n';
import { useI18nState } from '../i18n/use-i18n-state';
import type { RuntimeConfig } from '../runtime-config';
import { AppHeader } from '../screens/app-header';
import { SharePage } from './share-page';

export interface ShareAppProps {
  config: RuntimeConfig;
  shareId: string;
  secret: string | null;
}

export function ShareApp({ config, shareId, secret }: ShareAppProps) {
  const i18n = useI18nState();
  const { t } = i18n;
  useEffect(() => {
    document.title = `${t.share.pageTitle} · ${t.appTitle}`;
  }, [t]);
  const api = useMemo(() => new ApiClient(config.apiUrl), [config.apiUrl]);

  return (
    <I18nContext.Provider value={i18n}>
      <a class="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <AppHeader identity={null} onSignOut={() => undefined} />
      <main id="main" tabIndex={-1}>
        <SharePage api={api} shareId={shareId} secret={secret} />
      </main>
    </I18nContext.Provider>
  );
}
