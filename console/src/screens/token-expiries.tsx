// The "Token duration" cell: the expiry of each token ("Expires in 9 days", the date as a tooltip),
// newest first; during a renewal the old token
// is marked "pending deletion" and the new one "new token".
import type { Key } from '../api/types';
import { RelativeTime } from '../components/relative-time';
import { useI18n } from '../i18n/i18n';

export function TokenExpiries({ keyItem, now }: { keyItem: Key; now: number }) {
  const { t } = useI18n();
  const renewing = keyItem.tokens.length > 1;
  return (
    <ul class="token-list">
      {keyItem.tokens.map((token) => {
        const past = Date.parse(token.expiresAt) <= now;
        const pending = token.state === 'pending-deletion';
        return (
          <li key={token.id} data-token-state={token.state}>
            <RelativeTime iso={token.expiresAt} now={now} phrase={past ? t.tokenExpired : t.tokenExpires} />
            {pending && <span class="tag tag-pending">{t.pendingDeletion}</span>}
            {renewing && !pending && <span class="tag tag-new">{t.newToken}</span>}
          </li>
        );
      })}
    </ul>
  );
}
