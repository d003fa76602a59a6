import { interpolate } from './interpolate.ts';

/** A number as dialled and as shown. */
export interface Dial {
  dial: string;
  display: string;
  /** No source has confirmed it: drawn with a notice beside it (see UnverifiedNote). */
  unverified?: true;
}

/** A number as a site.yaml gives it, reduced to what the line carries to a page or island. */
function dialOf(line: Dial | { dial: string; display: string; unverified?: object }): Dial {
  const dial: Dial = { dial: line.dial, display: line.display };
  if (line.unverified) dial.unverified = true;
  return dial;
}

/**
 * The deployment's line (site.yaml `hotline`): the people who reach a place for a resident when
 * the listing has no number of its own. `local` works inside the city, `anywhere` from any phone.
 */
export interface LineNumbers {
  local: Dial;
  anywhere: Dial;
  /** The place `local` works in ("from outside Boston"). */
  city: string;
}

/** The line with its name, for messages read away from the site ("Call Boston 311 at …"). */
export interface DeploymentLine extends LineNumbers {
  name: string;
}

/** The line as a site.yaml names it. */
export function deploymentLine(site: {
  city: string;
  hotline: {
    name: string;
    local: Parameters<typeof dialOf>[0];
    anywhere: Parameters<typeof dialOf>[0];
  };
}): DeploymentLine {
  const { name, local, anywhere } = site.hotline;
  return {
    name,
    local: dialOf(local),
    anywhere: dialOf(anywhere),
    city: site.city,
  };
}

/** Placeholders a sentence about the line may hold; each becomes a link where the language puts it. */
export type LineSlot = 'hotline' | 'number';

const MARK = '\u0000';

/** Values that mark the slots in a translated sentence, for `lineSentence` to find again. */
export const LINE_SLOT_MARKS: Readonly<Record<LineSlot, string>> = {
  hotline: `${MARK}hotline${MARK}`,
  number: `${MARK}number${MARK}`,
};

/**
 * A translated sentence, filled with `LINE_SLOT_MARKS`, as text and the slots between it
 * ("Call 311 (617-635-4500 from outside …)" → ["Call ", {slot: 'hotline'}, " (", …]), so the
 * numbers can be drawn as links in whatever order the language puts them.
 */
export function lineSentence(marked: string): Array<string | { slot: LineSlot }> {
  return marked
    .split(MARK)
    .map((part, index): string | { slot: LineSlot } =>
      index % 2 === 1 && (part === 'hotline' || part === 'number') ? { slot: part } : part,
    )
    .filter((part) => part !== '');
}

/**
 * The "Call …" part of a text or copied message about a place: its own number when it has one,
 * otherwise the deployment's line. A message is read anywhere, so the line is the number that
 * works from any phone, named so the reader knows whom they are calling.
 */
export function callPart(
  templates: { call: string; viaLine: string },
  own: string | undefined,
  line: Pick<DeploymentLine, 'name' | 'anywhere'>,
): string {
  return own
    ? interpolate(templates.call, { number: own })
    : interpolate(templates.viaLine, { number: line.anywhere.display, hotline: line.name });
}
