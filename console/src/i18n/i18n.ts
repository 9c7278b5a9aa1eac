// The chosen language: English, Brazilian Portuguese or Spanish, defaulting to the browser's language and
// remembered in localStorage (a preference, not a secret). Dates follow the same locale.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { en, type Messages } from './messages-en';
import { es } from './messages-es';
import { ptBR } from './messages-pt-br';

export const LOCALES = ['en', 'pt-BR', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language names itself, so a reader of either can find their own. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  'pt-BR': 'Português (Brasil)',
  es: 'Español',
};

const MESSAGES: Record<Locale, Messages> = { en, 'pt-BR': ptBR, es };
const STORAGE_KEY = 'apikeys.console.locale';

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** Any Portuguese browser gets pt-BR (the only Portuguese we have), any Spanish one es; else English. */
export function localeFromBrowser(languages: readonly string[]): Locale {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('pt')) return 'pt-BR';
    if (lower.startsWith('es')) return 'es';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && isLocale(saved)) return saved;
  return localeFromBrowser(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export function rememberLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
}

export interface I18n {
  locale: Locale;
  t: Messages;
  setLocale: (locale: Locale) => void;
}

export const I18nContext = createContext<I18n>({ locale: 'en', t: en, setLocale: () => undefined });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
