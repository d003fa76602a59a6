import type { ComponentChildren } from 'preact';
import { Choice } from './Choice.tsx';
import { Field, type FieldProblem } from './Field.tsx';

export interface CheckboxOption {
  value: string;
  label: ComponentChildren;
}

export interface CheckboxesProps extends FieldProblem {
  /** The first checkbox's id, where an error summary sends focus; the hint's and error's ids derive from it. */
  id: string;
  name: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  options: readonly CheckboxOption[];
  /** The values ticked, in the order they were ticked. */
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** One under another (default), or in columns where the screen is wide enough. */
  layout?: 'stacked' | 'columns';
}

/** Any number of answers, as a fieldset of checkboxes. */
export function Checkboxes(props: CheckboxesProps) {
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
        <div class={props.layout === 'columns' ? 'rf-choices rf-choices--columns' : 'rf-choices'}>
          {props.options.map((option, index) => (
            <Choice
              key={option.value}
              type="checkbox"
              name={props.name}
              value={option.value}
              id={index === 0 ? id : undefined}
              checked={props.values.includes(option.value)}
              onChange={(checked) =>
                props.onChange(
                  checked
                    ? [...props.values, option.value]
                    : props.values.filter((value) => value !== option.value),
                )
              }
            >
              {option.label}
            </Choice>
          ))}
        </div>
      )}
    </Field>
  );
}
