import type { ComponentChildren } from 'preact';

/**
 * Stands in a translated sentence where the value goes: a sentence translated with VALUE_MARK
 * as its number comes back with the mark where the reader's language puts the number.
 */
export const VALUE_MARK = '\u0000';

/** The sentence before and after the value; a sentence without the mark has it at the end. */
export function splitAtValue(text: string): [string, string] {
  const at = text.indexOf(VALUE_MARK);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + VALUE_MARK.length)];
}

export interface WithValueProps {
  /** The translated sentence, filled with VALUE_MARK for the value. */
  text: string;
  /** The number, id or address, drawn left to right. */
  value: ComponentChildren;
}

/**
 * A sentence with a number in it ("اتصل بالرقم 617-254-1271"): the number stands in its own
 * left-to-right element, so right-to-left text around it cannot reverse its groups.
 */
export function WithValue({ text, value }: WithValueProps) {
  const [before, after] = splitAtValue(text);
  return (
    <>
      {before}
      <bdi dir="ltr">{value}</bdi>
      {after}
    </>
  );
}
