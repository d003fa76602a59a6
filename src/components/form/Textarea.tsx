import type { ComponentChildren } from 'preact';
import { Field, type FieldProblem } from './Field.tsx';
import './TextInput.css';

export interface TextareaProps extends FieldProblem {
  id: string;
  name: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  value: string;
  onInput: (value: string) => void;
  /** Lines shown before it grows; the person can drag it taller. */
  rows?: number;
}

/** A longer answer in the person's own words, with its label, hint and error. */
export function Textarea(props: TextareaProps) {
  return (
    <Field
      id={props.id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      errorPrefix={props.errorPrefix}
    >
      {(control) => (
        <textarea
          class="rf-input rf-input--text"
          {...control}
          name={props.name}
          rows={props.rows ?? 4}
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}
