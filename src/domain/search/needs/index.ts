import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { ht } from './ht.ts';
import { kea } from './kea.ts';
import { pt } from './pt.ts';
import { ru } from './ru.ts';
import { so } from './so.ts';
import type { NeedTable } from './targets.ts';
import { vi } from './vi.ts';
import { zhHans } from './zh-Hans.ts';
import { zhHant } from './zh-Hant.ts';

/**
 * Everyday words for needs, per locale. Read at build time into each locale's search index
 * file (documents.ts), never bundled into the finder: the browser gets only its own locale.
 * English words are added to every locale, as people mix in "detox" or "narcan".
 */
export const NEEDS: Readonly<Record<string, NeedTable>> = {
  en,
  es,
  ht,
  kea,
  pt,
  vi,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  ar,
  ru,
  so,
  fr,
};

export function needsFor(locale: string): NeedTable {
  return locale === 'en' ? en : { ...en, ...(NEEDS[locale] ?? {}) };
}
