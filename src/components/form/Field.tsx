import type { ComponentChildren } from 'preact';
import './Field.css';

/** What the control inside a field needs to be found and described: given to it by `Field`. */
export interface ControlAttributes {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
}

/** Where a field has a problem: the message beside it, and the words that announce it. */
export interface FieldProblem {
  /** The message shown beside the field; undefined while the field is fine. */
  error?: string | undefined;
  /** Read before the message by screen readers only ("There is a problem"), as on the summary. */
  errorPrefix?: string | undefined;
}

export interface FieldProps extends FieldProblem {
  /** The control's id; the hint's and the error's ids are made from it. */
  id: string;
  /** The question. Omitted when the control carries its own label (a lone checkbox). */
  label?: ComponentChildren;
  /** A group of controls (radios, checkboxes): a fieldset whose legend is the label. */
  group?: boolean;
  hint?: ComponentChildren;
  /** Shown first but not part of the description, such as the guidance in a panel. */
  intro?: ComponentChildren;
  /** More classes for the wrapper (a panel). */
  class?: string | undefined;
  /** Draws the control, given its id, description and validity. */
  children: (control: ControlAttributes) => ComponentChildren;
}

/** The ids a field's description is made of, hint first, so the question comes before the problem. */
export function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/**
 * One question: label, hint, error message and control, in that order, with the hint and the
 * error tied to the control (or to the group's fieldset) once, here, so a screen reader hears
 * the problem where it is.
 */
export function Field(props: FieldProps) {
  const { id, group = false, error } = props;
  const description = describedBy(id, props.hint !== undefined, error !== undefined);
  const classes = ['rf-field', error !== undefined ? 'rf-field--error' : '', props.class ?? '']
    .filter(Boolean)
    .join(' ');
  const hint = props.hint !== undefined && (
    <p class="rf-field__hint" id={`${id}-hint`}>
      {props.hint}
    </p>
  );
  const message = error !== undefined && (
    <p class="rf-field__error" id={`${id}-error`}>
      {props.errorPrefix && <span class="rf-visually-hidden">{props.errorPrefix}: </span>}
      {error}
    </p>
  );

  if (group) {
    // The fieldset is what a screen reader announces on entering the group: it carries the
    // description, and each choice inside keeps only its own label.
    return (
      <fieldset class={classes} aria-describedby={description}>
        <legend class="rf-field__label">{props.label}</legend>
        {props.intro}
        {hint}
        {message}
        {props.children({ id })}
      </fieldset>
    );
  }
  return (
    <div class={classes}>
      {props.label !== undefined && (
        <label class="rf-field__label" for={id}>
          {props.label}
        </label>
      )}
      {props.intro}
      {hint}
      {message}
      {props.children({
        id,
        'aria-describedby': description,
        'aria-invalid': error !== undefined ? 'true' : undefined,
      })}
    </div>
  );
}
