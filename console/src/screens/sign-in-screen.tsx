// The sign-in form: API key and token, with format problems under the field that has them and
// verification failures (wrong, inactive, expired, not allowed to view keys) above the button.
import { useRef, useState } from 'preact/hooks';
import type { ApiClient, Credentials } from '../api/api-client';
import { TextField } from '../components/text-field';
import { ProblemMessage } from '../components/problem-message';
import { useAction } from '../components/use-action';
import { useI18n } from '../i18n/i18n';
import { signIn, type SignInOutcome } from '../sign-in';
import type { Identity } from '../session-context';

export interface SignInScreenProps {
  api: ApiClient;
  onSignedIn: (credentials: Credentials, identity: Identity) => void;
  /** Why the previous session ended, if it ended by itself (e.g. the key was deactivated). */
  notice?: SignInOutcome | null;
}

export function SignInScreen({ api, onSignedIn, notice }: SignInScreenProps) {
  const { t } = useI18n();
  const [appKey, setAppKey] = useState('');
  const [token, setToken] = useState('');
  const [outcome, setOutcome] = useState<SignInOutcome | null>(notice ?? null);
  const action = useAction();
  const keyInput = useRef<HTMLInputElement>(null);
  const tokenInput = useRef<HTMLInputElement>(null);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const credentials = { appKey: appKey.trim(), token: token.trim() };
    const result = await action.run(() => signIn(api, credentials));
    if (!result) return;
    setOutcome(result);
    if (result.ok) onSignedIn(credentials, result.identity);
    else if (result.field === 'appKey') keyInput.current?.focus();
    else if (result.field === 'token') tokenInput.current?.focus();
  };

  const errorFor = (field: 'appKey' | 'token' | 'form'): string | null =>
    outcome && !outcome.ok && outcome.field === field ? t[outcome.message] : null;

  return (
    <section class="sign-in card" aria-labelledby="main-heading">
      <h1 id="main-heading" tabIndex={-1}>
        {t.signInTitle}
      </h1>
      <p>{t.signInIntro}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t.appKeyLabel}
          hint={t.appKeyHint}
          value={appKey}
          onInput={setAppKey}
          error={errorFor('appKey')}
          inputRef={keyInput}
          required
          name="appKey"
        />
        <TextField
          label={t.tokenLabel}
          hint={t.tokenHint}
          type="password"
          value={token}
          onInput={setToken}
          error={errorFor('token')}
          inputRef={tokenInput}
          required
          name="appToken"
        />
        {errorFor('form') && (
          <p class="error-message" role="alert" data-testid="sign-in-error">
            {errorFor('form')}
          </p>
        )}
        <ProblemMessage error={action.error} />
        <button type="submit" class="button primary" disabled={action.busy}>
          {action.busy ? t.signingIn : t.signInButton}
        </button>
      </form>
    </section>
  );
}
