import type { ComponentChildren } from 'preact';
import { ChoiceGroup, type ChoiceOption } from './ChoiceGroup.tsx';
import type { FieldProblem } from './Field.tsx';

export interface RadiosProps extends FieldProblem {
  /** The first radio's id, where an error summary sends focus. */
  id: string;
  name: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  options: readonly ChoiceOption[];
  /** The chosen value; '' while none is. */
  value: string;
  onChange: (value: string) => void;
  /** How the choices sit: one under another (default) or side by side, for short answers. */
  layout?: 'stacked' | 'inline';
}

/** One answer from a few, as a fieldset of radios: arrow keys move between them. */
export function Radios({ value, onChange, layout, ...group }: RadiosProps) {
  return (
    <ChoiceGroup
      {...group}
      type="radio"
      layoutClass={layout === 'inline' ? 'rf-choices--inline' : undefined}
      isChecked={(option) => value === option}
      onToggle={(option) => onChange(option)}
    />
  );
}
