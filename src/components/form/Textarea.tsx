import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Field, type FieldProblem } from './Field.tsx';
import './TextInput.css';

/** A limit the box enforces while the person types, with the words that describe it. */
export interface TextLimit {
  /** Characters allowed, counting a line break once (the browser's and the validator's count). */
  max: number;
  /** "Characters left: 120", in the reader's language, for a count of characters left. */
  left: (remaining: number) => string;
  /** Said when a paste or a long typing run hit the limit and the rest was not added. */
  cut: string;
}

export interface TextareaProps extends FieldProblem {
  id: string;
  name: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  value: string;
  onInput: (value: string) => void;
  /** Lines shown before it grows; the person can drag it taller. */
  rows?: number;
  limit?: TextLimit;
}

// Screen readers hear the count once the person pauses, not on every key.
const ANNOUNCE_AFTER_MS = 1_000;

/** Characters as the limit counts them: code points, line breaks once. */
function characters(text: string): number {
  return [...text.replace(/\r\n?/g, '\n')].length;
}

/** A longer answer in the person's own words, with its label, hint, error and limit. */
export function Textarea(props: TextareaProps) {
  const { limit } = props;
  const remaining = limit ? Math.max(0, limit.max - characters(props.value)) : 0;
  const [announced, setAnnounced] = useState('');
  const [wasCut, setWasCut] = useState(false);
  useEffect(() => {
    if (!limit) return;
    const timer = setTimeout(() => setAnnounced(limit.left(remaining)), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [remaining]);

  // The browser's maxlength refuses what does not fit (and counts a line break once, like the
  // validator); a paste that did not fit whole is said, so nothing is lost without a word.
  const paste = (event: JSX.TargetedClipboardEvent<HTMLTextAreaElement>) => {
    if (!limit) return;
    const box = event.currentTarget;
    const pasted = event.clipboardData?.getData('text') ?? '';
    const selected = characters(box.value.slice(box.selectionStart, box.selectionEnd));
    const room = limit.max - characters(box.value) + selected;
    setWasCut(characters(pasted) > room);
  };

  return (
    <Field
      id={props.id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      errorPrefix={props.errorPrefix}
    >
      {(control) => (
        <>
          <textarea
            class="rf-input rf-input--text"
            {...control}
            aria-describedby={
              limit
                ? [control['aria-describedby'], `${props.id}-count`].filter(Boolean).join(' ')
                : control['aria-describedby']
            }
            name={props.name}
            rows={props.rows ?? 4}
            maxLength={limit?.max}
            value={props.value}
            onPaste={paste}
            onInput={(event) => {
              if (limit && characters(event.currentTarget.value) < limit.max) setWasCut(false);
              props.onInput(event.currentTarget.value);
            }}
          />
          {limit && (
            <>
              {/* Seen as the person types; read with the field, not announced on each key. */}
              <p class="rf-field__count" id={`${props.id}-count`}>
                {limit.left(remaining)}
                {wasCut && <> {limit.cut}</>}
              </p>
              <p class="rf-visually-hidden" aria-live="polite">
                {announced}
                {wasCut && <> {limit.cut}</>}
              </p>
            </>
          )}
        </>
      )}
    </Field>
  );
}
