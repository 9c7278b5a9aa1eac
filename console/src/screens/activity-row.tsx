// One audit entry: when (the exact instant in the tooltip), what, who, on what, and what changed;
// where the request came from stays folded in a disclosure, as it is rarely what one looks for.
import type { AuditEntry } from '../api/types';
import { formatInstant } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { AuditChanges } from './audit-changes';

export function ActivityRow({ entry, ownKey }: { entry: AuditEntry; ownKey: string }) {
  const { t, locale } = useI18n();
  return (
    <tr data-entry-id={entry.id} data-action={entry.action}>
      <th scope="row">
        <time dateTime={entry.at} title={entry.at}>
          {formatInstant(entry.at, locale)}
        </time>
      </th>
      <td class="audit-action">{t.auditActions[entry.action] ?? entry.action}</td>
      <td class="audit-actor">
        <Actor actor={entry.actor} ownKey={ownKey} />
      </td>
      <td class="audit-target">
        <Target target={entry.target} />
      </td>
      <td class="audit-changes">
        <AuditChanges changes={entry.changes} />
        <details class="request-details">
          <summary>{t.requestDetails}</summary>
          <dl>
            <dt>{t.sourceIp}</dt>
            <dd class="mono">{entry.sourceIp ?? t.notRecorded}</dd>
            <dt>{t.userAgent}</dt>
            <dd>{entry.userAgent ?? t.notRecorded}</dd>
            <dt>{t.requestId}</dt>
            <dd class="mono">{entry.requestId ?? t.notRecorded}</dd>
          </dl>
        </details>
      </td>
    </tr>
  );
}

function Actor({ actor, ownKey }: { actor: AuditEntry['actor']; ownKey: string }) {
  const { t } = useI18n();
  const label =
    actor.type === 'system'
      ? t.actorSystem
      : actor.type === 'share-link'
        ? t.actorShareLink
        : actor.type === 'leak-report'
          ? t.actorLeakReport
          : null;
  return (
    <>
      {label && <span class="actor-label">{label}</span>}
      {actor.appKey && (
        <span class="mono audit-key">
          {actor.appKey}
          {actor.appKey === ownKey && <span class="tag tag-self">{t.yourKey}</span>}
        </span>
      )}
    </>
  );
}

function Target({ target }: { target: AuditEntry['target'] }) {
  const { t } = useI18n();
  switch (target.type) {
    case 'key':
      return <span class="mono audit-key">{target.id}</span>;
    case 'settings':
      return <>{t.settingsTab}</>;
    case 'role':
      return <>{t.targetRole(t.roles[target.id]?.name ?? target.id)}</>;
    case 'external-key':
      return <>{t.targetExternalKey(target.id)}</>;
  }
}
