// Switches between English, Portuguese and Spanish; each option is written in its own language.
import { useId } from 'preact/hooks';
import { isLocale, LOCALE_NAMES, LOCALES, useI18n } from '../i18n/i18n';

export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  const id = useId();
  return (
    <div class="language-switch">
      <label for={id}>{t.language}</label>
      <select
        id={id}
        value={locale}
        data-testid="language"
        onChange={(event) => {
          const value = (event.currentTarget as HTMLSelectElement).value;
          if (isLocale(value)) setLocale(value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
