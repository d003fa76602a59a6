import type { Translate } from './types.ts';
import type { MessageKey } from '../i18n/message-keys.ts';

export const VINTAGE_KEYS = ['provider.vintage', 'provider.vintageAbout'] as const;

export interface VintageProps {
  /** How old a source's data is, as the importer wrote it: "2017", "about 2021". */
  vintage: string;
  t: Translate<MessageKey<typeof VINTAGE_KEYS>>;
}

/**
 * " (data from about 2021)" after a source's name, in the reader's language. The importer
 * writes a year or "about" and a year; anything else is shown as written, marked as English.
 */
export function Vintage({ vintage, t }: VintageProps) {
  const match = /^(about\s+)?(\d{4})$/i.exec(vintage.trim());
  if (!match) {
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
  const year = match[2]!;
  return (
    <>
      {' '}
      ({match[1] ? t('provider.vintageAbout', { year }) : t('provider.vintage', { vintage: year })})
    </>
  );
}
