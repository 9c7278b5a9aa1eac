// An API failure in plain words, placed by the caller right next to the control that caused it.
import type { ApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n';
import { problemDetail, problemText } from '../i18n/problem-text';

export function ProblemMessage({ error, id }: { error: ApiError | null; id?: string }) {
  const { t } = useI18n();
  if (!error) return null;
  const detail = problemDetail(t, error);
  return (
    <div class="error-message" role="alert" id={id} data-problem={error.code}>
      <p>{problemText(t, error)}</p>
      {detail && <p class="error-detail">{detail}</p>}
    </div>
  );
}
