// An instant as "in 9 days" / "12 days ago", with the exact date and time as a tooltip (title)
// and, for screen readers and touch screens that have no hover, as visually hidden text.
import { formatDateTime, formatRelative } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

export interface RelativeTimeProps {
  iso: string;
  now: number;
  /** Wraps the relative words, e.g. (rel) => `Expires ${rel}`. */
  phrase?: (relative: string) => string;
}

export function RelativeTime({ iso, now, phrase }: RelativeTimeProps) {
  const { locale } = useI18n();
  const exact = formatDateTime(iso, locale);
  const relative = formatRelative(iso, now, locale);
  return (
    <time dateTime={iso} title={exact} data-exact={exact}>
      {phrase ? phrase(relative) : relative}
      <span class="visually-hidden"> ({exact})</span>
    </time>
  );
}
