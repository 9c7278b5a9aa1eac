// Settings: token duration (90 days recommended), warning days and enforce expiry, loaded from
// GET /v1/settings and applied with PUT. The warning may not exceed the duration (API.md).
// A change shows, before Apply, how many tokens it moves into "Expiring" or "Expired"; a shorter
// duration asks for confirmation, since it changes every existing token at once.
import { useEffect, useId, useState } from 'preact/hooks';
import { asApiError, type ApiError } from '../api/api-error';
import { TOKEN_DURATIONS, type Settings, type TokenDuration } from '../api/types';
import { ProblemMessage } from '../components/problem-message';
import { TextField } from '../components/text-field';
import { useAction } from '../components/use-action';
import { ApplySettingsDialog } from '../dialogs/apply-settings-dialog';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { fieldError } from '../i18n/problem-text';
import { useSession } from '../session-context';
import { settingsImpact } from './settings-impact';
import { useAccountKeys } from './use-account-keys';

const RECOMMENDED: TokenDuration = 90;
const MAX_WARNING_DAYS = 60;

export interface SettingsTabProps {
  /** Every token's expiry changed: the key list kept for the Generated keys tab is out of date. */
  onApplied?: () => void;
}

export function SettingsTab({ onApplied }: SettingsTabProps) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const [current, setCurrent] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [duration, setDuration] = useState<TokenDuration>(RECOMMENDED);
  const [warning, setWarning] = useState('');
  const [enforce, setEnforce] = useState(true);
  const [applied, setApplied] = useState(false);
  const [warningInvalid, setWarningInvalid] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const id = useId();

  const show = (settings: Settings): void => {
    setCurrent(settings);
    setDuration(settings.tokenDurationDays);
    setWarning(String(settings.expiryWarningDays));
    setEnforce(settings.enforceExpiry);
  };

  useEffect(() => {
    api.getSettings().then(show, (failure: unknown) => setLoadError(asApiError(failure)));
  }, [api]);

  const maxWarning = Math.min(MAX_WARNING_DAYS, duration);
  const warningDays = /^\d+$/.test(warning.trim()) ? Number(warning) : NaN;
  const warningOk = warningDays >= 1 && warningDays <= maxWarning;
  const rulesChanged =
    current !== null &&
    (duration !== current.tokenDurationDays || (warningOk && warningDays !== current.expiryWarningDays));
  const shorter = current !== null && duration < current.tokenDurationDays;
  const accountKeys = useAccountKeys(api, rulesChanged);

  const fmt = (n: number): string => formatNumber(n, locale);
  let impactText = '';
  if (current && rulesChanged) {
    if (accountKeys.error) impactText = t.impactUnknown;
    else if (!accountKeys.keys) impactText = t.impactCounting;
    else {
      const rules = {
        tokenDurationDays: duration,
        expiryWarningDays: warningOk ? warningDays : current.expiryWarningDays,
      };
      const impact = settingsImpact(accountKeys.keys, current, rules, Date.now());
      impactText =
        impact.toExpiring + impact.toExpired === 0
          ? t.impactNone
          : t.impact(impact.toExpiring, impact.toExpired, fmt);
      if (!accountKeys.complete) impactText += ` ${t.impactEstimate(accountKeys.keys.length, fmt)}`;
    }
  }

  const apply = async (): Promise<void> => {
    const saved = await action.run(() =>
      api.putSettings({
        tokenDurationDays: duration,
        expiryWarningDays: warningDays,
        enforceExpiry: enforce,
      }),
    );
    if (!saved) return;
    show(saved);
    setApplied(true);
    onApplied?.();
  };

  const submit = (event: Event): void => {
    event.preventDefault();
    setApplied(false);
    if (!warningOk) {
      setWarningInvalid(true);
      return;
    }
    setWarningInvalid(false);
    if (shorter) setConfirming(true);
    else void apply();
  };

  return (
    <>
      <h1 id="main-heading" tabIndex={-1}>
        {t.settingsTitle}
      </h1>
      <p>{t.settingsIntro}</p>
      <ProblemMessage error={loadError} />
      {!current && !loadError && <p role="status">{t.loading}</p>}
      {current && (
        <form class="settings-form card" onSubmit={submit} noValidate>
          <fieldset>
            <legend>{t.durationLegend}</legend>
            <div class="duration-options">
              {TOKEN_DURATIONS.map((days) => (
                <div class="radio-field" key={days}>
                  <input
                    type="radio"
                    name={`${id}-duration`}
                    id={`${id}-duration-${days}`}
                    value={days}
                    checked={duration === days}
                    onChange={() => {
                      setDuration(days);
                      setApplied(false);
                    }}
                  />
                  <label for={`${id}-duration-${days}`}>
                    {t.durationDays(days)} {days === RECOMMENDED && <span>{t.recommended}</span>}
                  </label>
                </div>
              ))}
            </div>
            {fieldError(action.error, 'tokenDurationDays') && (
              <p class="field-error">{fieldError(action.error, 'tokenDurationDays')}</p>
            )}
          </fieldset>
          <TextField
            label={t.warningLabel}
            hint={t.warningHint(maxWarning)}
            type="number"
            min={1}
            max={maxWarning}
            value={warning}
            required
            error={
              warningInvalid ? t.warningInvalid(maxWarning) : fieldError(action.error, 'expiryWarningDays')
            }
            onInput={(value) => {
              setWarning(value);
              setApplied(false);
            }}
          />
          <div class="checkbox-field">
            <input
              type="checkbox"
              id={`${id}-enforce`}
              checked={enforce}
              aria-describedby={`${id}-enforce-hint`}
              onChange={(event) => {
                setEnforce((event.currentTarget as HTMLInputElement).checked);
                setApplied(false);
              }}
            />
            <label for={`${id}-enforce`}>{t.enforceLabel}</label>
            <p class="hint" id={`${id}-enforce-hint`}>
              {t.enforceHint}
            </p>
          </div>
          <p class="impact" role="status" data-testid="settings-impact">
            {impactText}
          </p>
          <div class="form-actions">
            <button type="submit" class="button primary" disabled={action.busy}>
              {action.busy ? t.working : t.apply}
            </button>
            <ProblemMessage error={action.error} />
            <p role="status" class="status-text" data-testid="settings-status">
              {applied ? t.applied : ''}
            </p>
          </div>
          {confirming && (
            <ApplySettingsDialog
              impact={impactText}
              onConfirm={() => void apply()}
              onClose={() => setConfirming(false)}
            />
          )}
          <p class="hint">
            {current.updatedAt ? t.lastChanged(formatDateTime(current.updatedAt, locale)) : t.neverChanged}
          </p>
        </form>
      )}
    </>
  );
}
