import type { ComponentChildren } from 'preact';
import type { ControlAttributes } from './Field.tsx';
import './Choice.css';

export interface ChoiceProps extends Partial<ControlAttributes> {
  type: 'radio' | 'checkbox';
  name: string;
  value: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ComponentChildren;
}

/** One radio button or checkbox inside its own label, so the whole line is the target. */
export function Choice(props: ChoiceProps) {
  return (
    <label class="rf-check">
      <input
        type={props.type}
        name={props.name}
        value={props.value}
        id={props.id}
        aria-describedby={props['aria-describedby']}
        aria-invalid={props['aria-invalid']}
        checked={props.checked}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />{' '}
      {props.children}
    </label>
  );
}
