// A labelled multi-line input with its hint and its error tied to it through aria-describedby: the
// TextField of lists pasted one entry per line.
import { useId } from 'preact/hooks';

export interface TextAreaFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string | null;
  required?: boolean;
  rows?: number;
  name?: string;
}

export function TextAreaField(props: TextAreaFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        value={props.value}
        required={props.required}
        aria-required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
        autoComplete="off"
        spellcheck={false}
        onInput={(event) => props.onInput((event.currentTarget as HTMLTextAreaElement).value)}
      />
      {props.error && (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      )}
    </div>
  );
}
