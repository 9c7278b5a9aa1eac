// The banner: product name, the account and key in use, the language switch and sign-out.
import { LanguageSwitch } from '../components/language-switch';
import { useI18n } from '../i18n/i18n';
import type { Identity } from '../session-context';

export function AppHeader({ identity, onSignOut }: { identity: Identity | null; onSignOut: () => void }) {
  const { t } = useI18n();
  return (
    <header class="app-header">
      <span class="brand">{t.appTitle}</span>
      {identity && (
        <dl class="identity" data-testid="identity">
          <div>
            <dt>{t.accountLabel}</dt>
            <dd data-testid="identity-account">{identity.account}</dd>
          </div>
          <div>
            <dt>{t.keyLabel}</dt>
            <dd class="mono" data-testid="identity-key" title={identity.name}>
              {identity.appKey}
            </dd>
          </div>
        </dl>
      )}
      <div class="header-tools">
        <LanguageSwitch />
        {identity && (
          <button type="button" class="button" onClick={onSignOut}>
            {t.signOut}
          </button>
        )}
      </div>
    </header>
  );
}
