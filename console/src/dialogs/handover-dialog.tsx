// What generate and renew show once they succeed: the single-access link, or the token itself,
// each in a dialog that will not close silently before it was copied.
import { useState } from 'preact/hooks';
import type { KeyHandover } from '../api/types';
import { LinkReveal } from '../components/link-reveal';
import { TokenReveal } from '../components/token-reveal';
import { useI18n } from '../i18n/i18n';
import { ShownOnceDialog } from './shown-once-dialog';

export interface HandoverDialogProps {
  handover: KeyHandover;
  /** The title when the token itself is shown (new key or renewed token). */
  tokenTitle: string;
  onClose: () => void;
}

export function HandoverDialog({ handover, tokenTitle, onClose }: HandoverDialogProps) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const markCopied = (): void => setCopied(true);
  if (handover.share)
    return (
      <ShownOnceDialog
        title={t.share.linkTitle}
        testId="link-dialog"
        what="link"
        copied={copied}
        onClose={onClose}
      >
        <LinkReveal share={handover.share} onCopied={markCopied} />
      </ShownOnceDialog>
    );
  return (
    <ShownOnceDialog title={tokenTitle} testId="token-dialog" what="token" copied={copied} onClose={onClose}>
      <TokenReveal appKey={handover.key.appKey} token={handover.token} onCopied={markCopied} />
    </ShownOnceDialog>
  );
}
