import type { ComponentChildren } from 'preact';
import { Choice } from './Choice.tsx';
import { Field, type FieldProblem } from './Field.tsx';

export interface ChoiceOption {
  value: string;
  label: ComponentChildren;
}

export interface ChoiceGroupProps extends FieldProblem {
  /** The first choice's id, where an error summary sends focus; the hint's and error's ids derive from it. */
  id: string;
  name: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  options: readonly ChoiceOption[];
  type: 'radio' | 'checkbox';
  /** The class that lays the choices out (`rf-choices--inline`, `rf-choices--columns`). */
  layoutClass?: string | undefined;
  isChecked: (value: string) => boolean;
  onToggle: (value: string, checked: boolean) => void;
}

/** A fieldset of radios or checkboxes: the legend, hint and error once, then each choice. */
export function ChoiceGroup(props: ChoiceGroupProps) {
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
        <div class={props.layoutClass ? `rf-choices ${props.layoutClass}` : 'rf-choices'}>
          {props.options.map((option, index) => (
            <Choice
              key={option.value}
              type={props.type}
              name={props.name}
              value={option.value}
              id={index === 0 ? id : undefined}
              checked={props.isChecked(option.value)}
              onChange={(checked) => props.onToggle(option.value, checked)}
            >
              {option.label}
            </Choice>
          ))}
        </div>
      )}
    </Field>
  );
}
