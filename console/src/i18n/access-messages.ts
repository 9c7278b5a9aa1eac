// Picks the Roles and External keys texts for the console's current language. A locale without its
// own dictionary here falls back to English rather than showing nothing.
import { accessEn, type AccessMessages } from './access-messages-en';
import { accessEs } from './access-messages-es';
import { accessPtBR } from './access-messages-pt-br';
import { useI18n } from './i18n';

const ACCESS_MESSAGES: Record<string, AccessMessages> = { en: accessEn, 'pt-BR': accessPtBR, es: accessEs };

export function accessMessagesFor(locale: string): AccessMessages {
  return ACCESS_MESSAGES[locale] ?? accessEn;
}

export function useAccessMessages(): AccessMessages {
  const { locale } = useI18n();
  return accessMessagesFor(locale);
}
