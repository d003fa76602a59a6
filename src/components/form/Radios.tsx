import type { ComponentChildren } from 'preact';
import { Choice } from './Choice.tsx';
import { Field, type FieldProblem } from './Field.tsx';

export interface RadioOption {
  value: string;
  label: ComponentChildren;
}

export interface RadiosProps extends FieldProblem {
  /** The first radio's id, where an error summary sends focus; the hint's and error's ids derive from it. */
  id: string;
  name: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  options: readonly RadioOption[];
  /** The chosen value; '' while none is. */
  value: string;
  onChange: (value: string) => void;
  /** How the choices sit: one under another (default) or side by side, for short answers. */
  layout?: 'stacked' | 'inline';
}

/** One answer from a few, as a fieldset of radios: arrow keys move between them. */
export function Radios(props: RadiosProps) {
  return (
    <Field
      id={props.id}
      group
      label={props.legend}
      hint={props.hint}
      error={props.error}
      errorPrefix={props.errorPrefix}
    >
      {({ id }) => (
        <div class={props.layout === 'inline' ? 'rf-choices rf-choices--inline' : 'rf-choices'}>
          {props.options.map((option, index) => (
            <Choice
              key={option.value}
              type="radio"
              name={props.name}
              value={option.value}
              id={index === 0 ? id : undefined}
              checked={props.value === option.value}
              onChange={() => props.onChange(option.value)}
            >
              {option.label}
            </Choice>
          ))}
        </div>
      )}
    </Field>
  );
}
