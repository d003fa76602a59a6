import type { ComponentChildren, JSX } from 'preact';
import { Field, type FieldProblem } from './Field.tsx';
import './TextInput.css';

export interface TextInputProps extends FieldProblem {
  id: string;
  name: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'tel' | 'email';
  autocomplete?: string;
  inputMode?: JSX.HTMLAttributes['inputMode'];
  /** Announced as required (aria-required): the form checks itself, the browser's check stays off. */
  required?: boolean;
  /** The width the answer needs: a postcode is short, a phone number medium. */
  width?: 'short' | 'phone';
  /** Digits and codes that keep left-to-right order inside right-to-left text. */
  ltr?: boolean;
}

// Written out whole, so a search for a class finds where it is used.
const WIDTH_CLASS = { short: 'rf-input--short', phone: 'rf-input--phone' } as const;

/** A one-line answer, with its label, hint and error. */
export function TextInput(props: TextInputProps) {
  const classes = [
    'rf-input',
    props.width ? WIDTH_CLASS[props.width] : '',
    props.ltr ? 'rf-ltr' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <Field
      id={props.id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      errorPrefix={props.errorPrefix}
    >
      {(control) => (
        <input
          class={classes}
          {...control}
          name={props.name}
          type={props.type}
          autocomplete={props.autocomplete}
          inputMode={props.inputMode}
          aria-required={props.required ? 'true' : undefined}
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}
