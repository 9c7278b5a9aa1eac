// The root: language, the signed-in session (restored from sessionStorage on reload after a fresh
// verification), and which screen shows. Focus moves to the new screen's heading when it changes.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiClient, type Credentials } from './api/api-client';
import { I18nContext } from './i18n/i18n';
import { useI18nState } from './i18n/use-i18n-state';
import type { RuntimeConfig } from './runtime-config';
import { clearSession, loadSession, saveSession } from './session';
import { SessionContext, type Identity, type Session } from './session-context';
import { whySessionEnded } from './session-end';
import { signIn, type SignInOutcome } from './sign-in';
import { AppHeader } from './screens/app-header';
import { ConsoleScreen } from './screens/console-screen';
import { SignInScreen } from './screens/sign-in-screen';

export function App({ config }: { config: RuntimeConfig }) {
  const i18n = useI18nState();
  const { t } = i18n;
  useEffect(() => {
    document.title = t.appTitle;
  }, [t]);

  const anonymous = useMemo(() => new ApiClient(config.apiUrl), [config.apiUrl]);
  const [session, setSession] = useState<Session | null>(null);
  const [restoring, setRestoring] = useState(() => loadSession() !== null);
  const [notice, setNotice] = useState<SignInOutcome | null>(null);

  // Several calls in flight may all answer 401: the first one ends the session, once.
  const ending = useRef(false);
  const endSession = async (credentials: Credentials): Promise<void> => {
    if (ending.current) return;
    ending.current = true;
    const reason = await whySessionEnded(anonymous, credentials);
    const stored = loadSession();
    // Still accepted (a 401 from elsewhere), or the operator already signed in with another key.
    if (!reason || stored?.appKey !== credentials.appKey || stored.token !== credentials.token) {
      ending.current = false;
      return;
    }
    clearSession();
    setNotice(reason);
    setSession(null);
  };

  const start = (credentials: Credentials, identity: Identity): void => {
    saveSession(credentials);
    ending.current = false;
    const api = anonymous.withCredentials(credentials, () => void endSession(credentials));
    setSession({ api, identity });
  };

  useEffect(() => {
    const saved = loadSession();
    if (!saved) return;
    // A stored credential may have been deactivated or deleted since: check it again.
    signIn(anonymous, saved)
      .then((outcome) => {
        if (outcome.ok) start(saved, outcome.identity);
        else {
          clearSession();
          setNotice(outcome);
        }
      })
      .catch(() => clearSession())
      .finally(() => setRestoring(false));
  }, []);

  const signOut = (): void => {
    clearSession();
    setNotice(null);
    setSession(null);
  };

  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById('main-heading')?.focus();
  }, [session, restoring]);

  return (
    <I18nContext.Provider value={i18n}>
      <a class="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <AppHeader identity={session?.identity ?? null} onSignOut={signOut} />
      <main id="main" tabIndex={-1}>
        {restoring ? (
          <p role="status">{t.loading}</p>
        ) : session ? (
          <SessionContext.Provider value={session}>
            <ConsoleScreen />
          </SessionContext.Provider>
        ) : (
          <SignInScreen api={anonymous} onSignedIn={start} notice={notice} />
        )}
      </main>
    </I18nContext.Provider>
  );
}
