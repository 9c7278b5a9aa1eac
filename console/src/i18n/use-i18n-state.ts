// The chosen language as root state, for either root (the console or the share page): the value
// of I18nContext, and the document's lang attribute kept in step for assistive technology.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { initialLocale, messagesFor, rememberLocale, type I18n, type Locale } from './i18n';

export function useI18nState(): I18n {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const i18n = useMemo(
    () => ({
      locale,
      t: messagesFor(locale),
      setLocale: (next: Locale) => {
        rememberLocale(next);
        setLocaleState(next);
      },
    }),
    [locale],
  );
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return i18n;
}
