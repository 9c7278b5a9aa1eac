// The "Token duration" cell: the expiry of each token, newest first; during a renewal the old token
// is marked "pending deletion" and the new one "new token".
import type { Key } from '../api/types';
import { formatDate, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

export function TokenExpiries({ keyItem, now }: { keyItem: Key; now: number }) {
  const { t, locale } = useI18n();
  const renewing = keyItem.tokens.length > 1;
  return (
    <ul class="token-list">
      {keyItem.tokens.map((token) => {
        const date = formatDate(token.expiresAt, locale);
        const past = Date.parse(token.expiresAt) <= now;
        const pending = token.state === 'pending-deletion';
        return (
          <li key={token.id} data-token-state={token.state}>
            <time dateTime={token.expiresAt} title={formatDateTime(token.expiresAt, locale)}>
              {past ? t.tokenExpired(date) : t.tokenExpires(date)}
            </time>
            {pending && <span class="tag tag-pending">{t.pendingDeletion}</span>}
            {renewing && !pending && <span class="tag tag-new">{t.newToken}</span>}
          </li>
        );
      })}
    </ul>
  );
}
