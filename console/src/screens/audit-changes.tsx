// What an audit entry changed, one line per field ("Name: old → new"), in the operator's words:
// role names, Active/Inactive, dates in their locale. Tokens are shown by id and dates only: the
// fields are picked by name, so nothing else a token summary might carry ever reaches the page.
import { formatDate } from '../i18n/format';
import { useI18n, type I18n } from '../i18n/i18n';

type Changes = Record<string, { from: unknown; to: unknown }>;

/** The order a key's row shows its fields in; other fields follow in the entry's own order. */
const FIELD_ORDER = ['name', 'roles', 'status', 'tokens'];
const rank = (field: string): number => {
  const index = FIELD_ORDER.indexOf(field);
  return index === -1 ? FIELD_ORDER.length : index;
};

export function AuditChanges({ changes }: { changes: Changes }) {
  const { t } = useI18n();
  const fields = Object.entries(changes).sort(([a], [b]) => rank(a) - rank(b));
  if (fields.length === 0) return <span class="muted">{t.noChanges}</span>;
  return (
    <ul class="change-list">
      {fields.map(([field, change]) => (
        <li key={field} data-field={field}>
          <span class="change-field">{t.auditFields[field] ?? field}:</span>{' '}
          <FieldChange field={field} from={change.from} to={change.to} />
        </li>
      ))}
    </ul>
  );
}

function FieldChange({ field, from, to }: { field: string; from: unknown; to: unknown }) {
  const i18n = useI18n();
  const { t } = i18n;
  // A creation has no "before": its values are simply what the thing was created with.
  if (from === null || from === undefined) return <>{renderValue(field, to, i18n)}</>;
  return (
    <>
      <span class="change-from">{renderValue(field, from, i18n)}</span>
      <span aria-hidden="true"> → </span>
      <span class="visually-hidden"> {t.changedTo} </span>
      <span class="change-to">
        {to === null || to === undefined ? (
          <span class="muted">{t.noneValue}</span>
        ) : (
          renderValue(field, to, i18n)
        )}
      </span>
    </>
  );
}

function renderValue(field: string, value: unknown, { t }: I18n) {
  if (value === null || value === undefined) return <span class="muted">{t.noneValue}</span>;
  if (field === 'tokens' && Array.isArray(value)) return <TokenSummaries tokens={value} />;
  if (field === 'roles' && Array.isArray(value)) {
    if (value.length === 0) return <span class="muted">{t.noRoles}</span>;
    return value.map((id) => t.roles[String(id)]?.name ?? String(id)).join(', ');
  }
  if (field === 'status' && (value === 'active' || value === 'inactive'))
    return value === 'active' ? t.active : t.inactive;
  if (field === 'tokenDurationDays' && typeof value === 'number') return t.durationDays(value);
  return plain(value, t.yes, t.no);
}

function plain(value: unknown, yes: string, no: string): string {
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((item) => plain(item, yes, no)).join(', ');
  return JSON.stringify(value);
}

interface TokenSummary {
  id: string;
  expiresAt: string | null;
  pending: boolean;
}

function tokenSummary(value: unknown): TokenSummary | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, expiresAt, state } = value as Record<string, unknown>;
  if (typeof id !== 'string') return null;
  return {
    id,
    expiresAt: typeof expiresAt === 'string' ? expiresAt : null,
    pending: state === 'pending-deletion',
  };
}

function TokenSummaries({ tokens }: { tokens: unknown[] }) {
  const { t, locale } = useI18n();
  const summaries = tokens.map(tokenSummary).filter((s): s is TokenSummary => s !== null);
  if (summaries.length === 0) return <span class="muted">{t.noneValue}</span>;
  return (
    <>
      {summaries.map((token, index) => (
        <span class="token-summary" key={token.id}>
          {index > 0 && ', '}
          <span class="mono">{token.id}</span>
          {token.expiresAt && (
            <>
              {' ('}
              <time dateTime={token.expiresAt}>{t.validUntil(formatDate(token.expiresAt, locale))}</time>
              {token.pending && `, ${t.pendingDeletion}`}
              {')'}
            </>
          )}
        </span>
      ))}
    </>
  );
}
