import type { ComponentChildren } from 'preact';
import { Field, type FieldProblem } from './Field.tsx';
import './TextInput.css';

export interface SelectOption {
  value: string;
  label: string;
  /** The option's own language, when it is written in it (a language's name in that language). */
  lang?: string | undefined;
}

export interface SelectProps extends FieldProblem {
  id: string;
  name: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  options: readonly SelectOption[];
  value: string;
  onChange: (value: string) => void;
}

/** One answer from a list too long for radios, with its label, hint and error. */
export function Select(props: SelectProps) {
  return (
    <Field
      id={props.id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      errorPrefix={props.errorPrefix}
    >
      {(control) => (
        <select
          class="rf-input"
          {...control}
          name={props.name}
          value={props.value}
          onChange={(event) => props.onChange(event.currentTarget.value)}
        >
          {props.options.map((option) => (
            <option value={option.value} key={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
