// The chosen language as root state, for either root (the console or the share page): the value
// of I18nContext, and the document's lang attribute kept in step for assistive technology.
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { initialLocale, messagesFor, rememberLocale, type I18n, type Locale } from './i18n';

export function useI18nState(): I18n {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const i18n = useMemo(
    () => ({
      locale,
      t: messagesFor(locale),
      setLocale: (next: Locale) => {
        rememberLocale(next);
        // Set with the state, not after the next paint: the new text and the document's language
        // must change together (a screen reader, or a test, must never see one without the other).
        document.documentElement.lang = next;
        setLocaleState(next);
      },
    }),
    [locale],
  );
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return i18n;
}
