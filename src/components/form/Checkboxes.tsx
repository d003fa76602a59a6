import type { ComponentChildren } from 'preact';
import { ChoiceGroup, type ChoiceOption } from './ChoiceGroup.tsx';
import type { FieldProblem } from './Field.tsx';

export interface CheckboxesProps extends FieldProblem {
  /** The first checkbox's id, where an error summary sends focus. */
  id: string;
  name: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  options: readonly ChoiceOption[];
  /** The values ticked, in the order they were ticked. */
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** One under another (default), or in columns where the screen is wide enough. */
  layout?: 'stacked' | 'columns';
}

/** Any number of answers, as a fieldset of checkboxes. */
export function Checkboxes({ values, onChange, layout, ...group }: CheckboxesProps) {
  return (
    <ChoiceGroup
      {...group}
      type="checkbox"
      layoutClass={layout === 'columns' ? 'rf-choices--columns' : undefined}
      isChecked={(option) => values.includes(option)}
      onToggle={(option, checked) =>
        onChange(checked ? [...values, option] : values.filter((value) => value !== option))
      }
    />
  );
}
