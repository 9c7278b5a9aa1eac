// "Export CSV" and "Export XLSX" for the Generated keys tab: every key matching the filters shown
// (search, status, alert), fetched with the session's headers and saved under the server's name.
// "Needs attention" is the console's own merge of several API queries (key-pages.ts) with no
// single API filter behind it: exporting "everything" instead would hand over keys the operator
// did not ask for, so the buttons are disabled there with the reason next to them.
import { useEffect, useId, useState } from 'preact/hooks';
import type { ExportFormat } from '../api/api-client';
import type { KeyFilter } from '../api/types';
import { ProblemMessage } from '../components/problem-message';
import { saveFile } from '../components/save-file';
import { useAction } from '../components/use-action';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session-context';

const FORMATS: ExportFormat[] = ['csv', 'xlsx'];

export function KeyExport({ filter }: { filter: KeyFilter }) {
  const { t } = useI18n();
  const { api } = useSession();
  const id = useId();
  const action = useAction();
  const [running, setRunning] = useState<ExportFormat | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  // What the last export said (done, too large, unavailable) was about other filters: forget it.
  useEffect(() => {
    action.clearError();
    setSaved(null);
  }, [filter.search, filter.status, filter.alert]);

  const attention = filter.alert === 'attention';
  const unavailable = attention || action.busy;

  const run = async (format: ExportFormat): Promise<void> => {
    if (unavailable) return;
    // The filters as shown at the click (the search as typed, not yet debounced for the list).
    const { alert, ...rest } = filter;
    if (alert === 'attention') return;
    setSaved(null);
    setRunning(format);
    const file = await action.run(() => api.exportKeys({ ...rest, alert }, format));
    setRunning(null);
    if (!file) return;
    saveFile(file.blob, file.fileName);
    setSaved(file.fileName);
  };

  const described = [`${id}-hint`, attention ? `${id}-reason` : ''].filter(Boolean).join(' ');
  return (
    <div class="key-export" role="group" aria-labelledby={`${id}-label`} data-testid="key-export">
      <span class="key-export-label" id={`${id}-label`}>
        {t.export.label}
      </span>
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          class="button"
          data-format={format}
          // aria-disabled, not disabled: the button keeps focus and still tells why it does nothing.
          aria-disabled={unavailable}
          aria-describedby={described}
          aria-busy={running === format}
          onClick={() => void run(format)}
        >
          {running === format ? t.export.working : format === 'csv' ? t.export.csv : t.export.xlsx}
        </button>
      ))}
      <p class="hint" id={`${id}-hint`}>
        {t.export.hint}
      </p>
      {attention && (
        <p class="hint key-export-reason" id={`${id}-reason`} data-testid="export-unavailable">
          {t.export.attention}
        </p>
      )}
      {/* Always rendered, so the live region exists before it has something to announce. */}
      <p class="hint key-export-status" role="status" data-testid="export-status">
        {saved ? t.export.done(saved) : ''}
      </p>
      <ProblemMessage error={action.error} />
    </div>
  );
}
