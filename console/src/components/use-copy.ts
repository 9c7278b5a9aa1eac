// Copying a once-shown value (a token, a link) to the clipboard. `copied` also turns true when the
// operator copies the field by hand (Ctrl+C), so the "Did you copy it?" question is not asked of
// someone who already did.
import { useRef, useState } from 'preact/hooks';

export type CopyState = 'idle' | 'copied' | 'failed';

export interface Copy {
  state: CopyState;
  input: { current: HTMLInputElement | null };
  copy: () => Promise<void>;
  /** For the field's onCopy: a manual copy counts too. */
  copiedByHand: () => void;
}

export function useCopy(value: string, onCopied?: () => void): Copy {
  const [state, setState] = useState<CopyState>('idle');
  const input = useRef<HTMLInputElement>(null);
  const done = (): void => {
    setState('copied');
    onCopied?.();
  };
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(value);
      done();
    } catch {
      // Clipboard access can be refused (permissions, insecure origin): leave the value selected.
      input.current?.select();
      setState('failed');
    }
  };
  return { state, input, copy, copiedByHand: done };
}
