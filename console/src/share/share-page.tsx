// /share/{id}: the page a single-access link opens, without sign-in. Loading it only reads who the
// link is for (GET, which consumes nothing, so chat link previews cannot burn it); the token is
// fetched, and the link spent, only when the person clicks "Reveal token". The secret goes nowhere
// but the body of that one request.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client';
import { asApiError, type ApiError } from '../api/api-error';
import type { SharedToken, SharePreview } from '../api/types';
import { ProblemMessage } from '../components/problem-message';
import { TokenReveal } from '../components/token-reveal';
import { useAction } from '../components/use-action';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

export interface SharePageProps {
  api: ApiClient;
  shareId: string;
  /** From the address's fragment, already removed from the address bar; null when it was missing. */
  secret: string | null;
}

type Step =
  | { name: 'loading' }
  | { name: 'unavailable'; error: ApiError }
  | { name: 'invalid' }
  | { name: 'ready'; preview: SharePreview }
  | { name: 'spent' }
  | { name: 'revealed'; shared: SharedToken };

const isNotFound = (error: ApiError): boolean => error.code === 'not-found' || error.status === 404;

export function SharePage({ api, shareId, secret }: SharePageProps) {
  const { t, locale } = useI18n();
  const [step, setStep] = useState<Step>({ name: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const secretRef = useRef(secret);
  const heading = useRef<HTMLHeadingElement>(null);
  const reveal = useAction();

  useEffect(() => {
    let current = true;
    api.getShare(shareId).then(
      (preview) => current && setStep({ name: 'ready', preview }),
      (failure: unknown) => {
        if (!current) return;
        const error = asApiError(failure);
        setStep(isNotFound(error) ? { name: 'invalid' } : { name: 'unavailable', error });
      },
    );
    return () => {
      current = false;
    };
  }, [api, shareId, attempt]);

  // Each outcome is announced by moving focus to its heading, as screen changes do in the console.
  useEffect(() => {
    if (step.name !== 'loading' && step.name !== 'ready') heading.current?.focus();
  }, [step.name]);

  const open = async (): Promise<void> => {
    const key = secretRef.current;
    if (!key) return;
    // A 404 is an answer, not a failure: the link was spent, revoked or expired. Anything else
    // (network, throttling) stays on screen beside the button, and Reveal can be tried again.
    const shared = await reveal.run(() =>
      api.openShare(shareId, key).catch((failure: unknown) => {
        if (isNotFound(asApiError(failure))) return null;
        throw failure;
      }),
    );
    if (shared === undefined) return;
    // Spent either way: the secret is of no further use, so it is not kept.
    secretRef.current = null;
    setStep(shared ? { name: 'revealed', shared } : { name: 'spent' });
  };

  if (step.name === 'loading') return <p role="status">{t.loading}</p>;

  if (step.name === 'unavailable')
    return (
      <section class="card share-page" data-testid="share-page" data-state="unavailable">
        <h1 id="main-heading" ref={heading} tabIndex={-1}>
          {t.share.heading}
        </h1>
        <ProblemMessage error={step.error} />
        <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
          {t.retry}
        </button>
      </section>
    );

  if (step.name === 'invalid' || step.name === 'spent')
    return (
      <section class="card share-page" data-testid="share-page" data-state={step.name}>
        <h1 id="main-heading" ref={heading} tabIndex={-1}>
          {t.share.invalidTitle}
        </h1>
        <p class="notice notice-warning" data-testid="share-problem">
          {step.name === 'invalid' ? t.share.invalid : t.share.spent}
        </p>
      </section>
    );

  const facts = step.name === 'ready' ? step.preview : step.shared;
  return (
    <section class="card share-page" data-testid="share-page" data-state={step.name}>
      <h1 id="main-heading" ref={heading} tabIndex={-1}>
        {t.share.heading}
      </h1>
      {step.name === 'ready' && <p>{t.share.intro}</p>}
      <dl class="share-facts">
        <dt>{t.accountLabel}</dt>
        <dd data-testid="share-account">{facts.account}</dd>
        <dt>{t.share.keyName}</dt>
        <dd data-testid="share-name">{facts.name}</dd>
        {step.name === 'ready' && (
          <>
            <dt>{t.appKeyLabel}</dt>
            <dd class="mono" data-testid="share-app-key">
              {step.preview.appKey}
            </dd>
            <dt>{t.share.validUntil}</dt>
            <dd data-testid="share-expires">
              <time dateTime={step.preview.expiresAt}>{formatDateTime(step.preview.expiresAt, locale)}</time>
            </dd>
          </>
        )}
      </dl>
      {step.name === 'revealed' ? (
        <TokenReveal appKey={step.shared.appKey} token={step.shared.token} notice={t.share.revealedNotice} />
      ) : secretRef.current ? (
        <>
          <p class="hint" id="reveal-hint">
            {t.share.revealHint}
          </p>
          <ProblemMessage error={reveal.error} />
          <button
            type="button"
            class="button primary"
            aria-describedby="reveal-hint"
            disabled={reveal.busy}
            onClick={() => void open()}
            data-testid="reveal-token"
          >
            {reveal.busy ? t.share.revealing : t.share.reveal}
          </button>
        </>
      ) : (
        <p class="notice notice-warning" role="alert" data-testid="share-problem">
          {t.share.noSecret}
        </p>
      )}
    </section>
  );
}
