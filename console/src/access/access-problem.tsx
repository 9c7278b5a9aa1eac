// An API refusal in the Roles or External keys tab: the tab's own sentence for the codes whose
// shared wording speaks of "this key" (role-in-use, 412, 404, ...), the shared one otherwise. Same
// markup as ProblemMessage, so it reads and looks the same.
import type { ApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n';
import { problemDetail, problemText } from '../i18n/problem-text';

export interface AccessProblemProps {
  error: ApiError | null;
  /** Texts by problem code for this place; `variant` picks `${code}-${variant}` first. */
  texts: Record<string, string>;
  variant?: string;
  id?: string;
}

export function AccessProblem({ error, texts, variant, id }: AccessProblemProps) {
  const { t } = useI18n();
  if (!error) return null;
  const own = (variant && texts[`${error.code}-${variant}`]) || texts[error.code];
  const detail = problemDetail(t, error);
  return (
    <div class="error-message" role="alert" id={id} data-problem={error.code}>
      <p>{own ?? problemText(t, error)}</p>
      {detail && <p class="error-detail">{detail}</p>}
    </div>
  );
}
