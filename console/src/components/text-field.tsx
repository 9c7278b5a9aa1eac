// A labelled input with its hint and its error tied to it through aria-describedby.
import type { Ref } from 'preact';
import { useId } from 'preact/hooks';

export interface TextFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string | null;
  type?: 'text' | 'password' | 'number' | 'search';
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  autoComplete?: string;
  min?: number;
  max?: number;
  name?: string;
}

export function TextField(props: TextFieldProps) {
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
      <input
        ref={props.inputRef}
        id={id}
        name={props.name}
        // Preact's types discriminate attributes by input type; all of ours take the same ones.
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        required={props.required}
        aria-required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
        autoComplete={props.autoComplete ?? 'off'}
        spellcheck={false}
        min={props.min}
        max={props.max}
        onInput={(event) => props.onInput((event.currentTarget as HTMLInputElement).value)}
      />
      {props.error && (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      )}
    </div>
  );
}
