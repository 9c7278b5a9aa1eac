// Marks a key whose new token waits in a single-access link nobody has opened yet, with the moment
// the link expires: until then, no application can be using that token.
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

export function UnopenedLinkTag({ expiresAt }: { expiresAt: string }) {
  const { t, locale } = useI18n();
  return (
    <span class="tag tag-link" data-testid="unopened-link" data-expires-at={expiresAt}>
      <time dateTime={expiresAt}>{t.share.unopened(formatDateTime(expiresAt, locale))}</time>
    </span>
  );
}
