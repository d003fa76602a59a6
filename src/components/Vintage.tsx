import type { Translate } from './types.ts';
import type { MessageKey } from '../i18n/message-keys.ts';

export const VINTAGE_KEYS = [
  'provider.vintage',
  'provider.vintageAbout',
  'provider.aboutYear',
] as const;

type VintageTranslate = Translate<MessageKey<typeof VINTAGE_KEYS>>;

/** The importer writes a source's age as a year or "about" and a year: "2017", "about 2021". */
function parseVintage(vintage: string): { year: string; about: boolean } | undefined {
  const match = /^(about\s+)?(\d{4})$/i.exec(vintage.trim());
  return match ? { year: match[2]!, about: match[1] !== undefined } : undefined;
}

/** "about 2021" in the reader's language, or undefined when the vintage is not of that form. */
export function vintageWords(vintage: string, t: VintageTranslate): string | undefined {
  const parsed = parseVintage(vintage);
  if (!parsed) return undefined;
  return parsed.about ? t('provider.aboutYear', { year: parsed.year }) : parsed.year;
}

export interface VintageProps {
  vintage: string;
  t: VintageTranslate;
}

/**
 * " (data from about 2021)" after a source's name, in the reader's language. A vintage of
 * another form is shown as written, marked as the source's English.
 */
export function Vintage({ vintage, t }: VintageProps) {
  const parsed = parseVintage(vintage);
  if (!parsed) {
    const [before, after] = t('provider.vintage', { vintage: '\u0000' }).split('\u0000');
    return (
      <>
        {' ('}
        {before}
        <span lang="en">{vintage}</span>
        {after})
      </>
    );
  }
  const words = parsed.about
    ? t('provider.vintageAbout', { year: parsed.year })
    : t('provider.vintage', { vintage: parsed.year });
  return <> ({words})</>;
}
